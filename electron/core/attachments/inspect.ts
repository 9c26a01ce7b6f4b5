// Core (Node): what a file is, decided by its content (never its name), and checked against the limits: an image's
// header is read by libvips (sharp) for its type and size; a PDF's pages are counted (pdf-lib); anything else
// must be UTF-8 text. Every refusal is an AppFailure with the file's name and, where there is one, the limit.
// Only what is cheap is checked here (an image's header, not its pixels), so attaching returns quickly.

import sharp, { type Metadata } from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { type AttachmentKind, attachmentLimits } from '../../../shared/attachments';
import { AppFailure } from '../../../shared/result';
import { attachmentErrors } from './attachment-errors';
import { sentMimeOf } from './image-copies';

export interface Inspected {
  kind: AttachmentKind;
  mime: string;
  width?: number;
  height?: number;
  pageCount?: number;
  textChars?: number;
  /** Images: the type of the copy sent to models (made later: image-copies.ts). */
  sentMime?: string;
}

const refuse = (error: ReturnType<(typeof attachmentErrors)[keyof typeof attachmentErrors]>) => new AppFailure(error);

const imageFormats: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** Magic bytes of the image types models take (and of a few others, to say "unsupported" rather than "text"). */
function looksLikeImage(bytes: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  return (
    starts(0xff, 0xd8, 0xff) || // JPEG
    starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) || // PNG
    starts(0x47, 0x49, 0x46, 0x38) || // GIF8
    (starts(0x52, 0x49, 0x46, 0x46) &&
      bytes[8] === 0x57 &&
      bytes[9] === 0x45 &&
      bytes[10] === 0x42 &&
      bytes[11] === 0x50) // RIFF....WEBP
  );
}

/** "%PDF-" within the first KiB, as readers allow. */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

async function inspectImage(name: string, bytes: Uint8Array): Promise<Inspected> {
  if (bytes.byteLength > attachmentLimits.imageBytes)
    throw refuse(attachmentErrors.tooLarge(name, 'an image', attachmentLimits.imageBytes));
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw refuse(attachmentErrors.corrupt(name, 'an image'));
  }
  const mime = meta.format ? imageFormats[meta.format] : undefined;
  if (!mime) throw refuse(attachmentErrors.unsupported(name));
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > attachmentLimits.maxPixels)
    throw refuse(attachmentErrors.tooManyPixels(name, attachmentLimits.maxPixels));
  // Only the header is read here (sharp's metadata: format, size, orientation); the full decode, which a damaged
  // image may still fail, happens when the copies are made (image-copies.ts), and a send waits for that.
  const turned = (meta.orientation ?? 1) >= 5;
  // The size as displayed: a rotated photo swaps its edges.
  return {
    kind: 'image',
    mime,
    width: turned ? height : width,
    height: turned ? width : height,
    sentMime: sentMimeOf(mime),
  };
}

async function inspectPdf(name: string, bytes: Uint8Array): Promise<Inspected> {
  if (bytes.byteLength > attachmentLimits.pdfBytes)
    throw refuse(attachmentErrors.tooLarge(name, 'a PDF', attachmentLimits.pdfBytes));
  let pages: number;
  try {
    const document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    pages = document.getPageCount();
  } catch {
    throw refuse(attachmentErrors.corrupt(name, 'a PDF'));
  }
  if (pages < 1) throw refuse(attachmentErrors.corrupt(name, 'a PDF'));
  if (pages > attachmentLimits.pdfPages)
    throw refuse(attachmentErrors.tooManyPages(name, pages, attachmentLimits.pdfPages));
  return { kind: 'pdf', mime: 'application/pdf', pageCount: pages };
}

const textMimes: Record<string, string> = { md: 'text/markdown', markdown: 'text/markdown', csv: 'text/csv' };

/** The text of a UTF-8 file (without a byte-order mark), or null when it is not text (invalid UTF-8, or NUL bytes). */
export function decodeText(bytes: Uint8Array, partial = false): string | null {
  if (bytes.includes(0)) return null;
  try {
    // `partial`: the bytes are a file's beginning, which may end inside a character.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes, { stream: partial });
  } catch {
    return null;
  }
}

function inspectText(name: string, bytes: Uint8Array): Inspected {
  const tooLarge = bytes.byteLength > attachmentLimits.textBytes;
  const text = decodeText(tooLarge ? bytes.subarray(0, attachmentLimits.textBytes) : bytes, tooLarge);
  if (text === null) throw refuse(attachmentErrors.unsupported(name));
  if (tooLarge) throw refuse(attachmentErrors.tooLarge(name, 'a text file', attachmentLimits.textBytes));
  const extension = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
  // The name only picks among text types, never between text and anything else.
  return { kind: 'text', mime: textMimes[extension] ?? 'text/plain', textChars: text.length };
}

/** Decides what the bytes are and checks them; throws an AppFailure (attachment_*) for anything refused. */
export async function inspectAttachment(name: string, bytes: Uint8Array): Promise<Inspected> {
  if (bytes.byteLength === 0) throw refuse(attachmentErrors.empty(name));
  if (looksLikeImage(bytes)) return inspectImage(name, bytes);
  if (looksLikePdf(bytes)) return inspectPdf(name, bytes);
  return inspectText(name, bytes);
}
