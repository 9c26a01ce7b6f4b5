// Core (Node): the failures an attachment can meet, worded once. The renderer words each code; these messages are the
// detail beneath it (which file, which limit), so they name the file and the limit and nothing else.

import { type AppError, type ErrorCode } from '../../../shared/result';

const mib = 1024 * 1024;

/** "20 MB", "512 KB": how a limit reads in a message. */
export function formatBytes(bytes: number): string {
  if (bytes >= mib) return `${Math.round((bytes / mib) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const failure = (code: ErrorCode, message: string): AppError => ({ code, message });

export const attachmentErrors = {
  empty: (name: string) => failure('attachment_empty', `“${name}” is empty (0 bytes).`),
  tooLarge: (name: string, what: string, limitBytes: number) =>
    failure('attachment_too_large', `“${name}” is larger than ${formatBytes(limitBytes)}, the most ${what} can be.`),
  tooManyPixels: (name: string, limitPixels: number) =>
    failure(
      'attachment_too_large',
      `“${name}” has more than ${Math.round(limitPixels / 1_000_000)} million pixels, the most an image can have.`,
    ),
  unsupported: (name: string) =>
    failure('attachment_unsupported', `“${name}” is not an image (PNG, JPEG, WebP, GIF), a PDF, or a UTF-8 text file.`),
  corrupt: (name: string, what: string) => failure('attachment_corrupt', `“${name}” could not be read as ${what}.`),
  tooManyPages: (name: string, pages: number, limit: number) =>
    failure('attachment_too_many_pages', `“${name}” has ${pages} pages; at most ${limit} can be sent.`),
  tooMany: (count: number, limit: number) =>
    failure('attachment_too_many', `${count} files on one message; at most ${limit} can go together.`),
  missing: () => failure('attachment_missing', 'A file attached to this message is no longer kept by Switchboard.'),
  noImageInput: (model: string) => failure('model_no_image_input', `${model} does not accept images.`),
};
