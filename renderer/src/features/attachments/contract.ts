// Renderer: STAND-IN for shared/attachments.ts until the core's contract lands on main; replaced by it then.

import type { Result } from '../../../../shared/result';

export type AttachmentKind = 'image' | 'pdf' | 'text';

export interface Attachment {
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
  perMessage: 10,
  longPasteChars: 5_000,
} as const;

export type AttachmentVariant = 'original' | 'sent' | 'thumb';
export type PdfEngine = 'native' | 'cloudflare-ai' | 'mistral-ocr';

export interface AttachmentFile {
  name: string;
  bytes: Uint8Array;
}

export interface AttachmentTransport {
  add(file: AttachmentFile): Promise<Result<Attachment>>;
  url(id: string, variant: AttachmentVariant): string;
}

export function defaultPdfEngine(inputModalities: readonly string[]): PdfEngine {
  return inputModalities.includes('file') ? 'native' : 'cloudflare-ai';
}
