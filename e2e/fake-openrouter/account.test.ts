import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keyLabel } from './keys';
import { fakeKeys, fakeModels } from './scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './server';
import { chat, get, lastUsage, streamChat } from './test-helpers';

const GENERATION_DELAY_MS = 300;

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 10, generationDelayMs: GENERATION_DELAY_MS });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

type KeyData = {
  label: string;
  limit: number | null;
  limit_remaining: number | null;
  usage: number;
  is_free_tier: boolean;
  rate_limit: unknown;
};

async function keyData(key: string, path = '/key'): Promise<KeyData> {
  const res = await get(fake, path, key);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: KeyData }).data;
}

/** Reads a stream until `count` data events arrived, then aborts it. */
async function abortAfter(model: string, count: number, key: string = fakeKeys.valid): Promise<string> {
  const controller = new AbortController();
  const res = await chat(fake, { model, stream: true, messages: [{ role: 'user', content: 'stop me' }] }, key, {
    signal: controller.signal,
  });
  const id = res.headers.get('x-generation-id') ?? '';
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  while ((text.match(/^data: /gm) ?? []).length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  controller.abort();
  return id;
}

type Generation = {
  id: string;
  cancelled: boolean;
  total_cost: number;
  tokens_completion: number;
  finish_reason: string | null;
  streamed: boolean;
  provider_name: string;
  model: string;
  http_referer: string | null;
};

async function pollGeneration(
  id: string,
  key: string = fakeKeys.valid,
): Promise<{ data: Generation; notFoundFirst: number }> {
  let notFound = 0;
  for (let i = 0; i < 50; i++) {
    const res = await get(fake, `/generation?id=${id}`, key);
    if (res.status === 200) return { data: ((await res.json()) as { data: Generation }).data, notFoundFirst: notFound };
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 404, message: 'Generation not found' } });
    notFound++;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('generation never appeared');
}

describe('GET /key', () => {
  it('describes each scenario key in the GET /key shape of docs/openrouter-protocol.md §8.1', async () => {
    const valid = await keyData(fakeKeys.valid);
    expect(valid).toMatchObject({
      label: 'sk-or-v1-d9e...899',
      limit: 25,
      limit_remaining: 20.5,
      usage: 4.5,
      is_free_tier: false,
      limit_reset: 'monthly',
    });
    expect(valid.rate_limit).toEqual({
      requests: -1,
      interval: '10s',
      note: 'This field is deprecated and safe to ignore.',
    });
    expect(await keyData(fakeKeys.unlimited)).toMatchObject({ limit: null, limit_remaining: null });
    expect(await keyData(fakeKeys.freeTier)).toMatchObject({ is_free_tier: true });
    expect(await keyData(fakeKeys.noCredits)).toMatchObject({ limit: 10, limit_remaining: 0 });
    expect(keyLabel(fakeKeys.unlimited)).toBe('sk-or-v1-3c4...8fa');
  });

  it('answers the same on the legacy /auth/key', async () => {
    expect(await keyData(fakeKeys.valid, '/auth/key')).toEqual(await keyData(fakeKeys.valid));
  });

  it('/credits needs a management key', async () => {
    const res = await get(fake, '/credits');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: { code: 403, message: 'Only management keys can perform this operation' },
    });
  });

  it('limit_remaining drops by exactly the cost of a finished reply', async () => {
    const before = await keyData(fakeKeys.valid);
    const { chunks } = await streamChat(fake, fakeModels.default, 'What will this cost?');
    const cost = lastUsage(chunks).cost as number;
    expect(cost).toBeGreaterThan(0);
    const after = await keyData(fakeKeys.valid);
    expect(after.limit_remaining).toBeCloseTo((before.limit_remaining as number) - cost, 10);
    expect(after.usage).toBeCloseTo(before.usage + cost, 10);
  });
});

describe('GET /generation', () => {
  it('answers 404 until the delay has passed, then the full record', async () => {
    const { res, chunks } = await streamChat(fake, fakeModels.default, 'Record me', {}, fakeKeys.valid);
    const id = res.headers.get('x-generation-id') ?? '';
    const started = Date.now();
    const { data, notFoundFirst } = await pollGeneration(id);
    expect(notFoundFirst).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(GENERATION_DELAY_MS - 60);
    expect(data).toMatchObject({
      id,
      cancelled: false,
      streamed: true,
      finish_reason: 'stop',
      provider_name: 'OpenAI',
      model: 'openai/gpt-4o-mini',
    });
    const usage = lastUsage(chunks) as { cost: number; completion_tokens: number };
    expect(data.total_cost).toBe(usage.cost);
    expect(data.tokens_completion).toBe(usage.completion_tokens);
  });

  it('is private to the key that made the generation', async () => {
    const { res } = await streamChat(fake, fakeModels.default, 'mine');
    const id = res.headers.get('x-generation-id') ?? '';
    await pollGeneration(id);
    expect((await get(fake, `/generation?id=${id}`, fakeKeys.unlimited)).status).toBe(404);
  });

  it('a non-streamed reply is recorded with streamed: false and carries x-generation-id', async () => {
    const res = await chat(
      fake,
      { model: fakeModels.default, messages: [{ role: 'user', content: 'no stream' }] },
      fakeKeys.valid,
      {
        headers: { 'HTTP-Referer': 'https://switchboard.example' },
      },
    );
    const body = (await res.json()) as { id: string; object: string; choices: { message: { content: string } }[] };
    expect(body.object).toBe('chat.completion');
    expect(res.headers.get('x-generation-id')).toBe(body.id);
    const { data } = await pollGeneration(body.id);
    expect(data).toMatchObject({ streamed: false, cancelled: false, http_referer: 'https://switchboard.example' });
  });
});

describe('a client that stops reading', () => {
  it('is recorded as disconnected, and its generation as cancelled with a partial cost', async () => {
    const id = await abortAfter(fakeModels.slow, 6);
    const recorded = await fake.waitFor((r) => r.generationId === id && r.clientDisconnected);
    expect(recorded.status).toBe(200);
    expect(recorded.endedAt).not.toBeNull();

    const { data } = await pollGeneration(id);
    expect(data.cancelled).toBe(true);
    expect(data.finish_reason).toBeNull();
    expect(data.total_cost).toBeGreaterThan(0);
    expect(data.tokens_completion).toBeGreaterThan(0);
    // A full reply of the slow model is 250+ words; a handful were sent.
    expect(data.tokens_completion).toBeLessThan(40);
    expect((await keyData(fakeKeys.valid)).limit_remaining).toBeCloseTo(20.5 - data.total_cost, 10);
  });

  it('is billed in full on a provider that cannot cancel', async () => {
    const id = await abortAfter(fakeModels.nonCancellable, 3);
    const { data } = await pollGeneration(id);
    expect(data.cancelled).toBe(true);
    expect(data.provider_name).toBe('Google AI Studio');
    const full = await streamChat(fake, fakeModels.nonCancellable, 'stop me');
    expect(data.total_cost).toBe(lastUsage(full.chunks).cost);
  });

  it('the hang model sends only keep-alives until the client gives up', async () => {
    const controller = new AbortController();
    const res = await chat(
      fake,
      { model: fakeModels.hang, stream: true, messages: [{ role: 'user', content: 'hello?' }] },
      fakeKeys.valid,
      { signal: controller.signal },
    );
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while ((text.match(/OPENROUTER PROCESSING/g) ?? []).length < 2) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    controller.abort();
    expect(text).not.toContain('data:');
    const recorded = await fake.waitFor(
      (r) => r.body !== null && (r.body as { model?: string }).model === fakeModels.hang && r.clientDisconnected,
    );
    const { data } = await pollGeneration(recorded.generationId ?? '');
    expect(data).toMatchObject({ cancelled: true, total_cost: 0 });
  });
});

describe('revoking a key', () => {
  it('turns a working key into 401 "User not found." everywhere', async () => {
    const fake = await startFakeOpenRouter();
    try {
      const before = await fetch(`${fake.baseUrl}/key`, { headers: { Authorization: `Bearer ${fakeKeys.valid}` } });
      expect(before.status).toBe(200);
      fake.revokeKey(fakeKeys.valid);
      const after = await fetch(`${fake.baseUrl}/key`, { headers: { Authorization: `Bearer ${fakeKeys.valid}` } });
      expect(after.status).toBe(401);
      expect(await after.json()).toEqual({ error: { message: 'User not found.', code: 401 } });
    } finally {
      await fake.close();
    }
  });
});
