// Core: a question's files as OpenRouter's content parts (docs/openrouter-protocol.md §2.10) — the text first, then
// each file: images as image_url data URLs (the downscaled copy), PDFs as file parts, text files inlined as text with
// their name. Images go only to a model that takes them; in earlier turns sent to one that does not, each is named in
// a line instead (refusing the whole conversation would strand it), while a new question's images are refused earlier.

import { type Attachment, type PdfEngine, defaultPdfEngine } from '../../../shared/attachments';
import { AppFailure } from '../../../shared/result';
import { attachmentErrors } from '../attachments/attachment-errors';
import { decodeText } from '../attachments/inspect';
import type { ContentPart, RequestOptions } from '../openrouter/types';

/** Where the bytes come from: the store, read at request time. */
export interface AttachmentBytes {
  /** What a request sends for it (an image's sent copy, else the original), with its type; null when gone from disk. */
  forRequest(attachment: Attachment): { bytes: Uint8Array; mime: string } | null;
}

const dataUrl = (mime: string, bytes: Uint8Array) =>
  `data:${mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;

/** A text file as the model reads it: its name, then its text, fenced so it cannot pass for the question. */
export function inlinedText(name: string, text: string): string {
  const fence = text.includes('```') ? '~~~~' : '```';
  return `File: ${name}\n${fence}\n${text}\n${fence}`;
}

/** The content of a user message with files; the plain text when there are none. */
export function userContent(
  text: string,
  attachments: readonly Attachment[],
  source: AttachmentBytes,
  takesImages: boolean,
): string | ContentPart[] {
  if (attachments.length === 0) return text;
  const parts: ContentPart[] = text ? [{ type: 'text', text }] : [];
  for (const attachment of attachments) {
    if (attachment.kind === 'image' && !takesImages) {
      parts.push({
        type: 'text',
        text: `(An image, “${attachment.name}”, was attached here; this model cannot see it.)`,
      });
      continue;
    }
    const found = source.forRequest(attachment);
    if (!found) throw new AppFailure(attachmentErrors.missing());
    if (attachment.kind === 'image') {
      parts.push({ type: 'image_url', image_url: { url: dataUrl(found.mime, found.bytes) } });
    } else if (attachment.kind === 'pdf') {
      parts.push({
        type: 'file',
        file: { filename: attachment.name, file_data: dataUrl('application/pdf', found.bytes) },
      });
    } else {
      const decoded = decodeText(found.bytes);
      if (decoded === null) throw new AppFailure(attachmentErrors.missing());
      parts.push({ type: 'text', text: inlinedText(attachment.name, decoded) });
    }
  }
  // Text-only models still need a text part; a message of files alone has none of its own.
  return parts.length > 0 ? parts : text;
}

/** The file-parser plugin when any message carries a PDF: the person's engine, else the model's best (§2.10). */
export function withPdfEngine(
  options: RequestOptions,
  hasPdf: boolean,
  chosen: PdfEngine | undefined,
  inputModalities: readonly string[],
): RequestOptions {
  if (!hasPdf) return options;
  const engine = chosen ?? defaultPdfEngine(inputModalities);
  return { ...options, plugins: [...(options.plugins ?? []), { id: 'file-parser', pdf: { engine } }] };
}

/** The new question's files a model cannot take: refused before anything is written or sent. */
export function refuseUnacceptedFiles(
  model: string,
  attachments: readonly Attachment[],
  inputModalities: readonly string[] | null,
): void {
  // An unknown model (catalogue unreachable) is let through: OpenRouter then answers for it.
  if (inputModalities === null) return;
  if (attachments.some((a) => a.kind === 'image') && !inputModalities.includes('image'))
    throw new AppFailure(attachmentErrors.noImageInput(model));
}
