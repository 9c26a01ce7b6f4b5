// Core: turns the bytes of an import file into conversations, one at a time, whatever the file is: Switchboard's
// JSON export (alone, or in the zip it comes in with the files its conversations carry), a ChatGPT
// `conversations.json` (or the zip ChatGPT sends it in), or a Markdown file (or a zip of them). Everything is streamed: memory holds a chunk and one conversation, never the file. Every problem is a
// worded `badFile`.

import { basename } from 'node:path';
import { maxAttachmentBytes } from '../../../shared/attachments';
import { chatGptConversation } from './chatgpt-import';
import {
  type ExportedConversation,
  archiveDocumentName,
  archiveFilesFolder,
  attachmentIdOfEntry,
  exportFormatName,
  exportFormatVersion,
  exportedConversationSchema,
} from './export-format';
import { type ImportLimits, badFile, formatBytes, tooLarge } from './import-limits';
import { orderTree } from './import-tree';
import { JsonValueStream } from './json-stream';
import { markdownConversation } from './markdown-import';
import { cancelledFailure } from './export-writer';
import { type ZipPiece, zipEntries } from './zip-entries';
import type { PortabilityFiles } from './portability-service';

export interface ImportFile {
  bytes: AsyncIterable<Uint8Array>;
  fileName: string;
  /** Declared size, when known: a file over the limit is refused before a byte is read. */
  size: number | null;
}

export interface ImportReadOptions {
  limits: ImportLimits;
  signal: AbortSignal;
  /** The model of conversations whose file names none. */
  fallbackModel: string;
  now: () => number;
  /** Bytes of the file read so far, for progress. */
  onBytes?: (read: number) => void;
  /** Where the files of a Switchboard zip go; without it such a zip's files are refused. */
  files?: Pick<PortabilityFiles, 'add'> | undefined;
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

async function* counted(file: ImportFile, options: ImportReadOptions): AsyncGenerator<Uint8Array> {
  let read = 0;
  for await (const chunk of file.bytes) {
    if (options.signal.aborted) throw cancelledFailure();
    read += chunk.length;
    if (read > options.limits.maxBytes) throw tooLarge(options.limits);
    options.onBytes?.(read);
    if (chunk.length > 0) yield chunk;
  }
  if (options.signal.aborted) throw cancelledFailure();
}

async function* checkedUtf8(chunks: AsyncIterable<Uint8Array>, what: string): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let offset = 0;
  for await (const chunk of chunks) {
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      throw badFile(`${what} is not UTF-8 text (invalid bytes after byte ${offset.toLocaleString('en-US')}).`);
    }
    offset += chunk.length;
    yield chunk;
  }
  try {
    decoder.decode();
  } catch {
    throw badFile(`${what} ends in the middle of a character: it may have been cut off.`);
  }
}

/** Puts back the chunk that was read to tell what the file is. */
async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

const chatGptEntry = /(^|\/)conversations\.json$/;
/** Markdown files, leaving out the copies of file metadata macOS adds to a zip it makes (`__MACOSX/`, `._name`). */
const isMarkdownEntry = (name: string) =>
  /\.(md|markdown)$/i.test(name) && !/(^|\/)__MACOSX\//.test(name) && !basename(name).startsWith('._');

/** The bytes of the zip's first conversations.json (the rest of the zip is still read, so damage there shows). */
async function* chatGptBytes(first: ZipPiece, rest: AsyncIterator<ZipPiece>): AsyncGenerator<Uint8Array> {
  for (let next: IteratorResult<ZipPiece> = { done: false, value: first }; !next.done; next = await rest.next()) {
    if (next.value.name === first.name && next.value.data.length > 0) yield next.value.data;
  }
}

/** A zip of Markdown files (what "Export all (Markdown zip)" writes): each file one new conversation. */
async function* markdownZip(
  first: ZipPiece,
  rest: AsyncIterator<ZipPiece>,
  options: ImportReadOptions,
): AsyncGenerator<ExportedConversation> {
  let file = null as { name: string; decoder: InstanceType<typeof TextDecoder>; text: string; bytes: number } | null;
  let found = 0;
  for (let next: IteratorResult<ZipPiece> = { done: false, value: first }; !next.done; next = await rest.next()) {
    const { name, data, final } = next.value;
    if (chatGptEntry.test(name)) {
      throw badFile('The zip holds both Markdown files and a conversations.json; import one kind of file at a time.');
    }
    if (!isMarkdownEntry(name)) continue;
    if (file?.name !== name) file = { name, decoder: new TextDecoder('utf-8', { fatal: true }), text: '', bytes: 0 };
    file.bytes += data.length;
    if (file.bytes > options.limits.maxMarkdownBytes) {
      throw badFile(
        `${name} in the zip is larger than ${formatBytes(options.limits.maxMarkdownBytes)}, too long for one conversation.`,
      );
    }
    try {
      file.text += file.decoder.decode(data, { stream: !final });
    } catch {
      throw badFile(`${name} in the zip is not UTF-8 text.`);
    }
    if (!final) continue;
    const conversation = markdownConversation(file.text, basename(name), options.fallbackModel, options.now());
    file = null;
    // A conversation that never had a message exports as a heading alone: nothing to bring back.
    if (conversation.messages.length === 0) continue;
    found++;
    yield conversation;
  }
  if (found === 0) throw badFile('The Markdown files in the zip have no text in them.');
}

/**
 * Switchboard's own zip: its JSON document and the files the conversations carry, in either order. Each file is
 * hostile input like any other: checked by content and stored by the attachment store exactly as a file the person
 * attached (deduplicated by hash), and it must be the file its name says (its content hash). A file no message names
 * is stored but never linked, so garbage collection takes it; a message naming a file that is neither in the zip nor
 * already here fails the import when it is applied (import-staging.ts).
 */
async function* switchboardZip(
  first: ZipPiece,
  rest: AsyncIterator<ZipPiece>,
  options: ImportReadOptions,
): AsyncGenerator<ExportedConversation> {
  const parser = switchboardJsonParser(options.limits);
  /** The name each file had on the first message naming it, so a stored file keeps a person's name, not a hash. */
  const names = new Map<string, string>();
  const noteNames = (conversations: ExportedConversation[]) => {
    for (const conversation of conversations)
      for (const message of conversation.messages)
        for (const file of message.attachments ?? []) if (!names.has(file.id)) names.set(file.id, file.name);
    return conversations;
  };
  let file = null as { entry: string; id: string; parts: Uint8Array[]; bytes: number } | null;
  let sawDocument = false;
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  for (let next: IteratorResult<ZipPiece> = { done: false, value: first }; !next.done; next = await rest.next()) {
    const { name, data, final } = next.value;
    if (name === archiveDocumentName) {
      sawDocument = true;
      try {
        utf8.decode(data, { stream: !final });
      } catch {
        throw badFile(`${archiveDocumentName} in the zip is not UTF-8 text.`);
      }
      if (data.length > 0) yield* noteNames(parser.write(data));
      if (final) yield* noteNames(parser.end());
      continue;
    }
    const id = attachmentIdOfEntry(name);
    if (id === null) continue; // not ours (a file manager's leftovers): left alone
    if (!options.files) throw badFile('The zip holds attached files, which cannot be kept here.');
    if (file?.entry !== name) file = { entry: name, id, parts: [], bytes: 0 };
    file.bytes += data.length;
    if (file.bytes > maxAttachmentBytes) {
      throw badFile(`${name} in the zip is larger than ${formatBytes(maxAttachmentBytes)}, the most a file can be.`);
    }
    file.parts.push(data);
    if (!final) continue;
    const bytes = file.parts.length === 1 ? file.parts[0]! : Buffer.concat(file.parts);
    file = null;
    const stored = await options.files.add(names.get(id) ?? basename(name), bytes);
    if (!stored.ok) throw badFile(`${name} in the zip was refused: ${stored.error.message}`);
    if (stored.value.id !== id) {
      throw badFile(`${name} in the zip is not the file its name says (its content is different).`);
    }
  }
  if (!sawDocument) throw badFile(`The zip has files under ${archiveFilesFolder} but no ${archiveDocumentName}.`);
}

/** A ChatGPT export's zip (its conversations.json) or a zip of Markdown files, told apart by the first one found. */
async function* zipImport(
  chunks: AsyncIterable<Uint8Array>,
  options: ImportReadOptions,
): AsyncGenerator<ExportedConversation> {
  const ours = (name: string) => name === archiveDocumentName || attachmentIdOfEntry(name) !== null;
  const pieces = zipEntries(
    chunks,
    options.limits,
    (name) => chatGptEntry.test(name) || isMarkdownEntry(name) || ours(name),
  );
  const rest = pieces[Symbol.asyncIterator]();
  const head = await rest.next();
  if (head.done) {
    throw badFile(
      'The zip has no conversations.json (a ChatGPT export) and no Markdown files in it, so there is nothing to import.',
    );
  }
  if (ours(head.value.name)) {
    yield* switchboardZip(head.value, rest, options);
    return;
  }
  if (!chatGptEntry.test(head.value.name)) {
    yield* markdownZip(head.value, rest, options);
    return;
  }
  const inflated = checkedUtf8(chatGptBytes(head.value, rest), 'conversations.json in the zip');
  const inner = inflated[Symbol.asyncIterator]();
  const innerHead = await inner.next();
  if (innerHead.done) throw badFile('conversations.json in the zip is empty.');
  if (firstSignificantByte(innerHead.value) !== 0x5b /* [ */) {
    throw badFile('conversations.json in the zip is not a list of ChatGPT conversations.');
  }
  yield* chatGptJson(prepend(innerHead.value, inner), options);
}

function firstSignificantByte(chunk: Uint8Array): number | undefined {
  let i = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
  while (i < chunk.length && [0x20, 0x09, 0x0a, 0x0d].includes(chunk[i]!)) i++;
  return chunk[i];
}

const stripBom = (chunk: Uint8Array) =>
  chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? chunk.subarray(3) : chunk;

/** Switchboard's JSON document, fed chunk by chunk: each conversation checked as soon as it is complete. */
function switchboardJsonParser(limits: ImportLimits): {
  write(chunk: Uint8Array): ExportedConversation[];
  end(): ExportedConversation[];
} {
  const stream = new JsonValueStream(['$.format', '$.version', '$.conversations.*'], limits);
  let format: unknown;
  let version: unknown;
  let index = 0;
  let first = true;
  const take = (values: ReturnType<JsonValueStream['write']>): ExportedConversation[] => {
    const conversations: ExportedConversation[] = [];
    for (const { key, depth, value } of values) {
      if (depth === 1 && key === 'format') format = value;
      else if (depth === 1 && key === 'version') version = value;
      else if (depth === 2) {
        if (format !== exportFormatName) throw notOurs();
        if (typeof version !== 'number' || version > exportFormatVersion) {
          throw badFile(
            `The file comes from a newer Switchboard (format version ${String(version)}); update the app to import it.`,
          );
        }
        const label = `Conversation ${++index} in the file`;
        const parsed = exportedConversationSchema.safeParse(value);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
          throw badFile(`${label} is not in Switchboard's format${where}: ${issue?.message ?? 'unreadable'}.`);
        }
        conversations.push(orderTree(parsed.data, label));
      }
    }
    return conversations;
  };
  return {
    write(chunk) {
      const conversations = take(stream.write(first ? stripBom(chunk) : chunk));
      first = false;
      return conversations;
    },
    end() {
      const conversations = take(stream.end());
      if (format !== exportFormatName) throw notOurs();
      return conversations;
    },
  };
}

async function* switchboardJson(
  chunks: AsyncIterable<Uint8Array>,
  options: ImportReadOptions,
): AsyncGenerator<ExportedConversation> {
  const parser = switchboardJsonParser(options.limits);
  for await (const chunk of chunks) yield* parser.write(chunk);
  yield* parser.end();
}

const notOurs = () =>
  badFile(`This JSON file is not a Switchboard export (it does not start with "format": "${exportFormatName}").`);

async function* chatGptJson(
  chunks: AsyncIterable<Uint8Array>,
  options: ImportReadOptions,
): AsyncGenerator<ExportedConversation> {
  const stream = new JsonValueStream(['$.*'], options.limits);
  let index = 0;
  const take = function* (values: ReturnType<JsonValueStream['write']>): Generator<ExportedConversation> {
    for (const { depth, value } of values) {
      if (depth !== 1) continue;
      const n = index++;
      const conversation = chatGptConversation(value, n, options.fallbackModel);
      if (conversation) yield orderTree(conversation, `Conversation ${n + 1} of the ChatGPT export`);
    }
  };
  let first = true;
  for await (const chunk of chunks) {
    yield* take(stream.write(first ? stripBom(chunk) : chunk));
    first = false;
  }
  yield* take(stream.end());
}

async function* markdownFile(
  chunks: AsyncIterable<Uint8Array>,
  file: ImportFile,
  options: ImportReadOptions,
): AsyncGenerator<ExportedConversation> {
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    if (bytes > options.limits.maxMarkdownBytes) {
      throw badFile(
        `The Markdown file is larger than ${formatBytes(options.limits.maxMarkdownBytes)}, too long for one conversation.`,
      );
    }
    text += decoder.decode(chunk, { stream: true });
  }
  text += decoder.decode();
  const conversation = markdownConversation(text, file.fileName, options.fallbackModel, options.now());
  if (conversation.messages.length === 0) throw badFile('The Markdown file has no text in it.');
  yield conversation;
}

/** Every conversation in the file, checked and ordered; throws the file's problem at the first one. */
export async function* readImport(file: ImportFile, options: ImportReadOptions): AsyncGenerator<ExportedConversation> {
  if (file.size !== null && file.size > options.limits.maxBytes) throw tooLarge(options.limits, file.size);
  const source = counted(file, options)[Symbol.asyncIterator]();
  const head = await source.next();
  if (head.done) throw badFile('The file is empty.');
  const all = prepend(head.value, source);

  if (zipMagic.every((byte, i) => head.value[i] === byte)) {
    yield* zipImport(all, options);
    return;
  }

  const text = checkedUtf8(all, 'The file');
  const first = firstSignificantByte(head.value);
  if (first === 0x7b /* { */) yield* switchboardJson(text, options);
  else if (first === 0x5b /* [ */) yield* chatGptJson(text, options);
  else if (/\.(md|markdown|txt)$/i.test(file.fileName)) yield* markdownFile(text, file, options);
  else {
    throw badFile(
      'Switchboard cannot tell what this file is. It imports its own JSON export, a ChatGPT export ' +
        '(conversations.json, or the zip it comes in) and Markdown (.md) files, alone or in a zip.',
    );
  }
}
