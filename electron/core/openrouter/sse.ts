// Byte-level Server-Sent Events reader: yields each `data` payload of a response body until [DONE] or the end.

import { createParser } from 'eventsource-parser';

/** How the stream ended when it ended by itself: OpenRouter's [DONE] marker, or the body simply closing. */
export type SseEnd = 'done' | 'eof';

export interface SseOptions {
  signal?: AbortSignal;
  /** Give up when no bytes at all (not even keep-alive comments) arrive for this long. */
  idleTimeoutMs?: number;
}

/**
 * Yields payload strings; comments (": OPENROUTER PROCESSING") never reach the caller.
 * Throws an AbortError when the signal fires and a TimeoutError when the idle timeout passes;
 * in every exit path the body reader is cancelled so the connection is released.
 */
export async function* readSseData(
  body: ReadableStream<Uint8Array>,
  options: SseOptions = {},
): AsyncGenerator<string, SseEnd, undefined> {
  const { signal, idleTimeoutMs } = options;
  const reader = body.getReader();
  // One decoder for the whole body, in streaming mode, so a character split across reads is joined, not mangled.
  const decoder = new TextDecoder('utf-8');
  const payloads: string[] = [];
  let sawDone = false;
  const parser = createParser({
    onEvent: (event) => {
      if (sawDone) return;
      if (event.data === '[DONE]') sawDone = true;
      else payloads.push(event.data);
    },
  });

  let stopReason: 'aborted' | 'timeout' | null = null;
  const stop = (reason: 'aborted' | 'timeout') => {
    if (stopReason !== null) return;
    stopReason = reason;
    // Cancelling settles a pending read at once, even when the source ignores the fetch signal.
    reader.cancel().catch(() => undefined);
  };
  const onAbort = () => stop('aborted');
  signal?.addEventListener('abort', onAbort, { once: true });
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const armIdleTimer = () => {
    if (idleTimeoutMs === undefined) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => stop('timeout'), idleTimeoutMs);
  };

  let finished = false;
  try {
    if (signal?.aborted) stop('aborted');
    while (true) {
      throwIfStopped(stopReason);
      armIdleTimer();
      const { value, done } = await reader.read();
      clearTimeout(idleTimer);
      throwIfStopped(stopReason);
      // The final feed adds a blank line so a last event missing its terminator (e.g. "data: [DONE]" at EOF) still counts.
      parser.feed(done ? `${decoder.decode()}\n\n` : decoder.decode(value, { stream: true }));
      while (payloads.length > 0) {
        yield payloads.shift() as string;
        throwIfStopped(stopReason);
      }
      if (sawDone) return 'done';
      if (done) {
        finished = true;
        return 'eof';
      }
    }
  } finally {
    clearTimeout(idleTimer);
    signal?.removeEventListener('abort', onAbort);
    // After [DONE], an early break by the caller, or an error: stop the body so the socket is not left open.
    if (!finished) reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function throwIfStopped(reason: 'aborted' | 'timeout' | null): void {
  if (reason === 'aborted') throw namedError('AbortError', 'The stream was aborted.');
  if (reason === 'timeout') throw namedError('TimeoutError', 'The stream went silent for too long.');
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
