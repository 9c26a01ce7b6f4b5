import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CoreEvent } from '../../shared/core-events';
import type { ChatStreamEvent } from '../../shared/domain';
import type { ServerFrame } from '../../shared/web-protocol';
import { tokenProtocolPrefix, webSocketPath, webSocketProtocol } from '../../shared/web-protocol';
import type { Logger } from '../core/logger';
import type { Router } from '../core/router';
import { type WebHost, startWebHost } from './server';

const token = 'a'.repeat(48);
const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** A router double: echoes calls, and streams until aborted so cancellation can be observed. */
function recordingRouter() {
  const aborted: string[] = [];
  const router: Router = {
    call: async (channel, input) => ({ ok: true, value: { channel, input } }),
    subscribe: (listener) => {
      coreListeners.add(listener);
      return () => void coreListeners.delete(listener);
    },
    async *stream(_channel, input, signal) {
      yield { type: 'delta', text: `echo ${JSON.stringify(input)}` } satisfies ChatStreamEvent;
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      aborted.push('stream');
      yield { type: 'error', error: { code: 'aborted', message: 'stopped' }, message: null } satisfies ChatStreamEvent;
    },
  };
  return { router, aborted };
}

let host: WebHost;
let aborted: string[];
/** Who the router double's subscribers are; `announce` plays the core's part. */
const coreListeners = new Set<(event: CoreEvent) => void>();
const announce = (event: CoreEvent) => coreListeners.forEach((listener) => listener(event));

beforeEach(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'sb-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  coreListeners.clear();
  const double = recordingRouter();
  aborted = double.aborted;
  host = await startWebHost({ router: double.router, logger: quietLogger, staticDir, token });
});
afterEach(() => host.close());

function connect(options: { token?: string; origin?: string; host?: string } = {}): Promise<WebSocket> {
  const socket = new WebSocket(
    `ws://127.0.0.1:${host.port}${webSocketPath}`,
    [webSocketProtocol, tokenProtocolPrefix + (options.token ?? token)],
    {
      headers: {
        Origin: options.origin ?? `http://127.0.0.1:${host.port}`,
        ...(options.host ? { Host: options.host } : {}),
      },
    },
  );
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

function nextFrames(socket: WebSocket, count: number): Promise<ServerFrame[]> {
  const frames: ServerFrame[] = [];
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      frames.push(JSON.parse(data.toString()) as ServerFrame);
      if (frames.length === count) {
        socket.off('message', onMessage);
        resolve(frames);
      }
    };
    socket.on('message', onMessage);
  });
}

describe('web host HTTP', () => {
  it('serves the renderer with a strict content security policy', async () => {
    const response = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Switchboard</title>');
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });

  it('refuses paths outside the renderer folder', async () => {
    const response = await fetch(`http://127.0.0.1:${host.port}/..%2f..%2fetc%2fpasswd`);
    expect(response.status).toBe(404);
  });

  it('answers only to loopback host names', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: 'evil.example:80' } }, (res) =>
        resolve(res.statusCode ?? 0),
      ).end();
    });
    expect(status).toBe(421);
  });
});

describe('web host WebSocket', () => {
  it('sends everything the core announces to every connected window, and stops with a closed one', async () => {
    const [first, second] = await Promise.all([connect(), connect()]);
    const firstFrames = nextFrames(first, 1);
    const secondFrames = nextFrames(second, 2);
    const removed: CoreEvent = { topic: 'library', event: { type: 'removed', id: 'c1' } };
    const dark: CoreEvent = { topic: 'preferences', preferences: { theme: 'dark', notifications: true } };
    announce(removed);
    expect(await firstFrames).toEqual([{ kind: 'broadcast', event: removed }]);
    first.close();
    await new Promise((resolve) => first.once('close', resolve));
    // The closed window's subscription is gone; the open one still hears everything.
    await expect.poll(() => coreListeners.size).toBe(1);
    announce(dark);
    expect(await secondFrames).toEqual([
      { kind: 'broadcast', event: removed },
      { kind: 'broadcast', event: dark },
    ]);
    second.close();
  });

  it('refuses a wrong token', async () => {
    await expect(connect({ token: 'b'.repeat(48) })).rejects.toThrow('HTTP 401');
  });

  it('refuses another origin', async () => {
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('refuses another Host header', async () => {
    await expect(connect({ host: 'rebound.example:1234' })).rejects.toThrow('HTTP 421');
  });

  it('routes a call and answers with its result', async () => {
    const socket = await connect();
    const reply = nextFrames(socket, 1);
    socket.send(JSON.stringify({ kind: 'call', id: 7, channel: 'conversations:list', input: null }));
    expect(await reply).toEqual([
      { kind: 'result', id: 7, result: { ok: true, value: { channel: 'conversations:list', input: null } } },
    ]);
    socket.close();
  });

  it('answers an unreadable frame with a protocol error and keeps the connection', async () => {
    const socket = await connect();
    const reply = nextFrames(socket, 2);
    socket.send('not json');
    socket.send(JSON.stringify({ kind: 'call', id: 1, channel: 'app:info' }));
    const [first, second] = await reply;
    expect(first).toMatchObject({ kind: 'protocol-error', id: null });
    expect(second).toMatchObject({ kind: 'result', id: 1 });
    socket.close();
  });

  it('cancels a stream on request and ends it', async () => {
    const socket = await connect();
    const frames = nextFrames(socket, 3);
    socket.send(JSON.stringify({ kind: 'stream', id: 3, channel: 'chat:send', input: { text: 'hi' } }));
    await new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ kind: 'cancel', id: 3 }));
    const [delta, stopped, end] = await frames;
    expect(delta).toMatchObject({ kind: 'event', id: 3, event: { type: 'delta' } });
    expect(stopped).toMatchObject({ kind: 'event', id: 3, event: { type: 'error', error: { code: 'aborted' } } });
    expect(end).toEqual({ kind: 'end', id: 3 });
    expect(aborted).toEqual(['stream']);
    socket.close();
  });

  it('aborts open streams when the socket closes', async () => {
    const socket = await connect();
    const first = new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ kind: 'stream', id: 4, channel: 'chat:send', input: {} }));
    await first;
    socket.close();
    await expect.poll(() => aborted).toEqual(['stream']);
  });
});
