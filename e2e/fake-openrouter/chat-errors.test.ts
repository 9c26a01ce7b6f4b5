import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkText, replyFor } from './reply-text';
import { fakeKeys, fakeModels } from './scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './server';
import { chat, choicesOf, contentOf, get, streamChat } from './test-helpers';

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 0, generationDelayMs: 0 });
});
afterAll(() => fake.close());

const hello = (model: string, extra: Record<string, unknown> = {}) => ({
  model,
  stream: true,
  messages: [{ role: 'user', content: 'hello' }],
  ...extra,
});

async function expectJsonError(res: Response, status: number, body: unknown): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(await res.json()).toEqual(body);
}

describe('authentication', () => {
  it('401 "No auth credentials found" without an Authorization header', async () => {
    const res = await fetch(`${fake.baseUrl}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify(hello(fakeModels.default)),
    });
    await expectJsonError(res, 401, { error: { message: 'No auth credentials found', code: 401 } });
  });

  it('401 "User not found." for a revoked key, a malformed key, on chat and on /key', async () => {
    for (const key of [fakeKeys.revoked, 'sk-or-v1-nothex', 'hello']) {
      await expectJsonError(await chat(fake, hello(fakeModels.default), key), 401, {
        error: { message: 'User not found.', code: 401 },
      });
      await expectJsonError(await get(fake, '/key', key), 401, { error: { message: 'User not found.', code: 401 } });
    }
  });

  it('accepts any well-formed key as a paid key', async () => {
    const res = await chat(fake, hello(fakeModels.default), `sk-or-v1-${'ab'.repeat(32)}`);
    expect(res.status).toBe(200);
    await res.text();
  });
});

describe('request validation', () => {
  it('400 with user_id for an unknown model', async () => {
    await expectJsonError(await chat(fake, hello('acme/fake-1.0')), 400, {
      error: { message: 'acme/fake-1.0 is not a valid model ID', code: 400 },
      user_id: 'user_fake',
    });
  });

  it('400 for more than three fallback models', async () => {
    const models = ['openai/gpt-4o-mini', 'openai/gpt-4o', 'anthropic/claude-sonnet-4.5', 'deepseek/deepseek-r1'];
    await expectJsonError(await chat(fake, { ...hello(fakeModels.default), models }), 400, {
      error: { message: "'models' array must have 3 items or fewer", code: 400 },
    });
  });

  it('400 for missing or empty messages, a body that is not JSON, and an unknown reasoning effort', async () => {
    for (const body of [
      { model: fakeModels.default },
      { model: fakeModels.default, messages: [] },
      '{"model":',
      hello(fakeModels.reasoning, { reasoning: { effort: 'extreme' } }),
    ]) {
      const res = await chat(fake, body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: { code: number; message: string } };
      expect(json.error.code).toBe(400);
      expect(json.error.message.length).toBeGreaterThan(5);
    }
    const res = await chat(fake, hello(fakeModels.reasoning, { reasoning: { effort: 'extreme' } }));
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /^reasoning\.effort: Invalid option: expected one of "max"\|"xhigh"/,
    );
  });
});

describe('pre-stream errors are JSON with a real status, never SSE', () => {
  it('402 for a key without credits', async () => {
    const res = await chat(fake, hello(fakeModels.default, { max_tokens: 16384 }), fakeKeys.noCredits);
    await expectJsonError(res, 402, {
      error: {
        message:
          'This request requires more credits, or fewer max_tokens. You requested up to 16384 tokens, but can only afford 3324. To increase, visit https://openrouter.ai/settings/credits and add more credits',
        code: 402,
      },
      user_id: 'user_fake',
    });
  });

  it('402 for a free-tier key on a paid model, while its :free models work', async () => {
    expect((await chat(fake, hello(fakeModels.default), fakeKeys.freeTier)).status).toBe(402);
    const ok = await chat(fake, hello(fakeModels.free), fakeKeys.freeTier);
    expect(ok.status).toBe(200);
    await ok.text();
  });

  it('429 with Retry-After, X-RateLimit-* and retry_after_seconds for the rate-limited key', async () => {
    const res = await chat(fake, hello(fakeModels.free), fakeKeys.rateLimited);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('17');
    expect(res.headers.get('x-ratelimit-limit')).toBe('20');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now());
    const body = (await res.json()) as { error: { code: number; message: string; metadata: Record<string, unknown> } };
    expect(body.error).toMatchObject({
      code: 429,
      message: 'Provider returned error',
      metadata: { provider_name: 'Venice', is_byok: false, retry_after_seconds: 17 },
    });
    expect(body.error.metadata.raw).toContain('is temporarily rate-limited upstream');
  });

  it('502 on chat and 503 on /key for the server-error key', async () => {
    const chatRes = await chat(fake, hello(fakeModels.default), fakeKeys.serverError);
    expect(chatRes.status).toBe(502);
    expect(((await chatRes.json()) as { error: { message: string } }).error.message).toBe('Provider returned error');
    await expectJsonError(await get(fake, '/key', fakeKeys.serverError), 503, {
      error: { code: 503, message: 'Service temporarily unavailable' },
    });
  });

  it('403 moderation with reasons, a shortened flagged_input and the model slug', async () => {
    const long = `You are ${'really '.repeat(30)}awful`;
    const res = await chat(fake, {
      model: fakeModels.error403,
      stream: true,
      messages: [{ role: 'user', content: long }],
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as {
      error: {
        code: number;
        message: string;
        metadata: { reasons: string[]; flagged_input: string; provider_name: string; model_slug: string };
      };
    };
    expect(body.error.code).toBe(403);
    expect(body.error.message).toContain('Your input was flagged for "harassment"');
    expect(body.error.metadata.reasons).toEqual(['harassment']);
    expect(body.error.metadata.flagged_input).toHaveLength(100);
    expect(body.error.metadata.flagged_input).toContain('...');
    expect(body.error.metadata.model_slug).toBe(fakeModels.error403);
  });

  it.each([
    [fakeModels.error408, 408, { error: { code: 408, message: 'Operation timed out. Please try again later.' } }],
    [
      fakeModels.error503,
      503,
      { error: { code: 503, message: 'No endpoints found that can handle the requested parameters.' } },
    ],
  ])('%s answers %i', async (model, status, body) => {
    await expectJsonError(await chat(fake, hello(model)), status, body);
  });

  it('502 by model carries provider metadata', async () => {
    const res = await chat(fake, hello(fakeModels.error502));
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({
      error: { code: 502, message: 'Provider returned error', metadata: { provider_name: 'Together' } },
    });
  });

  it('falls back through `models` past a failing model, answering with the one used', async () => {
    const { res, chunks } = await streamChat(fake, fakeModels.error502, 'hi', { models: [fakeModels.vision] });
    expect(res.status).toBe(200);
    expect(chunks[0]?.model).toBe('openai/gpt-4o');
  });
});

describe('errors inside a 200 stream', () => {
  const firstThree = chunkText(replyFor('hello')).slice(0, 3).join('');

  it('mid-stream error: partial content, the unified error event, then the stream just ends', async () => {
    const { res, body, chunks } = await streamChat(fake, fakeModels.midStreamError, 'hello');
    expect(res.status).toBe(200);
    expect(contentOf(chunks)).toBe(firstThree);
    const last = chunks.at(-1) as Record<string, unknown>;
    expect(Object.keys(last)).toEqual(['id', 'object', 'created', 'model', 'provider', 'error', 'choices']);
    expect(last.error).toEqual({
      code: 502,
      message: 'Provider returned error',
      metadata: { error_type: 'provider_unavailable', provider_code: '503' },
    });
    expect(last.choices).toEqual([
      { index: 0, delta: { content: '' }, finish_reason: 'error', native_finish_reason: 'error' },
    ]);
    expect(body).not.toContain('[DONE]');
    expect(chunks.some((c) => c.usage !== undefined)).toBe(false);
  });

  it('variants: [DONE] after the error; usage (cost 0) and [DONE]; legacy metadata; string code', async () => {
    const done = await streamChat(fake, fakeModels.midStreamErrorThenDone, 'hello');
    expect(done.body.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(done.chunks.at(-1)?.error).toBeDefined();

    const usage = await streamChat(fake, fakeModels.midStreamErrorThenUsage, 'hello');
    expect(usage.chunks.at(-2)?.error).toBeDefined();
    const u = usage.chunks.at(-1)?.usage as { cost: number; completion_tokens: number };
    expect(u.cost).toBe(0);
    expect(u.completion_tokens).toBe(Math.ceil(firstThree.length / 4));
    expect(choicesOf(usage.chunks.at(-1) as Record<string, unknown>)[0]?.finish_reason).toBe('error');

    const legacy = await streamChat(fake, fakeModels.midStreamErrorLegacy, 'hello');
    expect(legacy.chunks.at(-1)?.error).toEqual({
      code: 502,
      message: 'Provider returned error',
      metadata: { raw: 'upstream connect error', provider_name: 'Together' },
    });

    const stringCode = await streamChat(fake, fakeModels.midStreamErrorStringCode, 'hello');
    expect((stringCode.chunks.at(-1)?.error as { code: unknown }).code).toBe('server_error');
  });

  it('finish_reason "error" with no error object', async () => {
    const { chunks, body } = await streamChat(fake, fakeModels.finishReasonError, 'hello');
    expect(chunks.some((c) => c.error !== undefined)).toBe(false);
    const finish = choicesOf(chunks.at(-2) as Record<string, unknown>)[0];
    expect(finish).toMatchObject({ finish_reason: 'error', native_finish_reason: 'MALFORMED_FUNCTION_CALL' });
    expect(contentOf(chunks)).toBe(firstThree);
    expect(body.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('an error as the first and only data event', async () => {
    const { res, items } = await streamChat(fake, fakeModels.errorFirst, 'hello');
    expect(res.status).toBe(200);
    const data = items.filter((i) => i.kind === 'data');
    expect(data).toHaveLength(1);
    expect(items[0]?.kind).toBe('comment');
    expect(JSON.parse(data[0]?.text ?? '{}').error.code).toBe(502);
  });

  it('without streaming, a mid-stream failure is HTTP 200 with the error inside the choice', async () => {
    const res = await chat(fake, hello(fakeModels.midStreamError, { stream: false }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      choices: { message: { content: string }; finish_reason: string; error: { code: number } }[];
      usage: { cost: number };
    };
    expect(body.choices[0]?.finish_reason).toBe('error');
    expect(body.choices[0]?.error.code).toBe(502);
    expect(body.choices[0]?.message.content).toBe(firstThree);
    expect(body.usage.cost).toBe(0);
  });
});
