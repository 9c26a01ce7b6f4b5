// Web host (Node): who may talk to the host — loopback Host names only, same-origin pages only, the run's token only.

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { tokenProtocolPrefix, webSocketProtocol } from '../../shared/web-protocol';

/** Rejecting other Host headers stops DNS-rebinding pages from reaching the host through a name that resolves to 127.0.0.1. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}

/** Browsers always send Origin on WebSocket upgrades; only the host's own page may connect. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (!origin) return false;
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`].includes(origin);
}

export function offeredProtocols(request: IncomingMessage): string[] {
  const header = request.headers['sec-websocket-protocol'];
  return (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The token rides as a sub-protocol (`token.<hex>`), so it never appears in a URL or an access log. */
export function hasValidToken(protocols: string[], token: string): boolean {
  if (!protocols.includes(webSocketProtocol)) return false;
  const offered = protocols.find((p) => p.startsWith(tokenProtocolPrefix))?.slice(tokenProtocolPrefix.length) ?? '';
  const a = Buffer.from(offered);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
