// Renderer (web host only): the shared Transport over one WebSocket to the loopback host.

import type { StreamHandle, Transport } from '../../../shared/api';
import type { ChatStreamEvent } from '../../../shared/domain';
import type { CoreEvent } from '../../../shared/core-events';
import type { AppError, Result } from '../../../shared/result';
import { type ClientFrame, type ServerFrame, maxFrameBytes } from '../../../shared/web-protocol';
import type { ConnectionMonitor, ConnectionState } from './connection';

export interface SocketHandlers {
  onOpen(): void;
  onMessage(data: string): void;
  onClose(code: number): void;
}

/** The little the transport needs from a socket; a seam so tests can use a double instead of a real WebSocket. */
export interface SocketLike {
  send(data: string): void;
  close(): void;
}

export type OpenSocket = (url: string, protocols: string[], handlers: SocketHandlers) => SocketLike;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WebSocketTransportOptions {
  url: string;
  /** Null when the page address carries no token: the host would refuse us, so do not try. */
  protocols: string[] | null;
  openSocket: OpenSocket;
  timers?: Timers;
}

export type WebSocketTransport = Transport & { connection: ConnectionMonitor };

export const lostConnectionMessage =
  'Lost the connection to the Switchboard host. Check that it is still running; Switchboard reconnects on its own.';
export const refusedMessage = 'This page needs the address printed by Switchboard (it carries a one-time token).';
export const frameTooLargeMessage = `That is too much to send at once (the limit is ${maxFrameBytes / 1024 / 1024} MB).`;

/** UTF-8 size of a frame: a frame over the host's limit would close the connection, so it is refused here instead. */
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
const isTooLarge = (frame: ClientFrame) => utf8Bytes(JSON.stringify(frame)) > maxFrameBytes;
const tooLarge: AppError = { code: 'invalid_input', message: frameTooLargeMessage };

/** Close codes a host may use to say "not you" after accepting the upgrade (policy violation, 4401/4403). */
const refusalCloseCodes = new Set([1008, 4401, 4403]);
const firstRetryMs = 500;
const maxRetryMs = 10_000;

const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export const openBrowserSocket: OpenSocket = (url, protocols, handlers) => {
  const socket = new WebSocket(url, protocols);
  socket.onopen = () => handlers.onOpen();
  socket.onmessage = (event) => {
    if (typeof event.data === 'string') handlers.onMessage(event.data);
  };
  // `error` is always followed by `close`, which carries the code we need.
  socket.onclose = (event) => handlers.onClose(event.code);
  return { send: (data) => socket.send(data), close: () => socket.close() };
};

interface OpenStream {
  onEvent(event: ChatStreamEvent): void;
  finish(): void;
}

export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const timers = options.timers ?? realTimers;
  const calls = new Map<number, (result: Result<unknown>) => void>();
  const streams = new Map<number, OpenStream>();
  const listeners = new Set<(state: ConnectionState) => void>();
  const coreListeners = new Set<(event: CoreEvent) => void>();
  /** Frames written before the socket opened, sent in order once it does. */
  let outbox: ClientFrame[] = [];
  let socket: SocketLike | null = null;
  let state: ConnectionState = options.protocols ? 'connecting' : 'refused';
  let everOpened = false;
  let retryMs = firstRetryMs;
  let retryTimer: unknown = null;
  let nextId = 1;
  let attempt = 0;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(next);
  };

  const failure = (): AppError => ({
    code: 'offline',
    message: state === 'refused' ? refusedMessage : lostConnectionMessage,
  });

  const failEverything = () => {
    const error = failure();
    outbox = [];
    const pendingCalls = [...calls.values()];
    const openStreams = [...streams.values()];
    calls.clear();
    streams.clear();
    for (const resolve of pendingCalls) resolve({ ok: false, error });
    for (const stream of openStreams) {
      stream.onEvent({ type: 'error', error, message: null });
      stream.finish();
    }
  };

  const scheduleRetry = () => {
    if (retryTimer !== null) return;
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, maxRetryMs);
  };

  const handleFrame = (data: string) => {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      return; // The host only sends JSON; a garbled frame has no id to answer.
    }
    if (typeof frame !== 'object' || frame === null) return;
    switch (frame.kind) {
      case 'result': {
        const resolve = calls.get(frame.id);
        calls.delete(frame.id);
        const result = frame.result as Result<unknown> | undefined;
        resolve?.(
          result && typeof result === 'object' && typeof result.ok === 'boolean'
            ? result
            : { ok: false, error: { code: 'internal', message: 'The host sent a reply Switchboard could not read.' } },
        );
        break;
      }
      case 'event':
        streams.get(frame.id)?.onEvent(frame.event);
        break;
      case 'broadcast':
        for (const listener of coreListeners) listener(frame.event);
        break;
      case 'end': {
        const stream = streams.get(frame.id);
        streams.delete(frame.id);
        stream?.finish();
        break;
      }
      case 'protocol-error': {
        if (frame.id === null) break;
        const error: AppError = { code: 'internal', message: frame.message };
        const resolve = calls.get(frame.id);
        if (resolve) {
          calls.delete(frame.id);
          resolve({ ok: false, error });
        }
        const stream = streams.get(frame.id);
        if (stream) {
          streams.delete(frame.id);
          stream.onEvent({ type: 'error', error, message: null });
          stream.finish();
        }
        break;
      }
    }
  };

  function connect() {
    if (socket || state === 'refused' || !options.protocols) return;
    if (retryTimer !== null) {
      timers.clearTimeout(retryTimer);
      retryTimer = null;
    }
    setState('connecting');
    // Events from an earlier socket (a late close, say) must not touch the current one.
    const mine = ++attempt;
    const live = () => mine === attempt;
    const handlers: SocketHandlers = {
      onOpen: () => {
        if (!live()) return;
        everOpened = true;
        retryMs = firstRetryMs;
        setState('open');
        const queued = outbox;
        outbox = [];
        for (const frame of queued) socket?.send(JSON.stringify(frame));
      },
      onMessage: (data) => {
        if (live()) handleFrame(data);
      },
      onClose: (code) => {
        if (!live()) return;
        attempt++;
        socket = null;
        // A socket that never opened on a page the host just served means the host refused the token
        // (a browser hides the HTTP status of a refused upgrade, so this is the signal we get).
        const refused = !everOpened || refusalCloseCodes.has(code);
        setState(refused ? 'refused' : 'offline');
        failEverything();
        if (!refused) scheduleRetry();
      },
    };
    try {
      socket = options.openSocket(options.url, options.protocols, handlers);
    } catch {
      // The WebSocket constructor throws on an address or sub-protocol it cannot use: nothing to retry.
      attempt++;
      setState('refused');
      failEverything();
    }
  }

  const write = (frame: ClientFrame) => {
    if (state === 'open' && socket) {
      socket.send(JSON.stringify(frame));
      return;
    }
    outbox.push(frame);
    // A call while offline should not wait out the backoff: try now, and fail fast if the host is still gone.
    if (state === 'offline') connect();
  };

  if (options.protocols) connect();

  return {
    connection: {
      getState: () => state,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },

    subscribe(listener) {
      coreListeners.add(listener);
      return () => coreListeners.delete(listener);
    },

    invoke(channel, input) {
      if (state === 'refused') return Promise.resolve({ ok: false, error: failure() });
      const id = nextId++;
      const frame: ClientFrame = { kind: 'call', id, channel, input };
      if (isTooLarge(frame)) return Promise.resolve({ ok: false, error: tooLarge });
      return new Promise((resolve) => {
        // The channel map types the result; the frame itself is untyped JSON.
        calls.set(id, resolve as (result: Result<unknown>) => void);
        write(frame);
      });
    },

    stream(channel, input, onEvent): StreamHandle {
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      if (state === 'refused') {
        onEvent({ type: 'error', error: failure(), message: null });
        finish();
        return { cancel: () => {}, finished };
      }
      const id = nextId++;
      const frame: ClientFrame = { kind: 'stream', id, channel, input };
      if (isTooLarge(frame)) {
        onEvent({ type: 'error', error: tooLarge, message: null });
        finish();
        return { cancel: () => {}, finished };
      }
      streams.set(id, { onEvent, finish });
      write(frame);
      return {
        finished,
        cancel() {
          const stream = streams.get(id);
          if (!stream) return;
          const queued = outbox.findIndex((frame) => frame.kind === 'stream' && frame.id === id);
          if (queued !== -1) {
            // Never sent, so the host knows nothing to cancel: end it here.
            outbox.splice(queued, 1);
            streams.delete(id);
            stream.finish();
            return;
          }
          // Keep listening: the host answers a cancel with the stopped message and `end`.
          write({ kind: 'cancel', id });
        },
      };
    },
  };
}
