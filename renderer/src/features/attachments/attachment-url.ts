// Renderer: where an attachment's picture is read from. STAND-IN until the contract's attachmentUrl lands.

import type { AttachmentVariant } from './contract';

export const attachmentSrc = (id: string, variant: AttachmentVariant): string =>
  `/attachments/${encodeURIComponent(id)}/${variant}`;
