import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATION_ID_PATTERN } from './ids';
import { chunkText, replyFor } from './reply-text';
import { fakeKeys, fakeModels } from './scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './server';
import { choicesOf, contentOf, lastUsage, reasoningOf, streamChat } from './test-helpers';
import { roundCost } from './usage';

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 0, generationDelayMs: 0 });
});
afterAll(() => fake.close());

const PROMPT = 'Bonjour — can you say 你好 back? 👋';

describe('a plain stream', () => {
  it('is framed like OpenRouter: headers, comments first, one JSON per data line, [DONE] last', async () => {
    const { res, body, items, chunks } = await streamChat(fake, fakeModels.default, PROMPT);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-generation-id')).toMatch(GENERATION_ID_PATTERN);

    expect(body.startsWith(': OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\ndata: {')).toBe(true);
    expect(body.endsWith('\n\ndata: [DONE]\n\n')).toBe(true);
    expect(body).not.toContain('\r');
    expect(items.filter((i) => i.kind === 'data' && i.text === '[DONE]')).toHaveLength(1);
    // A comment also arrives between content chunks, as OpenRouter sends them "before and during".
    const firstData = items.findIndex((i) => i.kind === 'data');
    expect(items.slice(firstData).some((i) => i.kind === 'comment')).toBe(true);

    const id = res.headers.get('x-generation-id');
    for (const c of chunks) {
      expect(c.id).toBe(id);
      expect(c.object).toBe('chat.completion.chunk');
      expect(c.created).toBe(chunks[0]?.created);
      expect(c.model).toBe('openai/gpt-4o-mini');
      expect(c.provider).toBe('OpenAI');
      for (const choice of choicesOf(c)) expect(choice.delta.role).toBe('assistant');
    }
  });

  it('uses the mid-2026 key order and no logprobs by default', async () => {
    const { chunks } = await streamChat(fake, fakeModels.default, PROMPT);
    const content = chunks[1] as Record<string, unknown>;
    expect(Object.keys(content)).toEqual(['id', 'object', 'created', 'model', 'provider', 'choices']);
    expect(Object.keys(choicesOf(content)[0] ?? {})).toEqual([
      'index',
      'delta',
      'finish_reason',
      'native_finish_reason',
    ]);
    expect(Object.keys(choicesOf(content)[0]?.delta ?? {})).toEqual(['content', 'role']);
  });

  it('carries the deterministic reply, multi-byte characters intact', async () => {
    const { chunks } = await streamChat(fake, fakeModels.default, PROMPT);
    const text = contentOf(chunks);
    expect(text).toBe(replyFor(PROMPT));
    expect(text).toContain(PROMPT);
    expect(text).toContain('你好');
    expect(text).toContain('🚀');
  });

  it('ends with a finish chunk, then usage variant C repeating the finish reason', async () => {
    const { chunks } = await streamChat(fake, fakeModels.default, PROMPT);
    const finish = chunks.at(-2) as Record<string, unknown>;
    const usageChunk = chunks.at(-1) as Record<string, unknown>;
    expect(choicesOf(finish)[0]).toMatchObject({
      delta: { content: '', role: 'assistant', reasoning: null },
      finish_reason: 'stop',
      native_finish_reason: 'stop',
    });
    expect(Object.keys(usageChunk)).toEqual([
      'id',
      'object',
      'created',
      'model',
      'provider',
      'service_tier',
      'choices',
      'usage',
    ]);
    expect(usageChunk.service_tier).toBeNull();
    expect(choicesOf(usageChunk)).toEqual([
      { index: 0, delta: { content: '', role: 'assistant' }, finish_reason: 'stop', native_finish_reason: 'stop' },
    ]);

    const usage = lastUsage(chunks) as {
      prompt_tokens: number;
      completion_tokens: number;
      total_tokens: number;
      cost: number;
      cost_details: {
        upstream_inference_cost: null;
        upstream_inference_prompt_cost: number;
        upstream_inference_completions_cost: number;
      };
    };
    expect(usage.completion_tokens).toBe(Math.ceil(replyFor(PROMPT).length / 4));
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
    expect(usage.cost).toBe(
      roundCost(roundCost(usage.prompt_tokens * 0.00000015) + roundCost(usage.completion_tokens * 0.0000006)),
    );
    expect(usage.cost).toBeGreaterThan(0);
    expect(usage.cost_details.upstream_inference_cost).toBeNull();
    expect(
      usage.cost_details.upstream_inference_prompt_cost + usage.cost_details.upstream_inference_completions_cost,
    ).toBeCloseTo(usage.cost, 15);
  });
});

describe('usage variants and eras', () => {
  it('variant A: a trailing empty-delta choice with finish_reason null and logprobs', async () => {
    const { chunks } = await streamChat(fake, fakeModels.usageA, PROMPT);
    expect(choicesOf(chunks.at(-1) as Record<string, unknown>)).toEqual([
      {
        index: 0,
        delta: { role: 'assistant', content: '' },
        finish_reason: null,
        native_finish_reason: null,
        logprobs: null,
      },
    ]);
    expect(choicesOf(chunks.at(-2) as Record<string, unknown>)[0]?.finish_reason).toBe('stop');
    expect(lastUsage(chunks).cost).toBeGreaterThan(0);
  });

  it('variant B: choices is an empty array', async () => {
    const { chunks } = await streamChat(fake, fakeModels.usageB, PROMPT);
    expect((chunks.at(-1) as Record<string, unknown>).choices).toEqual([]);
    expect(lastUsage(chunks).prompt_tokens).toBeGreaterThan(0);
  });

  it('the 2025 format puts provider after id and adds logprobs and system_fingerprint', async () => {
    const { chunks, body } = await streamChat(fake, fakeModels.legacyFormat, PROMPT);
    expect(body.startsWith(': OPENROUTER PROCESSING\n\n'.repeat(3))).toBe(true);
    const first = chunks[0] as Record<string, unknown>;
    expect(Object.keys(first)).toEqual([
      'id',
      'provider',
      'model',
      'object',
      'created',
      'choices',
      'system_fingerprint',
    ]);
    expect(choicesOf(first)[0]).toEqual({
      index: 0,
      delta: { role: 'assistant', content: '', reasoning: null, reasoning_details: [] },
      finish_reason: null,
      native_finish_reason: null,
      logprobs: null,
    });
    expect(first.provider).toBe('Amazon Bedrock');
  });

  it('the usage opt-in model sends usage only when asked', async () => {
    const without = await streamChat(fake, fakeModels.usageOptIn, PROMPT);
    expect(without.chunks.some((c) => c.usage !== undefined)).toBe(false);
    expect(without.body.endsWith('data: [DONE]\n\n')).toBe(true);
    const withInclude = await streamChat(fake, fakeModels.usageOptIn, PROMPT, { usage: { include: true } });
    expect(lastUsage(withInclude.chunks).completion_tokens).toBeGreaterThan(0);
    const withStreamOptions = await streamChat(fake, fakeModels.usageOptIn, PROMPT, {
      stream_options: { include_usage: true },
    });
    expect(lastUsage(withStreamOptions.chunks).completion_tokens).toBeGreaterThan(0);
  });
});

describe('model-specific streams', () => {
  it('a reasoning model sends reasoning chunks before any content', async () => {
    const { chunks } = await streamChat(fake, fakeModels.reasoning, PROMPT);
    const firstContent = chunks.findIndex((c) => (choicesOf(c)[0]?.delta.content ?? '') !== '');
    const reasoningChunks = chunks.filter(
      (c) => typeof choicesOf(c)[0]?.delta.reasoning === 'string' && choicesOf(c)[0]?.delta.reasoning !== '',
    );
    expect(reasoningChunks.length).toBeGreaterThan(3);
    expect(chunks.indexOf(reasoningChunks.at(-1) as Record<string, unknown>)).toBeLessThan(firstContent);
    const delta = choicesOf(reasoningChunks[0] as Record<string, unknown>)[0]?.delta;
    expect(delta?.content).toBe('');
    expect(delta?.reasoning_details).toEqual([
      { type: 'reasoning.text', text: delta?.reasoning, format: 'unknown', index: 0 },
    ]);
    expect(reasoningOf(chunks)).toContain('The user wrote');
    const usage = lastUsage(chunks) as {
      completion_tokens: number;
      completion_tokens_details: { reasoning_tokens: number };
    };
    expect(usage.completion_tokens_details.reasoning_tokens).toBe(Math.ceil(reasoningOf(chunks).length / 4));
    expect(usage.completion_tokens).toBeGreaterThan(usage.completion_tokens_details.reasoning_tokens);
  });

  it('reasoning excluded by the request is billed but not sent', async () => {
    const { chunks } = await streamChat(fake, fakeModels.reasoning, PROMPT, { reasoning: { exclude: true } });
    expect(reasoningOf(chunks)).toBe('');
    expect(
      (lastUsage(chunks) as { completion_tokens_details: { reasoning_tokens: number } }).completion_tokens_details
        .reasoning_tokens,
    ).toBeGreaterThan(0);
  });

  it('answers with the permaslug, not the requested id', async () => {
    const { chunks } = await streamChat(fake, fakeModels.permaslug, PROMPT);
    expect(chunks.every((c) => c.model === 'deepseek/deepseek-v4-pro-20260423')).toBe(true);
  });

  it('openrouter/auto answers and bills as the model it picked', async () => {
    const { chunks } = await streamChat(fake, fakeModels.auto, PROMPT);
    expect(chunks[0]?.model).toBe('openai/gpt-4o-mini');
    expect(lastUsage(chunks).cost).toBeGreaterThan(0);
  });

  it('a free model costs nothing', async () => {
    const { chunks } = await streamChat(fake, fakeModels.free, PROMPT);
    const usage = lastUsage(chunks) as {
      cost: number;
      completion_tokens: number;
      cost_details: Record<string, unknown>;
    };
    expect(usage.completion_tokens).toBeGreaterThan(0);
    expect(usage.cost).toBe(0);
    expect(usage.cost_details).toEqual({
      upstream_inference_cost: 0,
      upstream_inference_prompt_cost: 0,
      upstream_inference_completions_cost: 0,
    });
  });

  it('honours max_tokens by cutting the reply with finish_reason "length"', async () => {
    const { chunks } = await streamChat(fake, fakeModels.default, PROMPT, { max_tokens: 10 });
    const text = contentOf(chunks);
    expect(text.length).toBeLessThanOrEqual(40);
    expect(replyFor(PROMPT).startsWith(text)).toBe(true);
    expect(choicesOf(chunks.at(-2) as Record<string, unknown>)[0]?.finish_reason).toBe('length');
    expect(lastUsage(chunks).completion_tokens).toBeLessThanOrEqual(10);
  });

  it('streams a tool call with its arguments split across chunks', async () => {
    const { chunks } = await streamChat(fake, fakeModels.toolCall, 'weather?');
    type Call = { index: number; id?: string; type?: string; function: { name?: string; arguments: string } };
    const calls = chunks.flatMap((c) => choicesOf(c)).flatMap((ch) => (ch.delta.tool_calls ?? []) as Call[]);
    expect(calls.length).toBeGreaterThan(2);
    expect(calls[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(calls[0]?.id).toMatch(/^call_/);
    expect(calls.slice(1).every((c) => c.id === undefined)).toBe(true);
    expect(JSON.parse(calls.map((c) => c.function.arguments).join(''))).toEqual({
      location: 'San Francisco, USA',
      unit: 'celsius',
    });
    expect(choicesOf(chunks.at(-2) as Record<string, unknown>)[0]?.finish_reason).toBe('tool_calls');
  });

  it('the chaos model uses CRLF yet carries the same reply', async () => {
    const { body, chunks } = await streamChat(fake, fakeModels.chaos, PROMPT);
    expect(body.startsWith(': OPENROUTER PROCESSING\r\n\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toContain('\n');
    expect(body.endsWith('data: [DONE]\r\n\r\n')).toBe(true);
    expect(contentOf(chunks)).toBe(replyFor(PROMPT));
  });

  it('the slow model sends 200+ content chunks about 50 ms apart', async () => {
    const controller = new AbortController();
    const res = await fetch(`${fake.baseUrl}/chat/completions`, {
      method: 'POST',
      signal: controller.signal,
      headers: { authorization: `Bearer ${fakeKeys.valid}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: fakeModels.slow,
        stream: true,
        messages: [{ role: 'user', content: 'go slowly' }],
      }),
    });
    const started = Date.now();
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (Date.now() - started < 500) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    controller.abort();
    const received = (text.match(/^data: /gm) ?? []).length;
    // ~10 chunks in half a second, far from the whole reply.
    expect(received).toBeGreaterThan(3);
    expect(received).toBeLessThan(25);
    expect(chunkText(replyFor('go slowly', { long: true }), 1).length).toBeGreaterThanOrEqual(200);
  });
});
