import { describe, expect, it } from 'vitest';
import type { ChatStreamEvent } from '../../shared/domain';
import type { PortFrame } from '../../shared/port-protocol';
import type { Router } from '../core/router';
import { streamFailedEvent } from '../core/stream-pump';
import { recordingLogger } from './test-support/recording-logger';
import { type CoreEvent, coreEventChannel } from '../../shared/core-events';
import { type IpcMainLike, broadcastCoreEvents, refusedSenderMessage, registerIpc } from './ipc';

type Handler = (event: never, input: unknown) => unknown;

/** ipcMain and MessagePortMain stand-ins: plain objects that record what the glue does with them. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener as Handler),
    on: (channel, listener) => void listeners.set(channel, listener as Handler),
  };
  return { ipcMain, handlers, listeners };
}

function fakePort() {
  const posted: PortFrame[] = [];
  const on = new Map<string, () => void>();
  let closed = false;
  let resolveClosed: () => void = () => {};
  const closedPromise = new Promise<void>((resolve) => (resolveClosed = resolve));
  return {
    posted,
    closed: () => closed,
    whenClosed: closedPromise,
    emit: (event: string) => on.get(event)?.(),
    port: {
      on: (event: string, listener: () => void) => void on.set(event, listener),
      start: () => {},
      postMessage: (frame: PortFrame) => void posted.push(frame),
      close: () => {
        closed = true;
        resolveClosed();
      },
    },
  };
}

const trustedFrame = { url: 'app://switchboard/index.html', parent: null };
const isTrusted = (frame: { url: string } | null) => frame?.url === trustedFrame.url;

function setup(router: Partial<Router>, watchTurn?: () => (event: ChatStreamEvent) => void) {
  const fake = fakeIpcMain();
  const logger = recordingLogger();
  const calls: string[] = [];
  const full: Router = {
    call: async (channel) => {
      calls.push(channel);
      return { ok: true, value: channel };
    },
    async *stream() {},
    subscribe: () => () => {},
    ...router,
  };
  const registered = registerIpc(fake.ipcMain, full, isTrusted, logger, watchTurn);
  const invoke = (channel: string, frame: typeof trustedFrame | null) =>
    fake.handlers.get(channel)?.({ senderFrame: frame } as never, undefined);
  const stream = (channel: string, frame: typeof trustedFrame | null) => {
    const port = fakePort();
    fake.listeners.get(channel)?.({ senderFrame: frame, ports: [port.port] } as never, { text: 'hi' });
    return port;
  };
  return { ...fake, registered, logger, calls, invoke, stream };
}

describe('registerIpc requests', () => {
  it('registers every request channel and answers our own page', async () => {
    const { handlers, invoke } = setup({});
    expect(handlers.has('conversations:list')).toBe(true);
    expect(await invoke('conversations:list', trustedFrame)).toEqual({ ok: true, value: 'conversations:list' });
  });

  it('refuses another sender before the router runs', async () => {
    const { invoke, calls } = setup({});
    const result = await invoke('key:status', { url: 'https://evil.example/', parent: null });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: refusedSenderMessage } });
    expect(calls).toEqual([]);
  });
});

describe('registerIpc streams', () => {
  it('posts every event, then the end marker, then closes the port', async () => {
    const { stream } = setup({
      async *stream() {
        yield { type: 'delta', text: 'a' } satisfies ChatStreamEvent;
        yield { type: 'delta', text: 'b' } satisfies ChatStreamEvent;
      },
    });
    const port = stream('chat:send', trustedFrame);
    await port.whenClosed;
    expect(port.posted).toEqual([
      { event: { type: 'delta', text: 'a' } },
      { event: { type: 'delta', text: 'b' } },
      { end: true },
    ]);
  });

  it('turns a throw inside the router into an error event instead of a crash', async () => {
    const { stream, logger } = setup({
      // eslint-disable-next-line require-yield
      async *stream() {
        throw new Error('router bug');
      },
    });
    const port = stream('chat:send', trustedFrame);
    await port.whenClosed;
    expect(port.posted).toEqual([{ event: streamFailedEvent }, { end: true }]);
    expect(logger.lines.join('\n')).toContain('stream chat:send failed');
  });

  it('shows each turn’s events to its own watcher, and a failing watcher costs the page nothing', async () => {
    const seen: string[][] = [];
    const { stream, logger } = setup(
      {
        async *stream() {
          yield { type: 'delta', text: 'a' } satisfies ChatStreamEvent;
          yield { type: 'delta', text: 'b' } satisfies ChatStreamEvent;
        },
      },
      () => {
        const mine: string[] = [];
        seen.push(mine);
        return (event) => {
          if (seen.length === 2) throw new Error('no notifications here');
          mine.push(event.type === 'delta' ? event.text : event.type);
        };
      },
    );
    const first = stream('chat:send', trustedFrame);
    await first.whenClosed;
    const second = stream('chat:send', trustedFrame);
    await second.whenClosed;
    expect(seen).toEqual([['a', 'b'], []]);
    expect(second.posted).toHaveLength(3);
    expect(logger.lines.filter((line) => line.includes('a turn watcher failed'))).toHaveLength(2);
    // Another sender's refused turn is watched by no one.
    await stream('chat:send', null).whenClosed;
    expect(seen).toHaveLength(2);
  });

  it('answers another sender with one forbidden event and never streams', async () => {
    let streamed = false;
    const { stream } = setup({
      // eslint-disable-next-line require-yield
      async *stream() {
        streamed = true;
      },
    });
    const port = stream('chat:send', null);
    await port.whenClosed;
    expect(port.posted).toEqual([
      { event: { type: 'error', error: { code: 'forbidden', message: refusedSenderMessage }, message: null } },
      { end: true },
    ]);
    expect(streamed).toBe(false);
  });

  it('aborts the upstream request on Stop, on a closed port, and at quit', async () => {
    const signals: AbortSignal[] = [];
    const waitForAbort = async function* (_c: string, _i: unknown, signal: AbortSignal) {
      signals.push(signal);
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      yield { type: 'error', error: { code: 'aborted', message: 'stopped' }, message: null } satisfies ChatStreamEvent;
    };
    const { stream, registered } = setup({ stream: waitForAbort });
    const stopped = stream('chat:send', trustedFrame);
    const closed = stream('chat:send', trustedFrame);
    const atQuit = stream('chat:send', trustedFrame);
    stopped.emit('message');
    closed.emit('close');
    expect(signals.map((s) => s.aborted)).toEqual([true, true, false]);
    registered.abortStreams();
    expect(signals[2]?.aborted).toBe(true);
    await Promise.all([stopped.whenClosed, closed.whenClosed, atQuit.whenClosed]);
    expect(atQuit.posted.at(-1)).toEqual({ end: true });
  });
});

describe('broadcastCoreEvents', () => {
  it('sends each core event to every live window showing the app, and nothing after it stops', () => {
    const listeners = new Set<(event: CoreEvent) => void>();
    const announce = (event: CoreEvent) => listeners.forEach((listener) => listener(event));
    const sent: [string, string, unknown][] = [];
    const window = (name: string, url: string, destroyed = false) => ({
      mainFrame: { url, parent: null },
      isDestroyed: () => destroyed,
      send: (channel: string, payload: unknown) => sent.push([name, channel, payload]),
    });
    const windows = [
      window('a', trustedFrame.url),
      window('b', trustedFrame.url),
      window('gone', trustedFrame.url, true),
      window('foreign', 'https://evil.example/'),
    ];
    const router: Router = {
      call: async () => ({ ok: true, value: null }),
      async *stream() {},
      subscribe: (listener) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    };
    const stop = broadcastCoreEvents(router, () => windows, isTrusted);
    const removed: CoreEvent = { topic: 'library', event: { type: 'removed', id: 'c1' } };
    const dark: CoreEvent = { topic: 'preferences', preferences: { theme: 'dark', notifications: true } };
    announce(removed);
    announce(dark);
    expect(sent).toEqual([
      ['a', coreEventChannel, removed],
      ['b', coreEventChannel, removed],
      ['a', coreEventChannel, dark],
      ['b', coreEventChannel, dark],
    ]);
    stop();
    announce({ topic: 'library', event: { type: 'cleared' } });
    expect(sent).toHaveLength(4);
  });
});
