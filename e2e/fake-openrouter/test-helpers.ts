// Runs in the test runner: small HTTP and SSE helpers shared by this folder's tests.

import { fakeKeys } from './scenarios';
import { type FakeOpenRouter } from './server';

export type SseItem = { kind: 'comment'; text: string } | { kind: 'data'; text: string };

/** Splits a complete SSE body into its events, tolerating CRLF; each event is one comment or one data line. */
export function parseSse(body: string): SseItem[] {
  return body
    .replace(/\r\n/g, '\n')
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block): SseItem => {
      if (block.startsWith(':')) return { kind: 'comment', text: block.slice(1).trim() };
      if (!block.startsWith('data: ') || block.includes('\n'))
        throw new Error(`not a single-line data event: ${JSON.stringify(block)}`);
      return { kind: 'data', text: block.slice('data: '.length) };
    });
}

/** Every JSON chunk of a stream, in order (comments and `[DONE]` left out). */
export function jsonChunks(items: SseItem[]): Record<string, unknown>[] {
  return items
    .filter((i) => i.kind === 'data' && i.text !== '[DONE]')
    .map((i) => JSON.parse(i.text) as Record<string, unknown>);
}

export interface ChoiceLike {
  index: number;
  delta: {
    role?: string;
    content?: string | null;
    reasoning?: string | null;
    reasoning_details?: unknown[];
    tool_calls?: unknown[];
    annotations?: unknown[];
  };
  finish_reason: string | null;
  native_finish_reason?: string | null;
}

export function choicesOf(chunk: Record<string, unknown>): ChoiceLike[] {
  return chunk.choices as ChoiceLike[];
}

export function contentOf(chunks: Record<string, unknown>[]): string {
  return chunks
    .flatMap((c) => choicesOf(c))
    .map((c) => c.delta.content ?? '')
    .join('');
}

export function reasoningOf(chunks: Record<string, unknown>[]): string {
  return chunks
    .flatMap((c) => choicesOf(c))
    .map((c) => c.delta.reasoning ?? '')
    .join('');
}

export function chat(
  fake: FakeOpenRouter,
  body: unknown,
  key: string = fakeKeys.valid,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${fake.baseUrl}/chat/completions`, {
    method: 'POST',
    ...init,
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      ...(init.headers as Record<string, string> | undefined),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function get(fake: FakeOpenRouter, path: string, key: string | null = fakeKeys.valid): Promise<Response> {
  return fetch(`${fake.baseUrl}${path}`, { headers: key === null ? {} : { authorization: `Bearer ${key}` } });
}

export async function streamChat(
  fake: FakeOpenRouter,
  model: string,
  prompt: string,
  extra: Record<string, unknown> = {},
  key: string = fakeKeys.valid,
) {
  const res = await chat(fake, { model, stream: true, messages: [{ role: 'user', content: prompt }], ...extra }, key);
  const body = await res.text();
  const items = parseSse(body);
  return { res, body, items, chunks: jsonChunks(items) };
}

export function lastUsage(chunks: Record<string, unknown>[]): Record<string, unknown> {
  const withUsage = chunks.filter((c) => c.usage !== undefined);
  if (withUsage.length !== 1) throw new Error(`expected exactly one usage chunk, got ${withUsage.length}`);
  return withUsage[0]?.usage as Record<string, unknown>;
}
