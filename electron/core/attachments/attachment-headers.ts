// Core (Node): the headers an attachment is served with, by the web host and the desktop app's app:// scheme alike.

import { pageHeaders } from '../page-policy';

/**
 * The content type comes from the stored record (decided by content when the file was added), never from the
 * request; the bytes under an id never change (the id is their hash), so the browser may keep them.
 */
export function attachmentHeaders(mime: string): Record<string, string> {
  return {
    ...pageHeaders,
    'Content-Type': mime.startsWith('text/') ? `${mime}; charset=utf-8` : mime,
    'Cache-Control': 'private, max-age=31536000, immutable',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
