// Web host (Node): the app on 127.0.0.1 — the built renderer over HTTP and the DesktopApi over one guarded WebSocket.

import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { maxFrameBytes, webSocketPath, webSocketProtocol } from '../../shared/web-protocol';
import type { Logger } from '../core/logger';
import type { Router } from '../core/router';
import { hasValidToken, isAllowedHost, isAllowedOrigin, offeredProtocols } from './request-guard';
import { createRefusalLog } from './refusal-log';
import { type FileJobs, serveFiles } from './file-routes';
import { serveAttachments } from './attachment-routes';
import type { AttachmentFiles } from '../core/attachments/attachment-files';
import { serveSocket } from './socket-session';
import { pageHeaders } from '../core/page-policy';
import { readStaticFile } from '../core/static-files';

export interface WebHostOptions {
  router: Router;
  logger: Logger;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  /** Fixed only by tests that check rejection; otherwise random per run. */
  token?: string;
  /** Export downloads and import uploads (file-routes.ts); without it those addresses are 404. */
  files?: FileJobs;
  /** Attachment uploads and reads (attachment-routes.ts); without it those addresses are 404. */
  attachments?: AttachmentFiles;
}

export interface WebHost {
  port: number;
  token: string;
  /** The address to open: the token rides in the fragment, which browsers never send to a server. */
  url: string;
  close(): Promise<void>;
}

function reject(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const { logger, router } = options;
  let port = 0;
  const tokenRefusals = createRefusalLog(logger, {
    what: 'a connection with a missing or wrong token',
    whatPlural: 'connections with a missing or wrong token',
  });

  const serveHttp = async (request: IncomingMessage, response: ServerResponse) => {
    if (!isAllowedHost(request.headers.host, port)) {
      response.writeHead(421, { 'Content-Type': 'text/plain' }).end('Switchboard only answers on 127.0.0.1.');
      return;
    }
    if (options.files && (await serveFiles(request, response, options.files, port, logger))) return;
    if (
      options.attachments &&
      (await serveAttachments(request, response, { attachments: options.attachments, port, token }))
    )
      return;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await readStaticFile(options.staticDir, request.url ?? '/');
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found.');
      return;
    }
    response.writeHead(200, { ...pageHeaders, 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };

  const server = createServer((request, response) => {
    serveHttp(request, response).catch((error) => {
      logger.error('request failed', error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: maxFrameBytes,
    handleProtocols: (protocols) => (protocols.has(webSocketProtocol) ? webSocketProtocol : false),
  });

  server.on('upgrade', (request, socket, head) => {
    // Node drops its own error listener from a socket it hands to 'upgrade', and ws adds one only once it accepts:
    // without this, a client resetting the connection while it is refused would end the host through the crash guard.
    socket.on('error', () => socket.destroy());
    const path = (request.url ?? '').split('?')[0];
    if (path !== webSocketPath) return reject(socket, 404, 'Not Found');
    if (!isAllowedHost(request.headers.host, port)) return reject(socket, 421, 'Misdirected Request');
    if (!isAllowedOrigin(request.headers.origin, port)) return reject(socket, 403, 'Forbidden');
    if (!hasValidToken(offeredProtocols(request), token)) {
      tokenRefusals.refused();
      return reject(socket, 401, 'Unauthorized');
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, router, logger));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: async () => {
      tokenRefusals.close();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
