import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeKeys, fakeModels } from './scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './server';
import { chat, get } from './test-helpers';

let fake: FakeOpenRouter;
const logged: string[] = [];
beforeAll(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 0, log: (line) => logged.push(line) });
});
afterAll(() => fake.close());

describe('recording', () => {
  it('records method, path, query, lower-cased headers and the parsed body', async () => {
    fake.reset();
    const body = { model: fakeModels.default, max_tokens: 512, messages: [{ role: 'user', content: 'hi' }] };
    const res = await chat(fake, body, fakeKeys.valid, {
      headers: {
        'HTTP-Referer': 'https://switchboard.example',
        'X-OpenRouter-Title': 'Switchboard',
        'X-Title': 'Switchboard',
      },
    });
    await res.json();
    const r = await fake.waitFor((x) => x.path === '/api/v1/chat/completions' && x.endedAt !== null);
    expect(r.method).toBe('POST');
    expect(r.headers.authorization).toBe(`Bearer ${fakeKeys.valid}`);
    expect(r.headers['http-referer']).toBe('https://switchboard.example');
    expect(r.headers['x-openrouter-title']).toBe('Switchboard');
    expect(r.headers['x-title']).toBe('Switchboard');
    expect(r.body).toEqual(body);
    expect(r.status).toBe(200);
    expect(r.clientDisconnected).toBe(false);
    expect(r.generationId).toBe(res.headers.get('x-generation-id'));

    await get(fake, '/generation?id=gen-1&x=2');
    const g = await fake.waitFor((x) => x.path === '/api/v1/generation');
    expect(g.query).toEqual({ id: 'gen-1', x: '2' });
    expect(g.body).toBeNull();
    expect(fake.requests.map((x) => x.path)).toEqual(['/api/v1/chat/completions', '/api/v1/generation']);
  });

  it('records a body that is not JSON as null', async () => {
    fake.reset();
    await (await chat(fake, 'not json')).text();
    expect(fake.requests[0]?.body).toBeNull();
    expect(fake.requests[0]?.status).toBe(400);
  });

  it('waitFor rejects after its timeout, naming the requests it saw', async () => {
    fake.reset();
    await (await get(fake, '/key')).text();
    await expect(fake.waitFor((r) => r.path === '/never', 100)).rejects.toThrow(/GET \/api\/v1\/key 200/);
  });

  it('reset forgets requests and spending', async () => {
    await (await chat(fake, { model: fakeModels.default, messages: [{ role: 'user', content: 'spend' }] })).text();
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    const key = (await (await get(fake, '/key')).json()) as { data: { limit_remaining: number } };
    expect(key.data.limit_remaining).toBe(20.5);
  });

  it('logs one line per request without the key', async () => {
    await (await get(fake, '/key')).text();
    await fake.waitFor((r) => r.path === '/api/v1/key' && r.endedAt !== null);
    expect(logged.some((l) => /^GET \/api\/v1\/key 200 \d+ms$/.test(l))).toBe(true);
    expect(logged.join('\n')).not.toContain(fakeKeys.valid.slice(9));
  });
});

describe('routing', () => {
  it('answers an unknown path with a JSON 404 and a wrong method with 405', async () => {
    const res = await get(fake, '/nothing/here');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: number } }).error.code).toBe(404);
    expect((await get(fake, '/chat/completions')).status).toBe(405);
  });

  it('listens on 127.0.0.1 by default', () => {
    expect(fake.baseUrl).toBe(`http://127.0.0.1:${fake.port}/api/v1`);
  });
});
