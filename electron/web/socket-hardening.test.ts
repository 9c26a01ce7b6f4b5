// Frames no well-behaved client sends: each closes only its own connection, with the matching close code, while the
// host keeps answering another client and keeps streaming its reply.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ChatStreamEvent } from '../../shared/domain';
import { type ServerFrame, tokenProtocolPrefix, webSocketPath, webSocketProtocol } from '../../shared/web-protocol';
import type { Logger } from '../core/logger';
import type { Router } from '../core/router';
import { type WebHost, startWebHost } from './server';
import { type RawFrame, openRawWebSocket } from './test-support/raw-web-socket';

const token = 'c'.repeat(48);
let host: WebHost;
let warnings: string[];

/** Answers calls at once; streams one delta every 5 ms until aborted, so a reply is in flight throughout. */
const tickingRouter: Router = {
  call: async (channel) => ({ ok: true, value: channel }),
  subscribe: () => () => {},
  async *stream(_channel, _input, signal) {
    for (let i = 0; !signal.aborted && i < 10_000; i++) {
      yield { type: 'delta', text: `${i} ` } satisfies ChatStreamEvent;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  },
};

beforeEach(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'sb-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  warnings = [];
  const logger: Logger = { info: () => {}, warn: (line) => warnings.push(line), error: () => {} };
  host = await startWebHost({ router: tickingRouter, logger, staticDir, token });
});
afterEach(() => host.close());

const origin = () => `http://127.0.0.1:${host.port}`;
const protocols = () => [webSocketProtocol, tokenProtocolPrefix + token];

async function goodClient(): Promise<{ socket: WebSocket; frames: ServerFrame[] }> {
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}${webSocketPath}`, protocols(), {
    headers: { Origin: origin() },
  });
  const frames: ServerFrame[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString()) as ServerFrame));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { socket, frames };
}

async function callThrough(client: { socket: WebSocket; frames: ServerFrame[] }, id: number): Promise<void> {
  client.socket.send(JSON.stringify({ kind: 'call', id, channel: 'app:info' }));
  await expect.poll(() => client.frames.some((f) => f.kind === 'result' && f.id === id)).toBe(true);
}

const closePayload = (code: number) => {
  const payload = Buffer.alloc(2);
  payload.writeUInt16BE(code);
  return payload;
};

const badFrames: { name: string; frame: RawFrame; closeCode: number }[] = [
  { name: 'a frame over the 4 MB limit', frame: { opcode: 0x1, declaredLength: 5 * 1024 * 1024 }, closeCode: 1009 },
  {
    name: 'invalid UTF-8 in a text frame',
    frame: { opcode: 0x1, payload: Buffer.from([0xc3, 0x28]) },
    closeCode: 1007,
  },
  {
    name: 'an unmasked client frame',
    frame: { opcode: 0x1, payload: Buffer.from('{}'), masked: false },
    closeCode: 1002,
  },
  { name: 'an unknown opcode', frame: { opcode: 0x3, payload: Buffer.from('x') }, closeCode: 1002 },
  { name: 'reserved bits set', frame: { opcode: 0x1, payload: Buffer.from('{}'), rsv: 4 }, closeCode: 1002 },
  { name: 'close code 999', frame: { opcode: 0x8, payload: closePayload(999) }, closeCode: 1002 },
  { name: 'a fragmented ping', frame: { opcode: 0x9, payload: Buffer.from('p'), fin: false }, closeCode: 1002 },
];

describe('a bad frame closes only its own connection', () => {
  for (const [index, bad] of badFrames.entries()) {
    it(`${bad.name}: close code ${bad.closeCode}, a log line, and the host keeps serving`, async () => {
      const other = await goodClient();
      other.socket.send(JSON.stringify({ kind: 'stream', id: 1, channel: 'chat:send', input: {} }));
      await expect.poll(() => other.frames.filter((f) => f.kind === 'event').length).toBeGreaterThan(2);

      const raw = await openRawWebSocket({
        port: host.port,
        path: webSocketPath,
        protocols: protocols(),
        origin: origin(),
      });
      raw.send(bad.frame);
      expect(await raw.closeCode).toBe(bad.closeCode);
      await expect.poll(() => warnings.some((line) => line.includes('bad frame'))).toBe(true);

      // The other client's reply is still streaming and its calls are still answered.
      const seen = other.frames.length;
      await expect.poll(() => other.frames.length).toBeGreaterThan(seen + 2);
      expect(other.frames.some((f) => f.kind === 'end')).toBe(false);
      await callThrough(other, 100 + index);
      other.socket.close();
    });
  }

  it('a new connection is accepted after a bad one', async () => {
    const raw = await openRawWebSocket({
      port: host.port,
      path: webSocketPath,
      protocols: protocols(),
      origin: origin(),
    });
    raw.send({ opcode: 0x1, declaredLength: 5 * 1024 * 1024 });
    await raw.closeCode;
    const fresh = await goodClient();
    await callThrough(fresh, 1);
    fresh.socket.close();
  });
});

describe('a refused upgrade whose client resets the connection', () => {
  it('does not take the host down', async () => {
    const { connect: connectTcp } = await import('node:net');
    for (const path of ['/nope', webSocketPath]) {
      // Each request is refused (wrong path; no token) and the client resets before the refusal is written.
      const raw = connectTcp(host.port, '127.0.0.1');
      await new Promise((resolve) => raw.once('connect', resolve));
      raw.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
      raw.resetAndDestroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const fresh = await goodClient();
    await callThrough(fresh, 1);
    fresh.socket.close();
  });
});
