// Core: an export as a stream of bytes — the JSON document, one Markdown file, or a zip with one Markdown file per
// conversation. Conversations are read one at a time between chunks, so memory stays at one conversation and the
// consumer's pace (a download, a file write) is what drives reading.

import { Zip, ZipDeflate } from 'fflate';
import { AppFailure } from '../../../shared/result';
import { type ExportHeader, type ExportedConversation, exportFormatName, exportFormatVersion } from './export-format';
import type { HistorySnapshot } from './history-snapshot';
import { conversationToMarkdown, markdownFileName } from './markdown-export';

export type ExportFormat = 'json' | 'markdown';

export interface ExportRequest {
  format: ExportFormat;
  /** One conversation, or every one when null. */
  conversationId: string | null;
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

/** The file name offered to the person; a single conversation is named after its title. */
export function exportFileName(request: ExportRequest, title: string | null, now: Date): string {
  if (request.conversationId !== null) {
    return markdownFileName(
      { id: request.conversationId, title: title ?? 'Conversation' },
      request.format === 'json' ? 'json' : 'md',
    );
  }
  return `switchboard-history-${day(now)}.${request.format === 'json' ? 'json' : 'zip'}`;
}

/** The conversations an export covers; one that does not exist is not_found before anything is written. */
export function exportIds(snapshot: HistorySnapshot, request: ExportRequest): string[] {
  if (request.conversationId === null) return snapshot.conversationIds();
  if (!snapshot.read(request.conversationId)) {
    throw new AppFailure({ code: 'not_found', message: 'That conversation no longer exists.' });
  }
  return [request.conversationId];
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
  options: { signal: AbortSignal; progress: ExportProgress; header: Omit<ExportHeader, 'format' | 'version'> },
): AsyncGenerator<Uint8Array> {
  const conversations = eachConversation(snapshot, ids, options.signal, options.progress);
  if (request.format === 'json') {
    return jsonExport(conversations, { format: exportFormatName, version: exportFormatVersion, ...options.header });
  }
  return request.conversationId === null ? markdownZip(conversations) : singleMarkdown(conversations);
}
