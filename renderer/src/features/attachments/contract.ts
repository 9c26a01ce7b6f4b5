// Renderer: STAND-IN for shared/attachments.ts until the core's contract lands on main; replaced by re-exports then.
// Shape as announced: an attachment is content-addressed (sha256 id) and described by kind, type, name and size.

import type { Result } from '../../../../shared/result';

export type AttachmentKind = 'image' | 'pdf' | 'text';

export interface Attachment {
  /** sha256 of the stored bytes. */
  id: string;
  kind: AttachmentKind;
  mime: string;
  name: string;
  sizeBytes: number;
  width?: number;
  height?: number;
  pageCount?: number;
  textChars?: number;
}

export const attachmentLimits = {
  maxFiles: 10,
  maxImageBytes: 20 * 1024 * 1024,
  maxPdfBytes: 30 * 1024 * 1024,
  maxTextBytes: 512 * 1024,
  maxPdfPages: 300,
  /** A paste longer than this becomes a text attachment (the person may keep it as plain text). */
  pasteAsAttachmentChars: 2_000,
} as const;

export type AttachmentVariant = 'thumb' | 'full';

export interface AttachmentsApi {
  add(file: File): Promise<Result<Attachment>>;
}
