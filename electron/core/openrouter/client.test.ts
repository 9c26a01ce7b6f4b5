import { describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../shared/result';
import { OpenRouterClient, type OpenRouterClientOptions } from './client';
import {
  bodyOf,
  chunkJson,
  collect,
  contentChoice,
  GEN_ID,
  reasoningPayloads,
  sseText,
  terminalOf,
  usageChunk,
} from '../test-support/openrouter-streams';
import type { ChatRequest, UpstreamEvent } from './types';

const KEY = 'sk-or-v1-' + '9f8e7d6c'.repeat(8);
const REQUEST: ChatRequest = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] };

interface Call {
  url: string;
  init: RequestInit;
}
type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function setup(handler: Handler, overrides: Partial<OpenRouterClientOptions> = {}) {
  const calls: Call[] = [];
  const getKey = vi.fn(async (): Promise<string | null> => KEY);
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return handler(call.url, call.init);
  });
  const client = new OpenRouterClient({ fetch: fetch as unknown as typeof globalThis.fetch, getKey, ...overrides });
  return { client, calls, fetch, getKey };
}

const sse = (text: string, headers: Record<string, string> = {}) =>
  new Response(bodyOf([text]).stream, { status: 200, headers: { 'content-type': 'text/event-stream', ...headers } });
const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const header = (call: Call | undefined, name: string) => new Headers(call?.init.headers).get(name);
const stream = (client: OpenRouterClient, signal = new AbortController().signal, request = REQUEST) =>
  collect(client.streamChat(request, signal));

/** A fetch that never answers until its signal fires, like a server that accepted the connection and went quiet. */
const hangingFetch: Handler = (_url, init) =>
  new Promise<Response>((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError')));
  });

describe('OpenRouterClient.streamChat', () => {
  it('posts a streaming request with auth, attribution, max_tokens and usage', async () => {
    const { client, calls } = setup(() => sse(sseText(reasoningPayloads())));
    await stream(client);
    expect(calls).toHaveLength(1);
    const call = calls[0];
    expect(call?.url).toBe('https://openrouter.ai/api/v1/chat/completions');
    expect(call?.init.method).toBe('POST');
    expect(header(call, 'authorization')).toBe(`Bearer ${KEY}`);
    expect(header(call, 'http-referer')).toBe('https://github.com/switchboard-app/switchboard');
    expect(header(call, 'x-openrouter-title')).toBe('Switchboard');
    expect(header(call, 'x-title')).toBe('Switchboard');
    expect(header(call, 'content-type')).toBe('application/json');
    expect(JSON.parse(String(call?.init.body))).toEqual({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello' }],
      stream: true,
      max_tokens: 4096,
      usage: { include: true },
    });
  });

  it('honours maxTokens and a base URL with trailing slashes', async () => {
    const { client, calls } = setup(() => sse(sseText(reasoningPayloads())), {
      baseUrl: 'http://127.0.0.1:9/api/v1//',
    });
    await stream(client, undefined, { ...REQUEST, maxTokens: 256 });
    expect(calls[0]?.url).toBe('http://127.0.0.1:9/api/v1/chat/completions');
    expect(JSON.parse(String(calls[0]?.init.body)).max_tokens).toBe(256);
  });

  it('streams events, with the generation id from the x-generation-id header', async () => {
    const { client } = setup(() => sse(sseText(reasoningPayloads()), { 'x-generation-id': 'gen-header-1' }));
    const events = await stream(client);
    expect(events[0]).toMatchObject({ type: 'started', generationId: 'gen-header-1', provider: 'Novita' });
    expect(events.filter((e) => e.type === 'usage')).toHaveLength(1);
    expect(terminalOf(events)).toEqual({ type: 'done', finishReason: 'stop', generationId: 'gen-header-1' });
  });

  it('without a key, yields no_key and sends nothing', async () => {
    const { client, fetch } = setup(() => sse(''), { getKey: async () => null });
    expect(await stream(client)).toEqual([
      { type: 'error', error: expect.objectContaining({ code: 'no_key' }), generationId: null },
    ]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('passes on a keychain failure from getKey as its own error', async () => {
    const getKey = async (): Promise<string | null> => {
      throw new AppFailure({ code: 'keychain_unavailable', message: 'The keychain is locked.' });
    };
    const { client, fetch } = setup(() => sse(''), { getKey });
    const [event] = await stream(client);
    expect(event).toMatchObject({ type: 'error', error: { code: 'keychain_unavailable' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('rejects a key that cannot be sent as a header, without sending it', async () => {
    const { client, fetch } = setup(() => sse(''), { getKey: async () => `${KEY}\n` });
    const [event] = await stream(client);
    expect(event).toMatchObject({ type: 'error', error: { code: 'malformed_key' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a pre-stream error response yields exactly one mapped error event', async () => {
    const { client } = setup(() => jsonResponse(401, { error: { message: 'User not found.', code: 401 } }));
    expect(await stream(client)).toEqual([
      {
        type: 'error',
        error: {
          code: 'unauthorized',
          status: 401,
          message: 'OpenRouter did not recognise this API key: it was revoked or mistyped.',
        },
        generationId: null,
      },
    ]);
  });

  it('a pre-stream 429 carries the Retry-After wait', async () => {
    const { client } = setup(() =>
      jsonResponse(429, { error: { message: 'Rate limit exceeded', code: 429 } }, { 'Retry-After': '17' }),
    );
    const [event] = await stream(client);
    expect(event).toMatchObject({ type: 'error', error: { code: 'rate_limited', retryAfterSeconds: 17 } });
  });

  it('a network failure yields offline', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
    const { client } = setup(() => Promise.reject(new TypeError('fetch failed', { cause: refused })));
    const events = await stream(client);
    expect(events).toHaveLength(1);
    expect(terminalOf(events)).toMatchObject({ type: 'error', error: { code: 'offline' } });
  });

  it('abort mid-stream stops promptly, ends with aborted, and aborts the fetch signal', async () => {
    const body = bodyOf([`data: ${chunkJson([contentChoice('Hel')])}\n\n`], { hang: true });
    const { client, calls } = setup(
      () => new Response(body.stream, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    );
    const controller = new AbortController();
    const events: UpstreamEvent[] = [];
    const started = Date.now();
    for await (const event of client.streamChat(REQUEST, controller.signal)) {
      events.push(event);
      if (event.type === 'delta') controller.abort();
    }
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(events.map((e) => e.type)).toEqual(['started', 'delta', 'error']);
    expect(terminalOf(events)).toMatchObject({ type: 'error', error: { code: 'aborted' } });
    expect(calls[0]?.init.signal?.aborted).toBe(true);
    expect(body.isCancelled()).toBe(true);
  });

  it('abort before the response arrives ends with aborted', async () => {
    const { client, calls } = setup(hangingFetch);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    const events = await stream(client, controller.signal);
    expect(events).toEqual([
      { type: 'error', error: expect.objectContaining({ code: 'aborted' }), generationId: null },
    ]);
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('an already-aborted signal sends nothing', async () => {
    const { client, fetch } = setup(() => sse(''));
    const controller = new AbortController();
    controller.abort();
    expect(terminalOf(await stream(client, controller.signal))).toMatchObject({ error: { code: 'aborted' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('no response within the request timeout yields timeout', async () => {
    const { client } = setup(hangingFetch, { requestTimeoutMs: 20 });
    expect(terminalOf(await stream(client))).toMatchObject({ type: 'error', error: { code: 'timeout' } });
  });

  it('a consumer that stops iterating early releases the request', async () => {
    const body = bodyOf([`data: ${chunkJson([contentChoice('Hel')])}\n\n`], { hang: true });
    const { client, calls } = setup(
      () => new Response(body.stream, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    );
    for await (const event of client.streamChat(REQUEST, new AbortController().signal)) {
      if (event.type === 'delta') break;
    }
    expect(calls[0]?.init.signal?.aborted).toBe(true);
    expect(body.isCancelled()).toBe(true);
  });

  it('reads a 200 JSON answer (no stream) as one chunk', async () => {
    const completion = {
      id: 'gen-json',
      model: 'z-ai/glm-4.5-air:free',
      provider: 'Z.AI',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Three.' } }],
      usage: { prompt_tokens: 22, completion_tokens: 17, total_tokens: 39, cost: 0 },
    };
    const { client } = setup(() => jsonResponse(200, completion));
    const events = await stream(client);
    expect(events.map((e) => e.type)).toEqual(['started', 'delta', 'finish', 'usage', 'done']);
    const top = await stream(
      setup(() => jsonResponse(200, { error: { code: 402, message: 'Insufficient credits' } })).client,
    );
    expect(terminalOf(top)).toMatchObject({ type: 'error', error: { code: 'insufficient_credits' } });
  });

  it('reads a 200 stream that lacks a content-type, and reports an empty 200 JSON body', async () => {
    const bare = setup(() => new Response(bodyOf([sseText(reasoningPayloads())]).stream, { status: 200 }));
    expect(terminalOf(await stream(bare.client))).toMatchObject({ type: 'done', finishReason: 'stop' });
    const empty = setup(() => new Response('', { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(terminalOf(await stream(empty.client))).toMatchObject({ type: 'error', error: { code: 'upstream_error' } });
  });

  describe('the key never appears in an error', () => {
    const echoes: [string, Handler][] = [
      [
        'a pre-stream error body',
        () => jsonResponse(400, { error: { code: 400, message: `Bad key ${KEY} (Authorization: Bearer ${KEY})` } }),
      ],
      [
        'a mid-stream error',
        () =>
          sse(
            sseText([chunkJson([contentChoice('a')]), chunkJson([], { error: { code: 500, message: `oops ${KEY}` } })]),
          ),
      ],
      [
        'a legacy raw provider message',
        () =>
          jsonResponse(502, {
            error: {
              code: 502,
              message: 'Provider returned error',
              metadata: { raw: `key=${KEY}`, provider_name: 'X' },
            },
          }),
      ],
      ['a network error message', () => Promise.reject(new TypeError(`fetch failed for Bearer ${KEY}`))],
    ];
    it.each(echoes)('even when %s echoes it', async (_name, handler) => {
      const events = await stream(setup(handler).client);
      expect(terminalOf(events).type).toBe('error');
      expect(JSON.stringify(events)).not.toContain(KEY);
      expect(JSON.stringify(events)).not.toContain('9f8e7d6c');
    });

    it('even when the key has an unusual shape', async () => {
      const odd = 'custom-proxy-token-1234567';
      const { client } = setup(() => jsonResponse(401, { error: { code: 401, message: `Unknown token ${odd}` } }), {
        getKey: async () => odd,
      });
      const events = await stream(client);
      expect(JSON.stringify(events)).not.toContain(odd);
      const info = await client.getKeyInfo();
      expect(JSON.stringify(info)).not.toContain(odd);
    });
  });
});

describe('OpenRouterClient.getKeyInfo', () => {
  const fullKey = {
    data: {
      label: 'sk-or-v1-au7...890',
      limit: 100,
      limit_remaining: 74.5,
      limit_reset: 'monthly',
      usage: 25.5,
      usage_daily: 25.5,
      is_free_tier: false,
      rate_limit: { requests: -1, interval: '10s', note: 'This field is deprecated and safe to ignore.' },
    },
  };

  it('checks a candidate key without touching the stored one', async () => {
    const { client, calls, getKey } = setup(() => jsonResponse(200, fullKey));
    const candidate = 'sk-or-v1-' + '1'.repeat(64);
    const result = await client.getKeyInfo(candidate);
    expect(result).toEqual({
      ok: true,
      value: {
        label: 'sk-or-v1-au7...890',
        limit: 100,
        limitRemaining: 74.5,
        limitReset: 'monthly',
        usage: 25.5,
        usageDaily: 25.5,
        usageWeekly: null,
        usageMonthly: null,
        isFreeTier: false,
      },
    });
    expect(calls[0]?.url).toBe('https://openrouter.ai/api/v1/key');
    expect(calls[0]?.init.method).toBe('GET');
    expect(header(calls[0], 'authorization')).toBe(`Bearer ${candidate}`);
    expect(getKey).not.toHaveBeenCalled();
  });

  it('uses the stored key by default and tolerates missing fields', async () => {
    const { client, calls } = setup(() => jsonResponse(200, { data: { limit: null, usage: 0.11 } }));
    expect(await client.getKeyInfo()).toEqual({
      ok: true,
      value: {
        label: null,
        limit: null,
        limitRemaining: null,
        limitReset: null,
        usage: 0.11,
        usageDaily: null,
        usageWeekly: null,
        usageMonthly: null,
        isFreeTier: null,
      },
    });
    expect(header(calls[0], 'authorization')).toBe(`Bearer ${KEY}`);
  });

  it('maps a revoked key, a network failure and an odd body', async () => {
    const revoked = await setup(() =>
      jsonResponse(401, { error: { message: 'User not found.', code: 401 } }),
    ).client.getKeyInfo('sk-or-v1-x1234');
    expect(revoked).toMatchObject({ ok: false, error: { code: 'unauthorized', status: 401 } });
    const offline = await setup(() => Promise.reject(new TypeError('fetch failed'))).client.getKeyInfo();
    expect(offline).toMatchObject({ ok: false, error: { code: 'offline' } });
    const odd = await setup(() => jsonResponse(200, { nope: true })).client.getKeyInfo();
    expect(odd).toMatchObject({ ok: false, error: { code: 'upstream_error' } });
    const garbage = await setup(() => new Response('<html>', { status: 200 })).client.getKeyInfo();
    expect(garbage).toMatchObject({ ok: false, error: { code: 'upstream_error' } });
  });

  it('an empty candidate is no_key, not a request', async () => {
    const { client, fetch } = setup(() => jsonResponse(200, fullKey));
    expect(await client.getKeyInfo('')).toMatchObject({ ok: false, error: { code: 'no_key' } });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('OpenRouterClient.listModelEntries', () => {
  const models = {
    data: [{ id: 'openai/gpt-4o-mini', name: 'OpenAI: GPT-4o-mini' }, null, 'junk', { id: 'a/b' }],
    total_count: 2,
    links: { next: null },
  };

  it('asks for text and image models and answers the raw entries, without anything that is not an object', async () => {
    const { client, calls } = setup(() => jsonResponse(200, models));
    expect(await client.listModelEntries()).toEqual({
      ok: true,
      value: [{ id: 'openai/gpt-4o-mini', name: 'OpenAI: GPT-4o-mini' }, { id: 'a/b' }],
    });
    expect(calls[0]?.url).toBe('https://openrouter.ai/api/v1/models?output_modalities=text,image');
  });

  it('sends the key when there is one, and works without one', async () => {
    const withKey = setup(() => jsonResponse(200, models));
    await withKey.client.listModelEntries();
    expect(header(withKey.calls[0], 'authorization')).toBe(`Bearer ${KEY}`);
    const without = setup(() => jsonResponse(200, models), { getKey: async () => null });
    expect((await without.client.listModelEntries()).ok).toBe(true);
    expect(header(without.calls[0], 'authorization')).toBeNull();
  });

  it('retries without the key when the stored key is rejected', async () => {
    const { client, calls } = setup((_url, init) =>
      new Headers(init.headers).has('authorization')
        ? jsonResponse(401, { error: { message: 'User not found.', code: 401 } })
        : jsonResponse(200, models),
    );
    expect((await client.listModelEntries()).ok).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('reports a body without a data array', async () => {
    expect(await setup(() => jsonResponse(200, { models: [] })).client.listModelEntries()).toMatchObject({
      ok: false,
      error: { code: 'upstream_error' },
    });
  });
});

describe('OpenRouterClient.getGeneration', () => {
  const record = {
    data: {
      id: GEN_ID,
      total_cost: 0.0015,
      tokens_prompt: 10,
      tokens_completion: 25,
      native_tokens_prompt: 11,
      native_tokens_completion: 26,
      native_tokens_reasoning: 5,
      native_tokens_cached: 3,
      cancelled: true,
      model: 'sao10k/l3-stheno-8b',
      provider_name: 'Infermatic',
      finish_reason: 'stop',
      is_byok: false,
    },
  };
  const notFound = () => jsonResponse(404, { error: { code: 404, message: 'Generation not found' } });

  it('asks again while the record is not there yet, then maps it', async () => {
    let n = 0;
    const { client, calls } = setup(() => (++n < 3 ? notFound() : jsonResponse(200, record)));
    const result = await client.getGeneration('gen 1/x', { attempts: 5, delayMs: 1 });
    expect(result).toEqual({
      ok: true,
      value: {
        id: GEN_ID,
        totalCostUsd: '0.0015',
        promptTokens: 11,
        completionTokens: 26,
        reasoningTokens: 5,
        cachedTokens: 3,
        cancelled: true,
        model: 'sao10k/l3-stheno-8b',
        provider: 'Infermatic',
        finishReason: 'stop',
        isByok: false,
      },
    });
    expect(calls).toHaveLength(3);
    expect(calls[0]?.url).toBe('https://openrouter.ai/api/v1/generation?id=gen%201%2Fx');
    expect(header(calls[0], 'authorization')).toBe(`Bearer ${KEY}`);
  });

  it('gives up with not_found after the given attempts', async () => {
    const { client, calls } = setup(notFound);
    expect(await client.getGeneration(GEN_ID, { attempts: 3, delayMs: 1 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(calls).toHaveLength(3);
  });

  it('does not retry other failures', async () => {
    const { client, calls } = setup(() => jsonResponse(401, { error: { message: 'User not found.', code: 401 } }));
    expect(await client.getGeneration(GEN_ID, { attempts: 5, delayMs: 1 })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(calls).toHaveLength(1);
  });

  it('stops waiting when aborted', async () => {
    const { client, calls } = setup(notFound);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    const result = await client.getGeneration(GEN_ID, { attempts: 10, delayMs: 10_000, signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ ok: false, error: { code: 'aborted' } });
    expect(calls).toHaveLength(1);
  });

  it('reads usage figures from a record without native counts', async () => {
    const { client } = setup(() =>
      jsonResponse(200, { data: { usage: 0.002, tokens_prompt: 4, tokens_completion: 5 } }),
    );
    const result = await client.getGeneration('gen-x', { attempts: 1 });
    expect(result).toMatchObject({
      ok: true,
      value: { id: 'gen-x', totalCostUsd: '0.002', promptTokens: 4, completionTokens: 5, cancelled: null },
    });
  });
});

describe('usage fixture sanity', () => {
  it('variant B really has empty choices', () => {
    expect(JSON.parse(usageChunk('B')).choices).toEqual([]);
  });
});
