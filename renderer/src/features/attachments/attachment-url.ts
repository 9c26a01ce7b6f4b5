// Renderer: where an attachment's picture is read from: the transport says (the web host's HTTP route, the desktop
// app's app:// scheme); no path on disk ever reaches the page.

import { api } from '../../api';
import type { AttachmentTransport, AttachmentVariant } from './contract';

export const attachmentSrc = (id: string, variant: AttachmentVariant): string =>
  (api as unknown as { attachments: AttachmentTransport }).attachments.url(id, variant);
