// Renderer: the only file that touches `window.api`. Electron's preload provides it; in a browser the page
// talks to the loopback web host over a WebSocket instead. Everything else imports `api` from here.

import { createDesktopApi, type DesktopApi } from '../../shared/api';
import type { DesktopShell } from '../../shared/shell-commands';
import { alwaysOpen, type ConnectionMonitor } from './transport/connection';
import { readPageToken, webSocketProtocols, webSocketUrl } from './transport/page-address';
import { createWebFileTransfer } from './transport/web-file-transfer';
import { createWebAttachmentTransfer } from './transport/web-attachment-transfer';
import { createWebSocketTransport, openBrowserSocket } from './transport/web-socket-transport';

function connect(): { api: DesktopApi; connection: ConnectionMonitor } {
  // Not declared on Window globally on purpose: no other file should be able to reach for it.
  const preloaded = (window as Window & { api?: DesktopApi }).api;
  if (preloaded) return { api: preloaded, connection: alwaysOpen };

  const token = readPageToken(window.location.hash);
  const transport = createWebSocketTransport({
    url: webSocketUrl(window.location),
    protocols: token ? webSocketProtocols(token) : null,
    openSocket: openBrowserSocket,
  });
  const fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
  const files = createWebFileTransfer({ document, fetch });
  const attachments = createWebAttachmentTransfer({ fetch, token });
  return { api: createDesktopApi(transport, files, attachments), connection: transport.connection };
}

export const { api, connection } = connect();

/** The desktop app's menu and notification commands (shared/shell-commands.ts); null on the web host, which has none. */
export const shell: DesktopShell | null = (window as Window & { shell?: DesktopShell }).shell ?? null;
