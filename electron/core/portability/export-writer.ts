// Core: an export as a stream of bytes — the JSON document (in a zip beside the files its conversations carry, when
// they carry any), one Markdown file, or a zip with one Markdown file per conversation. Conversations are read one at a time between chunks, so memory stays at one conversation and the
// consumer's pace (a download, a file write) is what drives reading.

import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { AppFailure } from '../../../shared/result';
import {
  type ExportHeader,
  type ExportedConversation,
  archiveDocumentName,
  attachmentEntryName,
  exportFormatName,
  exportFormatVersion,
} from './export-format';
import type { HistorySnapshot } from './history-snapshot';
import { conversationToMarkdown, markdownFileName } from './markdown-export';

export type ExportFormat = 'json' | 'markdown';

export interface ExportRequest {
  format: ExportFormat;
  /** One conversation, or every one when null (and no compare is named). */
  conversationId: string | null;
  /** One compare: its columns' conversations, each a conversation of its own in the file. */
  compareId?: string | null;
}

export interface ExportProgress {
  (done: number, total: number): void;
}

const encoder = new TextEncoder();
/** Chunks handed to the consumer are about this big: small enough for steady progress, big enough to be cheap. */
const chunkBytes = 256 * 1024;

export const cancelledFailure = () => new AppFailure({ code: 'aborted', message: 'Cancelled. Nothing was changed.' });

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw cancelledFailure();
}

const day = (now: Date) => now.toISOString().slice(0, 10);

/** The bytes of a stored file for an export (its original); null when it is gone. */
export type ExportFileReader = (id: string) => Promise<Uint8Array | null>;

/** What an export covers. The one owner of the rule: a named compare wins over a conversation id (the channel refuses both). */
export function exportTarget(request: ExportRequest): 'everything' | 'conversation' | 'compare' {
  if (request.compareId) return 'compare';
  return request.conversationId === null ? 'everything' : 'conversation';
}

/**
 * The file name offered to the person; a single conversation or a compare is named after its title. A JSON export
 * with files is a zip; the whole history's and a compare's are told apart by name from their Markdown zips.
 */
export function exportFileName(request: ExportRequest, title: string | null, now: Date, withFiles = false): string {
  const json = request.format === 'json';
  const target = exportTarget(request);
  if (target === 'compare') {
    const compareTitle = title ?? 'Compare';
    const named = { id: request.compareId!, title: json && withFiles ? `${compareTitle} with files` : compareTitle };
    return markdownFileName(named, json ? (withFiles ? 'zip' : 'json') : 'zip');
  }
  if (target === 'conversation') {
    const named = { id: request.conversationId!, title: title ?? 'Conversation' };
    return markdownFileName(named, json ? (withFiles ? 'zip' : 'json') : 'md');
  }
  if (json && withFiles) return `switchboard-history-${day(now)}-with-files.zip`;
  return `switchboard-history-${day(now)}.${json ? 'json' : 'zip'}`;
}

/**
 * The conversations an export covers, and the title it is named after (none for everything); a conversation or a
 * compare that does not exist is not_found before anything is written.
 */
export function exportContents(
  snapshot: HistorySnapshot,
  request: ExportRequest,
): { ids: string[]; title: string | null } {
  const target = exportTarget(request);
  if (target === 'everything') return { ids: snapshot.conversationIds(), title: null };
  if (target === 'compare') {
    const compare = snapshot.compare(request.compareId!);
    if (!compare) throw new AppFailure({ code: 'not_found', message: 'That compare no longer exists.' });
    return { ids: compare.conversationIds, title: compare.title };
  }
  const conversation = snapshot.read(request.conversationId!);
  if (!conversation) throw new AppFailure({ code: 'not_found', message: 'That conversation no longer exists.' });
  return { ids: [conversation.id], title: conversation.title };
}

async function* eachConversation(
  snapshot: HistorySnapshot,
  ids: readonly string[],
  signal: AbortSignal,
  progress: ExportProgress,
): AsyncGenerator<ExportedConversation> {
  let done = 0;
  for (const id of ids) {
    throwIfCancelled(signal);
    const conversation = snapshot.read(id);
    if (conversation) yield conversation; // deleted meanwhile: left out
    progress(++done, ids.length);
  }
}

async function* jsonExport(
  conversations: AsyncIterable<ExportedConversation>,
  header: ExportHeader,
): AsyncGenerator<Uint8Array> {
  // The header fields come first, so a reader can tell what it has before the first conversation.
  let pending = `{"format":${JSON.stringify(header.format)},"version":${header.version},"exportedAt":${JSON.stringify(
    header.exportedAt,
  )},"appVersion":${JSON.stringify(header.appVersion)},"conversations":[`;
  let first = true;
  for await (const conversation of conversations) {
    pending += (first ? '\n' : ',\n') + JSON.stringify(conversation);
    first = false;
    if (pending.length >= chunkBytes) {
      yield encoder.encode(pending);
      pending = '';
    }
  }
  yield encoder.encode(`${pending}\n]}\n`);
}

/** Collects what a zip's ondata hands over, to be yielded at the consumer's pace. */
function zipOutput(): { zip: Zip; take(all?: boolean): Uint8Array | null } {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else ready.push(data);
  });
  return {
    zip,
    take(all = false) {
      if (failure) throw failure;
      const buffered = ready.reduce((sum, part) => sum + part.length, 0);
      if (buffered === 0 || (!all && buffered < chunkBytes)) return null;
      return concat(ready.splice(0));
    },
  };
}

/**
 * The JSON document and every file its conversations carry, in one zip: the document first (a reader can check it
 * before the files), then each file once however many messages carry it. Files are stored as they are (images and
 * PDFs are compressed already); text is deflated. Memory holds one conversation, or one file, at a time.
 */
async function* jsonWithFiles(
  conversations: AsyncIterable<ExportedConversation>,
  header: ExportHeader,
  readFile: ExportFileReader,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const { zip, take } = zipOutput();
  const files = new Map<string, string>();
  async function* noting(): AsyncGenerator<ExportedConversation> {
    for await (const conversation of conversations) {
      for (const message of conversation.messages)
        for (const file of message.attachments ?? []) if (!files.has(file.id)) files.set(file.id, file.mime);
      yield conversation;
    }
  }
  const document = new ZipDeflate(archiveDocumentName, { level: 6 });
  document.mtime = new Date(Date.parse(header.exportedAt) || 0);
  zip.add(document);
  for await (const chunk of jsonExport(noting(), header)) {
    document.push(chunk, false);
    const out = take();
    if (out) yield out;
  }
  document.push(new Uint8Array(0), true);
  for (const [id, mime] of files) {
    throwIfCancelled(signal);
    const bytes = await readFile(id);
    if (!bytes) {
      throw new AppFailure({
        code: 'not_found',
        message: `A file attached to a message (${attachmentEntryName({ id, mime })}) is no longer on disk.`,
      });
    }
    const name = attachmentEntryName({ id, mime });
    const entry = mime.startsWith('text/') ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    zip.add(entry);
    entry.push(bytes, true);
    const out = take();
    if (out) yield out;
  }
  zip.end();
  const rest = take(true);
  if (rest) yield rest;
}

async function* markdownZip(conversations: AsyncIterable<ExportedConversation>): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else ready.push(data);
  });
  const used = new Set<string>();
  let buffered = 0;
  for await (const conversation of conversations) {
    let name = markdownFileName(conversation);
    for (let n = 2; used.has(name); n++) name = markdownFileName(conversation).replace(/\.md$/, ` ${n}.md`);
    used.add(name);
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = new Date(conversation.updatedAt);
    zip.add(file);
    file.push(encoder.encode(conversationToMarkdown(conversation)), true);
    if (failure) throw failure;
    buffered = ready.reduce((sum, part) => sum + part.length, 0);
    if (buffered >= chunkBytes) yield concat(ready.splice(0));
  }
  zip.end();
  if (failure) throw failure;
  if (ready.length > 0) yield concat(ready.splice(0));
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function* singleMarkdown(conversations: AsyncIterable<ExportedConversation>): AsyncGenerator<Uint8Array> {
  for await (const conversation of conversations) yield encoder.encode(conversationToMarkdown(conversation));
}

export function writeExport(
  snapshot: HistorySnapshot,
  request: ExportRequest,
  ids: readonly string[],
  options: {
    signal: AbortSignal;
    progress: ExportProgress;
    header: Omit<ExportHeader, 'format' | 'version'>;
    /** Set when the conversations carry files: the JSON goes into a zip beside them. */
    files?: ExportFileReader | undefined;
  },
): AsyncGenerator<Uint8Array> {
  const conversations = eachConversation(snapshot, ids, options.signal, options.progress);
  if (request.format === 'json') {
    const header = { format: exportFormatName, version: exportFormatVersion, ...options.header } as const;
    return options.files
      ? jsonWithFiles(conversations, header, options.files, options.signal)
      : jsonExport(conversations, header);
  }
  return exportTarget(request) === 'conversation' ? singleMarkdown(conversations) : markdownZip(conversations);
}
