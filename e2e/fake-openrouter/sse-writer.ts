// Runs in the fake OpenRouter process: puts a planned event stream on the wire and notices a client leaving.

import { type ServerResponse } from 'node:http';
import { type PlannedWrite, type StreamProgress } from './stream-plan';

/** Resolves after `ms`, or at once when `signal` aborts (a client that left needs no more waiting). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export function startEventStream(res: ServerResponse, generationId: string): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'x-generation-id': generationId,
  });
  // Without this, small writes are merged by Nagle's algorithm and split/stall timing is lost.
  res.socket?.setNoDelay(true);
  res.flushHeaders();
}

export interface DeliveryResult {
  /** False when the client disconnected first. */
  completed: boolean;
  /** What the client had fully received when the stream ended. */
  progress: StreamProgress | null;
  firstDataAt: number | null;
}

export async function deliver(
  res: ServerResponse,
  writes: Iterable<PlannedWrite>,
  signal: AbortSignal,
): Promise<DeliveryResult> {
  let progress: StreamProgress | null = null;
  let firstDataAt: number | null = null;
  for (const w of writes) {
    if (w.delayMs > 0) await sleep(w.delayMs, signal);
    if (signal.aborted || res.destroyed) return { completed: false, progress, firstDataAt };
    const ok = res.write(w.chunk);
    if (w.data && firstDataAt === null) firstDataAt = Date.now();
    if (w.progress) progress = w.progress;
    if (!ok) await drained(res, signal);
  }
  if (signal.aborted || res.destroyed) return { completed: false, progress, firstDataAt };
  res.end();
  return { completed: true, progress, firstDataAt };
}

function drained(res: ServerResponse, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    res.once('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
