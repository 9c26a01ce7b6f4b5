// Runs in the fake OpenRouter process: JSON shapes of stream chunks and completions, in captured key order.
//
// 2026 (default): {id, object, created, model, provider, [service_tier], [error], choices, [usage]}, deltas
// {content, role, ...} and no `logprobs`. 2025: {id, provider, model, object, created, choices, ...,
// system_fingerprint}, deltas {role, content, reasoning, reasoning_details} and `logprobs: null`.

import { type ChunkEra, type UsageVariant } from './scenarios';
import { type LegacyUsage, type Usage } from './usage';

export interface ChunkHead {
  id: string;
  created: number;
  model: string;
  provider: string;
  era: ChunkEra;
}

export interface ChunkError {
  code: number | string;
  message: string;
  metadata?: Record<string, unknown>;
}

type Choice = Record<string, unknown>;

function chunk(
  head: ChunkHead,
  choices: Choice[],
  extra: { error?: ChunkError; usage?: Usage | LegacyUsage; serviceTier?: boolean } = {},
): string {
  const out: Record<string, unknown> =
    head.era === '2026'
      ? {
          id: head.id,
          object: 'chat.completion.chunk',
          created: head.created,
          model: head.model,
          provider: head.provider,
        }
      : {
          id: head.id,
          provider: head.provider,
          model: head.model,
          object: 'chat.completion.chunk',
          created: head.created,
        };
  if (extra.serviceTier) out.service_tier = null;
  if (extra.error) out.error = extra.error;
  out.choices = choices;
  if (head.era === '2025') out.system_fingerprint = null;
  if (extra.usage) out.usage = extra.usage;
  return JSON.stringify(out);
}

function choice(
  head: ChunkHead,
  delta: Record<string, unknown>,
  finish: string | null = null,
  nativeFinish: string | null = finish,
): Choice {
  const c: Choice = { index: 0, delta, finish_reason: finish, native_finish_reason: nativeFinish };
  if (head.era === '2025') c.logprobs = null;
  return c;
}

function textDelta(head: ChunkHead, content: string, reasoning?: string): Record<string, unknown> {
  const details =
    reasoning === undefined ? [] : [{ type: 'reasoning.text', text: reasoning, format: 'unknown', index: 0 }];
  if (head.era === '2025') {
    return { role: 'assistant', content, reasoning: reasoning ?? null, reasoning_details: details };
  }
  return reasoning === undefined
    ? { content, role: 'assistant' }
    : { content, role: 'assistant', reasoning, reasoning_details: details };
}

export function contentChunk(head: ChunkHead, content: string): string {
  return chunk(head, [choice(head, textDelta(head, content))]);
}

/** Annotations ride on an otherwise empty delta, as streamed web-search citations do. */
export function annotationsChunk(head: ChunkHead, annotations: readonly Record<string, unknown>[]): string {
  return chunk(head, [choice(head, { ...textDelta(head, ''), annotations })]);
}

/** Image-output models send their pictures on a delta of their own, beside the text. */
export function imagesChunk(head: ChunkHead, images: readonly Record<string, unknown>[]): string {
  return chunk(head, [choice(head, { ...textDelta(head, ''), images })]);
}

export function reasoningChunk(head: ChunkHead, reasoning: string): string {
  return chunk(head, [choice(head, textDelta(head, '', reasoning))]);
}

export function finishChunk(head: ChunkHead, finish: string, nativeFinish: string): string {
  const delta = head.era === '2026' ? { content: '', role: 'assistant', reasoning: null } : textDelta(head, '');
  return chunk(head, [choice(head, delta, finish, nativeFinish)]);
}

export function usageChunk(
  head: ChunkHead,
  variant: UsageVariant,
  usage: Usage | LegacyUsage,
  finish: string,
  nativeFinish: string,
): string {
  switch (variant) {
    case 'A':
      return chunk(
        head,
        [
          {
            index: 0,
            delta: { role: 'assistant', content: '' },
            finish_reason: null,
            native_finish_reason: null,
            logprobs: null,
          },
        ],
        { usage },
      );
    case 'B':
      return chunk(head, [], { usage });
    case 'C':
      return chunk(
        head,
        [
          {
            index: 0,
            delta: { content: '', role: 'assistant' },
            finish_reason: finish,
            native_finish_reason: nativeFinish,
          },
        ],
        { usage, serviceTier: true },
      );
  }
}

export function errorChunk(head: ChunkHead, error: ChunkError): string {
  return chunk(head, [{ index: 0, delta: { content: '' }, finish_reason: 'error', native_finish_reason: 'error' }], {
    error,
  });
}

export interface ToolCallFragment {
  id?: string;
  name?: string;
  arguments: string;
}

export function toolCallChunk(head: ChunkHead, fragment: ToolCallFragment): string {
  const call: Record<string, unknown> = { index: 0 };
  if (fragment.id !== undefined) {
    call.id = fragment.id;
    call.type = 'function';
    call.function = { name: fragment.name, arguments: fragment.arguments };
  } else {
    call.function = { arguments: fragment.arguments };
    call.type = 'function';
  }
  return chunk(head, [choice(head, { role: 'assistant', content: null, tool_calls: [call] })]);
}

export interface CompletionInput {
  head: ChunkHead;
  content: string;
  reasoning: string | null;
  finish: string;
  nativeFinish: string;
  usage: Usage;
  toolCalls?: { id: string; name: string; arguments: string }[];
  choiceError?: ChunkError;
  /** Image-output models: the pictures on the message. */
  images?: readonly Record<string, unknown>[];
}

/** Non-streaming `chat.completion`, in the 2026 captured order. */
export function completionBody(input: CompletionInput): Record<string, unknown> {
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: input.toolCalls ? null : input.content,
    refusal: null,
    reasoning: input.reasoning,
  };
  if (input.reasoning !== null) {
    message.reasoning_details = [{ type: 'reasoning.text', text: input.reasoning, format: 'unknown', index: 0 }];
  }
  if (input.images) message.images = input.images;
  if (input.toolCalls) {
    message.tool_calls = input.toolCalls.map((t) => ({
      id: t.id,
      type: 'function',
      function: { name: t.name, arguments: t.arguments },
    }));
  }
  const theChoice: Record<string, unknown> = {
    index: 0,
    logprobs: null,
    finish_reason: input.finish,
    native_finish_reason: input.nativeFinish,
    message,
  };
  if (input.choiceError) theChoice.error = input.choiceError;
  return {
    id: input.head.id,
    object: 'chat.completion',
    created: input.head.created,
    model: input.head.model,
    provider: input.head.provider,
    system_fingerprint: null,
    choices: [theChoice],
    usage: input.usage,
  };
}
