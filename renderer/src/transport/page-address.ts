// Renderer (web host only): where the WebSocket lives and which token the page address carries.

import { tokenProtocolPrefix, webSocketPath, webSocketProtocol } from '../../../shared/web-protocol';

/**
 * The web host prints an address ending in `#token=<hex>`. The fragment never reaches a server or a log,
 * and it stays in the address bar so a reload keeps working.
 */
export function readPageToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  // Only hex is a valid token; anything else could not be a WebSocket sub-protocol anyway.
  return token !== null && /^[0-9a-f]{1,512}$/i.test(token) ? token : null;
}

export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${webSocketPath}`;
}

export function webSocketProtocols(token: string): string[] {
  return [webSocketProtocol, `${tokenProtocolPrefix}${token}`];
}
