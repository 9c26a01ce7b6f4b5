// Runs in the fake OpenRouter process: the sequence of SSE writes for one streamed generation
// (docs/openrouter-protocol.md §3, §9.2).
//
// Planning is pure (a generator of writes with the pause before each), so the exact wire shape can be
// tested without a socket, and chaos transforms can rewrite it before delivery.

import { type StreamBehaviour } from './scenarios';
import { type LegacyUsage, type Usage } from './usage';
import {
  type ChunkError,
  type ChunkHead,
  annotationsChunk,
  imagesChunk,
  contentChunk,
  errorChunk,
  finishChunk,
  reasoningChunk,
  toolCallChunk,
  usageChunk,
} from './wire-format';

export const KEEP_ALIVE = ': OPENROUTER PROCESSING\n\n';

/** What the client has received so far; enough to bill a cancelled generation. */
export interface StreamProgress {
  reasoning: string;
  content: string;
  toolArguments: string;
}

export interface PlannedWrite {
  chunk: string | Uint8Array;
  /** Pause before this write. */
  delayMs: number;
  /** Carries a `data:` event (as opposed to a keep-alive comment). */
  data?: boolean;
  /** Set once this write completes an event that moved the reply forward. */
  progress?: StreamProgress;
}

export type FinishReason = 'stop' | 'length' | 'tool_calls';

export interface StreamPlan {
  head: ChunkHead;
  behaviour: StreamBehaviour;
  chunkDelayMs: number;
  reasoningPieces: readonly string[];
  contentPieces: readonly string[];
  toolCall?: { id: string; name: string; argumentPieces: readonly string[] };
  finish: FinishReason;
  nativeFinish: string;
  includeUsage: boolean;
  /** url_citation annotations, sent in a chunk of their own after the text (web search). */
  annotations?: readonly Record<string, unknown>[];
  /** Image-output models: the pictures, in a chunk of their own after the text. */
  images?: readonly Record<string, unknown>[];
  usageFor(progress: StreamProgress, charged: boolean): Usage;
}

const data = (json: string): string => `data: ${json}\n\n`;

export function midStreamErrorBody(plan: Pick<StreamPlan, 'behaviour' | 'head'>): ChunkError {
  const spec = plan.behaviour.midStreamError;
  const metadata =
    spec?.metadata === 'legacy'
      ? { raw: 'upstream connect error', provider_name: plan.head.provider }
      : { error_type: 'provider_unavailable', provider_code: '503' };
  return { code: spec?.code ?? 502, message: 'Provider returned error', metadata };
}

export function* planStream(plan: StreamPlan): Generator<PlannedWrite> {
  const { head, behaviour: b } = plan;
  const delay = plan.chunkDelayMs;
  const progress: StreamProgress = { reasoning: '', content: '', toolArguments: '' };
  const snapshot = (): StreamProgress => ({ ...progress });
  const event = (json: string): PlannedWrite => ({
    chunk: data(json),
    delayMs: delay,
    data: true,
    progress: snapshot(),
  });

  if (b.hang) {
    yield { chunk: KEEP_ALIVE, delayMs: 0 };
    for (;;) yield { chunk: KEEP_ALIVE, delayMs: b.hang.keepAliveEveryMs };
  }

  for (let i = 0; i < b.keepAlivesBeforeFirst; i++) yield { chunk: KEEP_ALIVE, delayMs: i === 0 ? 0 : delay };

  if (b.errorFirst) {
    yield { chunk: data(errorChunk(head, midStreamErrorBody(plan))), delayMs: delay, data: true, progress: snapshot() };
    return;
  }

  for (const piece of plan.reasoningPieces) {
    progress.reasoning += piece;
    yield event(reasoningChunk(head, piece));
  }
  if (plan.reasoningPieces.length === 0) yield event(contentChunk(head, ''));

  let sent = 0;
  const pieces = plan.toolCall ? plan.toolCall.argumentPieces : plan.contentPieces;
  const half = Math.floor(pieces.length / 2);
  for (const [i, piece] of pieces.entries()) {
    if (b.midStreamError && sent === b.midStreamError.afterChunks) {
      yield* afterMidStreamError(plan, snapshot());
      return;
    }
    if (b.finishReasonError && sent === 3) {
      yield event(finishChunk(head, 'error', 'MALFORMED_FUNCTION_CALL'));
      if (plan.includeUsage)
        yield usageEvent(plan, 'error', 'MALFORMED_FUNCTION_CALL', plan.usageFor(snapshot(), false));
      yield { chunk: data('[DONE]'), delayMs: 0, data: true };
      return;
    }
    if (b.stall && sent === b.stall.afterChunks) {
      for (let waited = 0; waited < b.stall.durationMs; waited += b.stall.keepAliveEveryMs) {
        yield { chunk: KEEP_ALIVE, delayMs: b.stall.keepAliveEveryMs };
      }
    } else if (b.keepAliveMidStream && i === half && i > 0) {
      yield { chunk: KEEP_ALIVE, delayMs: delay };
    }
    if (plan.toolCall) {
      progress.toolArguments += piece;
      yield event(
        toolCallChunk(
          head,
          i === 0 ? { id: plan.toolCall.id, name: plan.toolCall.name, arguments: piece } : { arguments: piece },
        ),
      );
    } else {
      progress.content += piece;
      yield event(contentChunk(head, piece));
    }
    sent++;
  }
  if (b.midStreamError) {
    // A reply shorter than the error point still fails, just at its end.
    yield* afterMidStreamError(plan, snapshot());
    return;
  }

  if (plan.annotations) yield event(annotationsChunk(head, plan.annotations));
  if (plan.images) yield event(imagesChunk(head, plan.images));
  yield event(finishChunk(head, plan.finish, plan.nativeFinish));
  if (plan.includeUsage) yield usageEvent(plan, plan.finish, plan.nativeFinish, plan.usageFor(snapshot(), true));
  yield { chunk: data('[DONE]'), delayMs: 0, data: true };
}

function legacyUsage(usage: Usage): LegacyUsage {
  return {
    prompt_tokens: usage.prompt_tokens,
    completion_tokens: usage.completion_tokens,
    total_tokens: usage.total_tokens,
  };
}

function usageEvent(plan: StreamPlan, finish: string, nativeFinish: string, usage: Usage): PlannedWrite {
  return {
    chunk: data(
      usageChunk(
        plan.head,
        plan.behaviour.usageVariant,
        // The old-era shape without cost (docs/openrouter-protocol.md §3.4); the generation record still has it.
        plan.behaviour.usageWithoutCost ? legacyUsage(usage) : usage,
        finish,
        nativeFinish,
      ),
    ),
    delayMs: plan.chunkDelayMs,
    data: true,
  };
}

function* afterMidStreamError(plan: StreamPlan, progress: StreamProgress): Generator<PlannedWrite> {
  yield {
    chunk: data(errorChunk(plan.head, midStreamErrorBody(plan))),
    delayMs: plan.chunkDelayMs,
    data: true,
    progress,
  };
  const then = plan.behaviour.midStreamError?.then ?? 'end';
  if (then === 'usage') yield usageEvent(plan, 'error', 'error', plan.usageFor(progress, false));
  if (then !== 'end') yield { chunk: data('[DONE]'), delayMs: 0, data: true };
}
