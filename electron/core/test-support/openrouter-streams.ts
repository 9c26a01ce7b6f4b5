// Test helpers only: stream fixtures modelled on the captured OpenRouter transcripts, and byte-level stream builders.

import type { UpstreamEvent } from '../openrouter/types';

export const GEN_ID = 'gen-1785160442-5ORlzdIrlBsDoqBP7E7B';
export const MODEL = 'inclusionai/ling-3.0-flash:free';
export const KEEPALIVE = ': OPENROUTER PROCESSING\n\n';

const base = { id: GEN_ID, object: 'chat.completion.chunk', created: 1785160442, model: MODEL, provider: 'Novita' };

export const chunkJson = (choices: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ ...base, ...extra, choices });

export const reasoningChoice = (text: string) => ({
  index: 0,
  delta: {
    content: '',
    role: 'assistant',
    reasoning: text,
    reasoning_details: [{ type: 'reasoning.text', text, format: 'unknown', index: 0 }],
  },
  finish_reason: null,
  native_finish_reason: null,
});

export const contentChoice = (text: string) => ({
  index: 0,
  delta: { content: text, role: 'assistant' },
  finish_reason: null,
  native_finish_reason: null,
});

export const finishChoice = (reason = 'stop') => ({
  index: 0,
  delta: { content: '', role: 'assistant', reasoning: null },
  finish_reason: reason,
  native_finish_reason: reason,
});

/** The full usage object, as OpenRouter sent it in 2026 (docs/openrouter-protocol.md §3.4). */
export const USAGE = {
  prompt_tokens: 40,
  completion_tokens: 129,
  total_tokens: 169,
  cost: 0.0000421,
  is_byok: false,
  prompt_tokens_details: { cached_tokens: 12, cache_write_tokens: 0, audio_tokens: 0, video_tokens: 0 },
  cost_details: {
    upstream_inference_cost: 0,
    upstream_inference_prompt_cost: 0,
    upstream_inference_completions_cost: 0,
  },
  completion_tokens_details: { reasoning_tokens: 31, image_tokens: 0, audio_tokens: 0 },
};

export const EXPECTED_USAGE = {
  promptTokens: 40,
  completionTokens: 129,
  totalTokens: 169,
  reasoningTokens: 31,
  cachedTokens: 12,
  cacheWriteTokens: 0,
  cacheDiscountUsd: null,
  costUsd: '0.0000421',
  isByok: false,
  raw: USAGE,
};

/** Variant A: trailing empty-delta choice; B: empty choices; C: finish reason repeated (mid 2026). */
export const usageChunk = (variant: 'A' | 'B' | 'C'): string => {
  if (variant === 'A') {
    const choice = {
      index: 0,
      delta: { role: 'assistant', content: '' },
      finish_reason: null,
      native_finish_reason: null,
      logprobs: null,
    };
    return chunkJson([choice], { usage: USAGE });
  }
  if (variant === 'B') return chunkJson([], { usage: USAGE });
  const choice = {
    index: 0,
    delta: { content: '', role: 'assistant' },
    finish_reason: 'stop',
    native_finish_reason: 'stop',
  };
  return chunkJson([choice], { service_tier: null, usage: USAGE });
};

export const REASONING = ['The', ' user greets in é and 你好'];
export const CONTENT = ['To', ' be: é—你好🙂', ' done.'];

/** The data payloads of the reasoning transcript, in order, without [DONE]. */
export const reasoningPayloads = (variant: 'A' | 'B' | 'C' = 'C'): string[] => [
  chunkJson([reasoningChoice(REASONING[0] as string)]),
  chunkJson([reasoningChoice(REASONING[1] as string)]),
  ...CONTENT.map((text) => chunkJson([contentChoice(text)])),
  chunkJson([finishChoice('stop')]),
  usageChunk(variant),
];

/** Keep-alive comments before and between events, as captured; the stream ends with [DONE]. */
export const sseText = (payloads: string[], { done = true, newline = '\n' } = {}): string => {
  const events = payloads.map((payload, i) => (i === 2 ? KEEPALIVE : '') + `data: ${payload}\n\n`);
  const text = KEEPALIVE + KEEPALIVE + events.join('') + (done ? 'data: [DONE]\n\n' : '');
  return newline === '\n' ? text : text.replace(/\n/g, newline);
};

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

export interface FakeBody {
  stream: ReadableStream<Uint8Array>;
  /** Resolves when the consumer cancels the body (or it is torn down by an abort). */
  cancelled: Promise<void>;
  isCancelled(): boolean;
}

/** A body that hands out exactly these pieces, one per read; with `hang`, it then never ends. */
export function bodyOf(pieces: (string | Uint8Array)[], { hang = false } = {}): FakeBody {
  const queue = pieces.map((piece) => (typeof piece === 'string' ? encode(piece) : piece));
  let cancelled = false;
  let markCancelled: () => void = () => undefined;
  const cancelledPromise = new Promise<void>((resolve) => {
    markCancelled = resolve;
  });
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = queue.shift();
        if (next !== undefined) controller.enqueue(next);
        else if (!hang) controller.close();
        // With hang, pull returns without enqueueing: the next read waits forever.
        else return new Promise<void>(() => undefined);
      },
      cancel() {
        cancelled = true;
        markCancelled();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, cancelled: cancelledPromise, isCancelled: () => cancelled };
}

/** Splits bytes at the given offsets into separate reads. */
export function splitAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const offset of offsets) {
    pieces.push(bytes.slice(start, offset));
    start = offset;
  }
  pieces.push(bytes.slice(start));
  return pieces;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Every stream must end with exactly one terminal event, and it must be the last. */
export function terminalOf(events: UpstreamEvent[]): Extract<UpstreamEvent, { type: 'done' | 'error' }> {
  const terminals = events.filter((event) => event.type === 'done' || event.type === 'error');
  const last = events[events.length - 1];
  if (terminals.length !== 1 || last === undefined || (last.type !== 'done' && last.type !== 'error')) {
    throw new Error(`expected exactly one terminal event at the end, got ${JSON.stringify(events.map((e) => e.type))}`);
  }
  return last;
}
