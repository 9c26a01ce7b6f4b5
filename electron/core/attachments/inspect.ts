// Core (Node): what a file is, decided by its content (never its name), checked against the limits, and the copies
// derived from it: an image is decoded by libvips (sharp) and re-encoded for sending at the size models use, its
// metadata (EXIF location included) dropped, plus a thumbnail; a PDF's pages are counted (pdf-lib); anything else
// must be UTF-8 text. Every refusal is an AppFailure with the file's name and, where there is one, the limit.

import sharp, { type Metadata } from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { type AttachmentKind, attachmentLimits } from '../../../shared/attachments';
import { AppFailure } from '../../../shared/result';
import { attachmentErrors } from './attachment-errors';

export interface Inspected {
  kind: AttachmentKind;
  mime: string;
  width?: number;
  height?: number;
  pageCount?: number;
  textChars?: number;
  /** Images: the copy sent to models (downscaled, no metadata) and the thumbnail. */
  sent?: { bytes: Uint8Array; mime: string };
  thumb?: { bytes: Uint8Array; mime: string };
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
  // EXIF orientation applied before the metadata goes; only the first frame of an animation is sent.
  const bound = attachmentLimits.sentLongEdgePx;
  const opaque = mime === 'image/jpeg';
  try {
    const turned = (meta.orientation ?? 1) >= 5;
    // The original is decoded once, read top to bottom (sequentialRead: libvips streams the decode instead of
    // holding the whole image), shrinking on load where the format allows (a JPEG decodes at 1/2, 1/4 or 1/8 of its
    // size inside the decoder), into 8-bit sRGB pixels at the sent size; the sent copy and the thumbnail are both
    // encoded from those pixels at once. Decoding is what a large photo costs (entropy decoding a 20 MB JPEG takes
    // most of the time); the old way decoded the sent copy a second time for its thumbnail.
    const decoded = sharp(bytes, { limitInputPixels: attachmentLimits.maxPixels, sequentialRead: true });
    // Auto-orienting costs a third more on a large photo; only photos whose EXIF says they are turned need it.
    const oriented = (meta.orientation ?? 1) > 1 ? decoded.rotate() : decoded;
    const within = (edge: number) => ({ width: edge, height: edge, fit: 'inside' as const, withoutEnlargement: true });
    const { data, info } = await oriented
      .resize(within(bound))
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = () =>
      sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels as 1 | 2 | 3 | 4 } });
    const [sent, thumb] = await Promise.all([
      opaque
        ? pixels()
            .jpeg({ quality: 85, mozjpeg: false })
            .toBuffer()
            .then((out) => ({ bytes: out, mime: 'image/jpeg' }))
        : pixels()
            .png({ compressionLevel: 6 })
            .toBuffer()
            .then((out) => ({ bytes: out, mime: 'image/png' })),
      pixels().resize(within(attachmentLimits.thumbLongEdgePx)).webp({ quality: 80 }).toBuffer(),
    ]);
    // The size as displayed: a rotated photo swaps its edges.
    return {
      kind: 'image',
      mime,
      width: turned ? height : width,
      height: turned ? width : height,
      // sharp's Buffers are Uint8Arrays already: handed on as they are, not copied.
      sent: { bytes: sent.bytes, mime: sent.mime },
      thumb: { bytes: thumb, mime: 'image/webp' },
    };
  } catch {
    throw refuse(attachmentErrors.corrupt(name, 'an image'));
  }
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
