import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../shared/core-events';
import type { ChatStreamEvent } from '../../../shared/domain';
import type { ClientFrame, ServerFrame } from '../../../shared/web-protocol';
import type { ConnectionState } from './connection';
import {
  createWebSocketTransport,
  frameTooLargeMessage,
  lostConnectionMessage,
  refusedMessage,
  type SocketHandlers,
  type Timers,
} from './web-socket-transport';

/** One fake socket per connection attempt; the test plays the host. */
class FakeHost {
  sockets: { url: string; protocols: string[]; handlers: SocketHandlers; sent: ClientFrame[] }[] = [];

  open = (url: string, protocols: string[], handlers: SocketHandlers) => {
    const entry = { url, protocols, handlers, sent: [] as ClientFrame[] };
    this.sockets.push(entry);
    return { send: (data: string) => entry.sent.push(JSON.parse(data) as ClientFrame), close: () => {} };
  };

  get last() {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  }

  reply(frame: ServerFrame) {
    this.last.handlers.onMessage(JSON.stringify(frame));
  }
}

class ManualTimers implements Timers {
  pending: { callback: () => void; ms: number }[] = [];
  setTimeout(callback: () => void, ms: number) {
    const entry = { callback, ms };
    this.pending.push(entry);
    return entry;
  }
  clearTimeout(handle: unknown) {
    this.pending = this.pending.filter((entry) => entry !== handle);
  }
  runNext() {
    const entry = this.pending.shift();
    entry?.callback();
    return entry?.ms;
  }
}

const setup = (protocols: string[] | null = ['switchboard.v1', 'token.abc']) => {
  const host = new FakeHost();
  const timers = new ManualTimers();
  const transport = createWebSocketTransport({
    url: 'ws://127.0.0.1:1/api/ws',
    protocols,
    openSocket: host.open,
    timers,
  });
  const states: ConnectionState[] = [];
  transport.connection.subscribe((state) => states.push(state));
  return { host, timers, transport, states };
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createWebSocketTransport', () => {
  it('connects once with the protocol and token as sub-protocols', () => {
    const { host } = setup();
    expect(host.sockets).toHaveLength(1);
    expect(host.last.url).toBe('ws://127.0.0.1:1/api/ws');
    expect(host.last.protocols).toEqual(['switchboard.v1', 'token.abc']);
  });

  it('queues calls made before the socket opens and answers them by id', async () => {
    const { host, transport } = setup();
    const first = transport.invoke('key:status', undefined);
    const second = transport.invoke('conversations:get', { id: 'c1' });
    expect(host.last.sent).toEqual([]);
    host.last.handlers.onOpen();
    expect(host.last.sent).toEqual([
      { kind: 'call', id: 1, channel: 'key:status', input: undefined },
      { kind: 'call', id: 2, channel: 'conversations:get', input: { id: 'c1' } },
    ]);
    host.reply({ kind: 'result', id: 2, result: { ok: true, value: 'second' } });
    host.reply({ kind: 'result', id: 1, result: { ok: true, value: 'first' } });
    expect(await first).toEqual({ ok: true, value: 'first' });
    expect(await second).toEqual({ ok: true, value: 'second' });
  });

  it('refuses a frame larger than the host accepts instead of sending it, and keeps the connection', async () => {
    const { host, transport, states } = setup();
    host.last.handlers.onOpen();
    const events: ChatStreamEvent[] = [];
    // 1.5 M three-byte characters: 4.5 MB of UTF-8, over the 4 MB frame limit though under 4 M characters.
    const huge = '€'.repeat(1_500_000);
    const handle = transport.stream('chat:send', { text: huge, model: 'openai/gpt-4o-mini' }, (e) => events.push(e));
    await handle.finished;
    const call = await transport.invoke('conversations:rename', { id: 'c1', title: huge });
    expect(host.last.sent).toEqual([]);
    expect(events).toEqual([
      { type: 'error', error: { code: 'invalid_input', message: frameTooLargeMessage }, message: null },
    ]);
    expect(call).toEqual({ ok: false, error: { code: 'invalid_input', message: frameTooLargeMessage } });
    expect(states).toEqual(['open']);
    // Just under the limit still goes out.
    transport.stream('chat:send', { text: 'x'.repeat(4 * 1024 * 1024 - 200), model: 'a/b' }, () => {});
    expect(host.last.sent).toHaveLength(1);
  });

  it('delivers stream events in order and finishes at end', async () => {
    const { host, transport } = setup();
    host.last.handlers.onOpen();
    const events: ChatStreamEvent[] = [];
    let finished = false;
    const handle = transport.stream('chat:send', { text: 'Hi', model: 'openai/gpt-4o-mini' }, (e) => events.push(e));
    void handle.finished.then(() => (finished = true));
    expect(host.last.sent[0]).toMatchObject({ kind: 'stream', channel: 'chat:send' });
    const id = host.last.sent[0]?.id ?? -1;
    host.reply({ kind: 'event', id, event: { type: 'delta', text: 'a' } });
    host.reply({ kind: 'event', id, event: { type: 'delta', text: 'b' } });
    await flush();
    expect(finished).toBe(false);
    host.reply({ kind: 'end', id });
    await handle.finished;
    expect(events).toEqual([
      { type: 'delta', text: 'a' },
      { type: 'delta', text: 'b' },
    ]);
  });

  it('sends cancel for a running stream and keeps listening for the final events', async () => {
    const { host, transport } = setup();
    host.last.handlers.onOpen();
    const events: ChatStreamEvent[] = [];
    const handle = transport.stream('chat:send', { text: 'Hi', model: 'a/b' }, (e) => events.push(e));
    handle.cancel();
    expect(host.last.sent[1]).toEqual({ kind: 'cancel', id: 1 });
    host.reply({ kind: 'event', id: 1, event: { type: 'delta', text: 'late' } });
    host.reply({ kind: 'end', id: 1 });
    await handle.finished;
    expect(events).toHaveLength(1);
  });

  it('drops a stream cancelled before the socket opened without bothering the host', async () => {
    const { host, transport } = setup();
    const handle = transport.stream('chat:send', { text: 'Hi', model: 'a/b' }, () => {});
    handle.cancel();
    await handle.finished;
    host.last.handlers.onOpen();
    expect(host.last.sent).toEqual([]);
  });

  it('fails pending calls and open streams when an open connection drops, then reconnects with backoff', async () => {
    const { host, transport, timers, states } = setup();
    host.last.handlers.onOpen();
    const call = transport.invoke('models:list', undefined);
    const events: ChatStreamEvent[] = [];
    const handle = transport.stream('chat:send', { text: 'Hi', model: 'a/b' }, (e) => events.push(e));
    host.last.handlers.onClose(1006);

    expect(await call).toEqual({ ok: false, error: { code: 'offline', message: lostConnectionMessage } });
    await handle.finished;
    expect(events).toEqual([
      { type: 'error', error: { code: 'offline', message: lostConnectionMessage }, message: null },
    ]);
    expect(transport.connection.getState()).toBe('offline');

    expect(timers.runNext()).toBe(500);
    expect(host.sockets).toHaveLength(2);
    host.last.handlers.onClose(1006);
    expect(timers.runNext()).toBe(1000);
    host.last.handlers.onOpen();
    expect(states).toEqual(['open', 'offline', 'connecting', 'offline', 'connecting', 'open']);
  });

  it('tries at once when called while offline, instead of waiting out the backoff', async () => {
    const { host, transport, timers } = setup();
    host.last.handlers.onOpen();
    host.last.handlers.onClose(1006);
    const call = transport.invoke('key:status', undefined);
    expect(host.sockets).toHaveLength(2);
    expect(timers.pending).toHaveLength(0);
    host.last.handlers.onOpen();
    expect(host.last.sent).toEqual([{ kind: 'call', id: 1, channel: 'key:status', input: undefined }]);
    host.reply({ kind: 'result', id: 1, result: { ok: true, value: 1 } });
    expect(await call).toEqual({ ok: true, value: 1 });
  });

  it('reports a socket that never opened as refused and stops trying', async () => {
    const { host, transport, timers } = setup();
    const call = transport.invoke('key:status', undefined);
    host.last.handlers.onClose(1006);
    expect(transport.connection.getState()).toBe('refused');
    expect(await call).toEqual({ ok: false, error: { code: 'offline', message: refusedMessage } });
    expect(timers.pending).toHaveLength(0);
    await transport.invoke('key:status', undefined);
    expect(host.sockets).toHaveLength(1);
  });

  it('treats a policy close from the host as refused even after opening', () => {
    const { host, transport } = setup();
    host.last.handlers.onOpen();
    host.last.handlers.onClose(1008);
    expect(transport.connection.getState()).toBe('refused');
  });

  it('does not connect at all without a token', async () => {
    const { host, transport } = setup(null);
    expect(host.sockets).toHaveLength(0);
    expect(transport.connection.getState()).toBe('refused');
    const events: ChatStreamEvent[] = [];
    await transport.stream('chat:send', { text: 'Hi', model: 'a/b' }, (e) => events.push(e)).finished;
    expect(events[0]).toMatchObject({ type: 'error', error: { code: 'offline' } });
  });

  it('turns a protocol error into a failed call', async () => {
    const { host, transport } = setup();
    host.last.handlers.onOpen();
    const call = transport.invoke('key:status', undefined);
    host.reply({ kind: 'protocol-error', id: 1, message: 'unknown channel' });
    expect(await call).toEqual({ ok: false, error: { code: 'internal', message: 'unknown channel' } });
  });

  it('ignores frames that are not JSON', () => {
    const { host } = setup();
    host.last.handlers.onOpen();
    expect(() => host.last.handlers.onMessage('not json')).not.toThrow();
  });

  it('hands every broadcast frame to each subscriber, in order, until it unsubscribes', () => {
    const { host, transport } = setup();
    host.last.handlers.onOpen();
    const heard: CoreEvent[] = [];
    const stop = transport.subscribe((event) => heard.push(event));
    const removed: CoreEvent = { topic: 'library', event: { type: 'removed', id: 'c1' } };
    const dark: CoreEvent = { topic: 'preferences', preferences: { theme: 'dark', notifications: false } };
    host.reply({ kind: 'broadcast', event: removed });
    host.reply({ kind: 'broadcast', event: dark });
    expect(heard).toEqual([removed, dark]);
    stop();
    host.reply({ kind: 'broadcast', event: removed });
    expect(heard).toHaveLength(2);
  });
});
