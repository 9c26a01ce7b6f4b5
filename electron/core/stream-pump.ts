// Core (Node: Electron main or web host): runs one stream from the router to a transport's sink. Both transports use
// it, so a stream always ends the same way: its events, an error event if anything threw, then one end marker.
// Text deltas are coalesced to at most one frame per ~16 ms: a fast model sends thousands of tiny chunks a second,
// and a frame per chunk costs the transport and the page far more than the text itself.

import type { ChatStreamEvent } from '../../shared/domain';
import type { Logger } from './logger';

/** Where a transport puts a stream's frames: a WebSocket session or an Electron MessagePort. */
export interface StreamSink {
  event(event: ChatStreamEvent): void;
  end(): void;
}

export interface PumpClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PumpOptions {
  /** Longest a piece of text waits to be sent with the ones after it; 0 sends every event as it comes. */
  coalesceMs?: number;
  clock?: PumpClock;
}

/** One display frame at 60 Hz: the page applies text once per animation frame anyway. */
export const defaultCoalesceMs = 16;
/** Text held back for coalescing is sent early past this size, so a burst never builds one huge frame. */
const maxPendingChars = 64 * 1024;

const systemClock: PumpClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const streamFailedEvent: ChatStreamEvent = {
  type: 'error',
  error: { code: 'internal', message: 'The reply stream failed inside Switchboard; what was received is kept.' },
  message: null,
};

type TextEvent = Extract<ChatStreamEvent, { type: 'delta' | 'reasoning' }>;
const isText = (event: ChatStreamEvent): event is TextEvent => event.type === 'delta' || event.type === 'reasoning';

/**
 * Forwards `events` to `sink` and never throws. A throw from the source becomes an error event; a throw from the sink
 * means its consumer is gone, so the source is released (its `finally` saves the reply as stopped) and nothing more is
 * sent. Cancellation is the caller's AbortSignal, already handed to the source. Text is sent at once when nothing was
 * sent for `coalesceMs`, otherwise joined with what follows and sent when the window closes; any other event first
 * sends the text before it, so order is kept.
 */
export async function pumpStream(
  events: AsyncIterable<ChatStreamEvent>,
  sink: StreamSink,
  logger: Logger,
  label: string,
  options: PumpOptions = {},
): Promise<void> {
  const coalesceMs = options.coalesceMs ?? defaultCoalesceMs;
  const clock = options.clock ?? systemClock;
  let sinkBroken = false;
  const deliver = (send: () => void): boolean => {
    if (sinkBroken) return false;
    try {
      send();
      return true;
    } catch (error) {
      sinkBroken = true;
      logger.warn(`stream ${label}: the receiving end went away (${error instanceof Error ? error.message : error})`);
      return false;
    }
  };

  let pending: TextEvent[] = [];
  let pendingChars = 0;
  let timer: unknown = null;
  let lastSentAt = -Infinity;
  const flush = (): boolean => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    pendingChars = 0;
    lastSentAt = clock.now();
    return batch.every((event) => deliver(() => sink.event(event)));
  };
  const queueText = (event: TextEvent): boolean => {
    const last = pending.at(-1);
    if (last && last.type === event.type) pending[pending.length - 1] = { ...last, text: last.text + event.text };
    else pending.push(event);
    pendingChars += event.text.length;
    const wait = lastSentAt + coalesceMs - clock.now();
    if (wait <= 0 || pendingChars > maxPendingChars) return flush();
    timer ??= clock.setTimeout(flush, wait);
    return !sinkBroken;
  };

  try {
    for await (const event of events) {
      const delivered = isText(event) ? queueText(event) : flush() && deliver(() => sink.event(event));
      if (!delivered) break;
    }
  } catch (error) {
    logger.error(`stream ${label} failed`, error);
    if (flush()) deliver(() => sink.event(streamFailedEvent));
  } finally {
    if (flush()) deliver(() => sink.end());
  }
}
