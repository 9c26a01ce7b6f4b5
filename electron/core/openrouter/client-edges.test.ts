// The OpenRouter client at its edges: a chat's own settings can never change how it is streamed or capped, a
// max_tokens that is not a positive whole number falls back to the default, a keychain that throws something
// unexpected is worded as such without a request, each call asks for its own content type, the generation lookup's
// attempts, the provider list's path and shape, and the catalogue asked again without the key only when the key is
// what was refused.

import { describe, expect, it, vi } from 'vitest';
import { OpenRouterClient, type OpenRouterClientOptions } from './client';
import { collect, reasoningPayloads, sseText, bodyOf } from '../test-support/openrouter-streams';
import type { ChatRequest } from './types';

const KEY = 'sk-or-v1-' + '0a1b2c3d'.repeat(8);
const REQUEST: ChatRequest = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] };

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function setup(handler: Handler, overrides: Partial<OpenRouterClientOptions> = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return handler(String(input), init ?? {});
  });
  const client = new OpenRouterClient({
    fetch: fetch as unknown as typeof globalThis.fetch,
    getKey: async () => KEY,
    ...overrides,
  });
  return { client, calls, fetch };
}

const sse = () =>
  new Response(bodyOf([sseText(reasoningPayloads())]).stream, {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
  });
const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const sentBody = (call: { init: RequestInit } | undefined) =>
  JSON.parse(String(call?.init.body)) as Record<string, unknown>;
const header = (call: { init: RequestInit } | undefined, name: string) => new Headers(call?.init.headers).get(name);
const send = (client: OpenRouterClient, request: ChatRequest) =>
  collect(client.streamChat(request, new AbortController().signal));

describe('the chat request', () => {
  it('keeps a chat’s settings but never lets them change the model, streaming, the cap or usage', async () => {
    const { client, calls } = setup(sse);
    const options = { temperature: 0.2, model: 'x/evil', stream: false, max_tokens: 1, usage: { include: false } };
    await send(client, { ...REQUEST, options } as unknown as ChatRequest);
    expect(sentBody(calls[0])).toMatchObject({
      temperature: 0.2,
      model: 'openai/gpt-4o-mini',
      stream: true,
      max_tokens: 4096,
      usage: { include: true },
    });
    expect(header(calls[0], 'accept')).toBe('text/event-stream');
  });

  it('falls back to the default cap for a max_tokens that is zero, negative or fractional, and honours a set default', async () => {
    for (const maxTokens of [0, -5, 2.5]) {
      const { client, calls } = setup(sse);
      await send(client, { ...REQUEST, maxTokens });
      expect(sentBody(calls[0]).max_tokens).toBe(4096);
    }
    const { client, calls } = setup(sse, { defaultMaxTokens: 1000 });
    await send(client, { ...REQUEST, maxTokens: 1 });
    await send(client, REQUEST);
    expect(calls.map((call) => sentBody(call).max_tokens)).toEqual([1, 1000]);
  });

  it('words a keychain that throws something unexpected, and sends nothing', async () => {
    const { client, fetch } = setup(sse, {
      getKey: async () => {
        throw new Error('dbus exploded');
      },
    });
    expect(await send(client, REQUEST)).toEqual([
      {
        type: 'error',
        error: { code: 'internal', message: 'Could not read the stored API key.' },
        generationId: null,
      },
    ]);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('answers that are not a stream', () => {
  it('reads an error page that is not JSON as the error it is, and a blank JSON body as an empty response', async () => {
    const page = setup(
      () => new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    expect(await send(page.client, REQUEST)).toEqual([
      {
        type: 'error',
        error: expect.objectContaining({
          code: 'upstream_error',
          status: 502,
          message: expect.stringContaining('Bad gateway'),
        }),
        generationId: null,
      },
    ]);
    const blank = setup(() => new Response('  \n', { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(await send(blank.client, REQUEST)).toEqual([
      {
        type: 'error',
        error: { code: 'upstream_error', message: 'OpenRouter sent an empty response; try again.' },
        generationId: null,
      },
    ]);
  });

  it('refuses a key with a space before it, without sending it', async () => {
    const { client, fetch } = setup(sse, { getKey: async () => ` ${KEY}` });
    expect(await send(client, REQUEST)).toMatchObject([{ type: 'error', error: { code: 'malformed_key' } }]);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('the JSON calls', () => {
  it('ask for JSON, and report a 200 body that is not JSON', async () => {
    const { client, calls } = setup(() => new Response('<html>maintenance</html>', { status: 200 }));
    expect(await client.getKeyInfo()).toEqual({
      ok: false,
      error: { code: 'upstream_error', message: 'OpenRouter sent a response that could not be read; try again.' },
    });
    expect(header(calls[0], 'accept')).toBe('application/json');
    expect(calls[0]?.init.method).toBe('GET');
  });

  it('list a model’s providers from its endpoints path, and report another shape', async () => {
    const { client, calls } = setup(() =>
      jsonResponse(200, { data: { endpoints: [{ tag: 'deepinfra/turbo', provider_name: 'DeepInfra' }] } }),
    );
    expect(await client.getModelProviders('meta/llama-3:free')).toEqual({
      ok: true,
      value: [{ slug: 'deepinfra/turbo', name: 'DeepInfra' }],
    });
    expect(calls[0]?.url).toBe('https://openrouter.ai/api/v1/models/meta/llama-3:free/endpoints');
    expect(header(calls[0], 'authorization')).toBe(`Bearer ${KEY}`);
    const odd = setup(() => jsonResponse(200, { data: [] }), { getKey: async () => null });
    expect(await odd.client.getModelProviders('a/b')).toEqual({
      ok: false,
      error: { code: 'upstream_error', message: 'OpenRouter sent a provider list that could not be read; try again.' },
    });
    expect(header(odd.calls[0], 'authorization')).toBeNull();
  });

  it('ask for the catalogue again without the key only when the key was refused', async () => {
    const failing = setup(() => jsonResponse(500, { error: { code: 500, message: 'boom' } }));
    expect(await failing.client.listModelEntries()).toMatchObject({ ok: false, error: { code: 'upstream_error' } });
    expect(failing.calls).toHaveLength(1);
    const keyless = setup(() => jsonResponse(401, { error: { code: 401, message: 'User not found.' } }), {
      getKey: async () => null,
    });
    expect(await keyless.client.listModelEntries()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(keyless.calls).toHaveLength(1);
  });
});

describe('the generation lookup', () => {
  const notFound = () => jsonResponse(404, { error: { code: 404, message: 'Generation not found' } });

  it('needs an id, and asks nothing without one', async () => {
    const { client, fetch } = setup(notFound);
    expect(await client.getGeneration('  ')).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'A generation id is required.' },
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('needs a key, and asks nothing without one', async () => {
    const { client, fetch } = setup(notFound, { getKey: async () => null });
    expect(await client.getGeneration('gen-1')).toMatchObject({ ok: false, error: { code: 'no_key' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks six times by default, and at least once however few attempts are asked for', async () => {
    const six = setup(notFound);
    expect((await six.client.getGeneration('gen-1', { delayMs: 0 })).ok).toBe(false);
    expect(six.calls).toHaveLength(6);
    const once = setup(notFound);
    await once.client.getGeneration('gen-1', { attempts: 0, delayMs: -100 });
    expect(once.calls).toHaveLength(1);
  });

  it('reports a record it cannot read', async () => {
    const { client } = setup(() => jsonResponse(200, { nothing: true }));
    expect(await client.getGeneration('gen-1', { attempts: 1 })).toMatchObject({
      ok: false,
      error: {
        code: 'upstream_error',
        message: 'OpenRouter sent a generation record that could not be read; try again.',
      },
    });
  });
});
