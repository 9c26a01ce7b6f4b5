// Renderer: where an attachment's picture is read from: the transport says (the web host's HTTP route, the desktop
// app's app:// scheme); no path on disk ever reaches the page.

import type { AttachmentVariant } from '../../../../shared/attachments';
import { api } from '../../api';

export const attachmentSrc = (id: string, variant: AttachmentVariant): string => api.attachments.url(id, variant);
