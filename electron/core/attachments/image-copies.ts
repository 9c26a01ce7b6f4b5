// Core (Node): an image's derived copies — the copy sent to models (downscaled to the size they use, EXIF location and
// all other metadata dropped, turned upright) and the tray's thumbnail — made from one full decode by libvips (sharp).
// This is the slow part of taking a photo in (entropy-decoding a 20 MB JPEG is most of it), so the store makes the
// copies after the attach call has returned, and a send waits for them (attachment-store.ts).

import sharp from 'sharp';
import { attachmentLimits } from '../../../shared/attachments';
import { AppFailure } from '../../../shared/result';
import { attachmentErrors } from './attachment-errors';

export interface ImageCopies {
  sent: { bytes: Uint8Array; mime: string };
  thumb: { bytes: Uint8Array; mime: string };
}

/** The thumbnail's type, whatever the original's. */
export const thumbMime = 'image/webp';

/** The type of the copy sent to models: a photo (JPEG) stays JPEG; anything else becomes PNG (keeps transparency). */
export function sentMimeOf(mime: string): string {
  return mime === 'image/jpeg' ? 'image/jpeg' : 'image/png';
}

/** Makes both copies; throws an AppFailure (attachment_corrupt) when the image cannot be decoded in full. */
export async function deriveImageCopies(name: string, bytes: Uint8Array, mime: string): Promise<ImageCopies> {
  const within = (edge: number) => ({ width: edge, height: edge, fit: 'inside' as const, withoutEnlargement: true });
  try {
    const { orientation = 1 } = await sharp(bytes, { limitInputPixels: false }).metadata();
    // The original is decoded once, read top to bottom (sequentialRead: libvips streams the decode instead of
    // holding the whole image), shrinking on load where the format allows (a JPEG decodes at 1/2, 1/4 or 1/8 of its
    // size inside the decoder), into 8-bit sRGB pixels at the sent size; the sent copy and the thumbnail are both
    // encoded from those pixels. Only the first frame of an animation is taken.
    const decoded = sharp(bytes, { limitInputPixels: attachmentLimits.maxPixels, sequentialRead: true });
    // Auto-orienting costs a third more on a large photo; only photos whose EXIF says they are turned need it.
    const oriented = orientation > 1 ? decoded.rotate() : decoded;
    const { data, info } = await oriented
      .resize(within(attachmentLimits.sentLongEdgePx))
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = () =>
      sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels as 1 | 2 | 3 | 4 } });
    const sentMime = sentMimeOf(mime);
    // No withMetadata(): sharp writes none of the original's metadata (EXIF location included) unless asked.
    const [sent, thumb] = await Promise.all([
      sentMime === 'image/jpeg'
        ? pixels().jpeg({ quality: 85, mozjpeg: false }).toBuffer()
        : pixels().png({ compressionLevel: 6 }).toBuffer(),
      pixels().resize(within(attachmentLimits.thumbLongEdgePx)).webp({ quality: 80 }).toBuffer(),
    ]);
    // sharp's Buffers are Uint8Arrays already: handed on as they are, not copied.
    return { sent: { bytes: sent, mime: sentMime }, thumb: { bytes: thumb, mime: thumbMime } };
  } catch {
    throw new AppFailure(attachmentErrors.corrupt(name, 'an image'));
  }
}
