// Contract: files sent with a message (images, PDFs, text) and images a model sends back. The one owner of their
// kinds, limits and the shapes both transports carry. Bytes never travel in the router's channels: each transport
// hands them to the core its own way (AttachmentTransport), and the core checks the type by content, not by name.

import { z } from 'zod';
import type { Result } from './result';

export const attachmentKinds = ['image', 'pdf', 'text'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

/** What the renderer knows of a stored file: never a path. */
export interface Attachment {
  /** SHA-256 (hex) of the stored original bytes: the same file added twice is stored once. */
  id: string;
  kind: AttachmentKind;
  /** Decided from the content: image/png, image/jpeg, image/webp, image/gif, application/pdf, text/plain, … */
  mime: string;
  /** The file name as the person's system gave it (or one made up for a pasted or generated image). */
  name: string;
  /** Size of the original, in bytes. */
  sizeBytes: number;
  /** Images: the original's pixel size. */
  width?: number;
  height?: number;
  /** PDFs: the number of pages. */
  pageCount?: number;
  /** Text files: the number of characters inlined into the request. */
  textChars?: number;
}

const mib = 1024 * 1024;

/** Every limit on attachments, in one place; the core enforces them, the renderer may check early to say so sooner. */
export const attachmentLimits = {
  /** Largest image accepted (it is downscaled before sending; the original is kept). */
  imageBytes: 20 * mib,
  pdfBytes: 25 * mib,
  pdfPages: 500,
  /** Text is inlined into the request, so it costs tokens: half a megabyte is already ~130,000 tokens. */
  textBytes: 512 * 1024,
  /** Files on one message. */
  perMessage: 10,
  /** A paste longer than this (in characters) is better sent as a text attachment than typed into the box. */
  longPasteChars: 5_000,
  /** Images are sent with their long edge at most this (what image models work at; larger is only cost). */
  sentLongEdgePx: 2048,
  /** Thumbnails (composer, message list) have their long edge at most this. */
  thumbLongEdgePx: 320,
  /** Larger images are refused as too many pixels to decode safely, whatever their byte size. */
  maxPixels: 100_000_000,
} as const;

/** The largest file any kind accepts: what a transport may send before the core has even looked at it. */
export const maxAttachmentBytes = Math.max(
  attachmentLimits.imageBytes,
  attachmentLimits.pdfBytes,
  attachmentLimits.textBytes,
);

/** Image types OpenRouter takes as image parts (docs/openrouter-protocol.md §2.10). */
export const imageMimes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

/**
 * Which bytes of a stored attachment to serve: the original as added, the image as sent to models (downscaled,
 * without metadata), or a small thumbnail. PDFs and text have only `original`.
 */
export const attachmentVariants = ['original', 'sent', 'thumb'] as const;
export type AttachmentVariant = (typeof attachmentVariants)[number];

/**
 * How OpenRouter reads a PDF (docs/openrouter-protocol.md §2.10): `native` hands the file to a model that takes files
 * (input modality "file"); otherwise OpenRouter's file parser turns it into text, with `cloudflare-ai` (free) or
 * `mistral-ocr` (paid per page, better for scans). Absent: native when the model takes files, else cloudflare-ai.
 */
export const pdfEngines = ['native', 'cloudflare-ai', 'mistral-ocr'] as const;
export type PdfEngine = (typeof pdfEngines)[number];
export const pdfEngineSchema = z.enum(pdfEngines);

export const attachmentIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not an attachment id');
export const attachmentIdsSchema = z.array(attachmentIdSchema).max(attachmentLimits.perMessage);

/** An attachment record as an export file carries it (and the import checks it). */
export const attachmentSchema = z
  .object({
    id: attachmentIdSchema,
    kind: z.enum(attachmentKinds),
    mime: z.string().min(1).max(100),
    name: z.string().min(1).max(300),
    sizeBytes: z.number().int().nonnegative(),
    width: z.number().int().positive().optional(),
    height: z.number().int().positive().optional(),
    pageCount: z.number().int().positive().optional(),
    textChars: z.number().int().nonnegative().optional(),
  })
  .strict();

/** A file the person picked, dropped or pasted, as the renderer read it (`new Uint8Array(await file.arrayBuffer())`). */
export interface AttachmentFile {
  name: string;
  bytes: Uint8Array;
}

/** The longest file name kept; longer ones are cut (keeping the extension). */
export const maxAttachmentNameLength = 300;

/**
 * Attachments in and out, per transport: the web host takes the bytes by HTTP POST and serves them by GET; the
 * desktop app takes them over IPC and serves them on its app:// scheme. The renderer only ever sees ids and URLs.
 */
export interface AttachmentTransport {
  /**
   * Checks and stores a file. Fails with `attachment_empty`, `attachment_too_large`, `attachment_unsupported`,
   * `attachment_corrupt`, `attachment_too_many_pages`, or `attachment_unreadable` (the transport could not deliver it).
   */
  add(file: AttachmentFile): Promise<Result<Attachment>>;
  /** Where an `<img>` (or a download link) finds the attachment's bytes; same-origin, no path on disk. */
  url(id: string, variant: AttachmentVariant): string;
}

/** Web host: POST the bytes here (`?name=` the file name), GET `<prefix><id>/<variant>` to read them back. */
export const attachmentPathPrefix = '/api/attachments/';
/** Desktop app: the app:// scheme serves `<prefix><id>/<variant>` (electron/main/app-scheme.ts). */
export const desktopAttachmentPrefix = 'app://switchboard/attachments/';
/** Web host: the page's token rides in this header on uploads (never in the URL). */
export const attachmentTokenHeader = 'x-switchboard-token';

/** The URL of an attachment under a path prefix; one owner so the routes and the renderer agree. */
export function attachmentPath(prefix: string, id: string, variant: AttachmentVariant): string {
  return `${prefix}${id}/${variant}`;
}

/** Parses `<id>/<variant>`; null for anything else. */
export function parseAttachmentPath(rest: string): { id: string; variant: AttachmentVariant } | null {
  const match = /^([0-9a-f]{64})\/(original|sent|thumb)$/.exec(rest);
  return match ? { id: match[1]!, variant: match[2] as AttachmentVariant } : null;
}

/** Which attachment kinds a model takes, from its catalogue entry's input modalities (docs/openrouter-protocol.md §6.3). */
export function modelAcceptsKind(kind: AttachmentKind, inputModalities: readonly string[]): boolean {
  // PDFs go natively or through OpenRouter's parser, and text is inlined: only images need the model itself.
  return kind === 'image' ? inputModalities.includes('image') : true;
}

/** The PDF engine used when the person chose none. */
export function defaultPdfEngine(inputModalities: readonly string[]): PdfEngine {
  return inputModalities.includes('file') ? 'native' : 'cloudflare-ai';
}
