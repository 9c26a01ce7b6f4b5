// Turns a 200 chat completion body into UpstreamEvents: sequencing rules live here, chunk shapes in chunk.ts.

import type { Usage } from '../../../shared/domain';
import type { AppError } from '../../../shared/result';
import { parseChunk, type ChunkPart } from './chunk';
import { abortedError, errorFromException, makeError } from './errors';
import { readSseData, type SseEnd } from './sse';
import type { UpstreamEvent } from './types';

export interface ChatStreamOptions {
  signal: AbortSignal;
  /** Reported as the model until a chunk names the resolved one (fallbacks and aliases change it). */
  requestedModel: string;
  /** From the x-generation-id response header; preferred to chunk ids because it is known before any chunk. */
  generationId: string | null;
  idleTimeoutMs?: number;
  /** After an error event, how long to keep listening for a trailing usage chunk before giving up. */
  afterErrorGraceMs?: number;
}

const DEFAULT_AFTER_ERROR_GRACE_MS = 2_000;

export async function* readChatStream(
  body: ReadableStream<Uint8Array>,
  options: ChatStreamOptions,
): AsyncGenerator<UpstreamEvent, void, undefined> {
  const graceMs = options.afterErrorGraceMs ?? DEFAULT_AFTER_ERROR_GRACE_MS;
  // A private controller lets this reader stop the body itself (after an error) without touching the caller's signal.
  const local = new AbortController();
  const forwardAbort = () => local.abort();
  if (options.signal.aborted) local.abort();
  else options.signal.addEventListener('abort', forwardAbort, { once: true });

  const payloads = readSseData(body, { signal: local.signal, idleTimeoutMs: options.idleTimeoutMs });
  let generationId = options.generationId;
  let started = false;
  let finishReason: string | null = null;
  let usage: Usage | null = null;
  let failure: AppError | null = null;
  let end: SseEnd | null = null;

  const startedEvent = (part?: Extract<ChunkPart, { type: 'metadata' }>): UpstreamEvent => {
    started = true;
    generationId = generationId ?? part?.generationId ?? null;
    return {
      type: 'started',
      generationId,
      model: part?.model ?? options.requestedModel,
      provider: part?.provider ?? null,
    };
  };

  try {
    while (true) {
      const next: IteratorResult<string, SseEnd> | null =
        failure === null ? await payloads.next() : await nextWithin(payloads, graceMs, local);
      if (next === null) break;
      if (next.done) {
        end = next.value;
        break;
      }
      for (const part of parseChunk(next.value)) {
        switch (part.type) {
          case 'metadata':
            if (!started) yield startedEvent(part);
            else generationId = generationId ?? part.generationId;
            break;
          case 'reasoning':
          case 'content':
            // Text after an error is not part of the answer the user will see as kept.
            if (failure !== null) break;
            if (!started) yield startedEvent();
            yield part.type === 'content' ? { type: 'delta', text: part.text } : { type: 'reasoning', text: part.text };
            break;
          case 'tool-call':
            if (failure !== null) break;
            if (!started) yield startedEvent();
            yield { ...part };
            break;
          case 'finish':
            // The usage chunk often repeats the finish reason; the first one wins and is reported once.
            if (failure !== null || finishReason !== null) break;
            if (!started) yield startedEvent();
            finishReason = part.finishReason;
            yield { type: 'finish', finishReason: part.finishReason, nativeFinishReason: part.nativeFinishReason };
            break;
          case 'images':
          case 'citations':
            if (failure !== null) break;
            if (!started) yield startedEvent();
            yield { ...part };
            break;
          case 'usage':
            usage = part.usage;
            break;
          case 'error':
            failure = failure ?? part.error;
            break;
        }
      }
    }
  } catch (error) {
    // An error already reported by OpenRouter explains the turn better than what went wrong while reading on.
    if (failure === null) failure = options.signal.aborted ? abortedError() : errorFromException(error);
  } finally {
    options.signal.removeEventListener('abort', forwardAbort);
    await payloads.return('eof');
  }

  if (usage !== null) yield { type: 'usage', usage };
  if (failure !== null) yield { type: 'error', error: failure, generationId };
  else if (finishReason !== null || end === 'done') yield { type: 'done', finishReason, generationId };
  else {
    const error = makeError(
      'upstream_error',
      'The stream ended unexpectedly before the answer was complete; try again.',
    );
    yield { type: 'error', error, generationId };
  }
}

/** The next payload, or null when none comes within the grace period (the body is then stopped). */
async function nextWithin(
  payloads: AsyncGenerator<string, SseEnd, undefined>,
  graceMs: number,
  local: AbortController,
): Promise<IteratorResult<string, SseEnd> | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = payloads.next();
  const expired = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), graceMs);
  });
  try {
    const winner = await Promise.race([pending, expired]);
    if (winner === null) {
      local.abort();
      // Let the reader settle (it rejects with AbortError) so no read is left dangling.
      await pending.catch(() => undefined);
    }
    return winner;
  } finally {
    clearTimeout(timer);
  }
}
