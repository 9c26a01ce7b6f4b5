import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { replyFor } from './reply-text';
import { fakeKeys, fakeModels } from './scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './server';
import { chat, choicesOf, contentOf, get, jsonChunks, parseSse, streamChat } from './test-helpers';

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 0, generationDelayMs: 0 });
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

const statusOf = async (model: string, prompt: string): Promise<number> => {
  const res = await chat(fake, { model, stream: true, messages: [{ role: 'user', content: prompt }] });
  await res.text();
  return res.status;
};

describe('flaky models', () => {
  it('answers 502 to the first two attempts of the same request, then streams', async () => {
    for (let attempt = 1; attempt <= 2; attempt++) {
      const res = await chat(fake, {
        model: fakeModels.flaky502,
        stream: true,
        messages: [{ role: 'user', content: 'hi' }],
      });
      expect(res.status).toBe(502);
      expect(res.headers.get('content-type')).toBe('application/json');
      await res.text();
    }
    const third = await streamChat(fake, fakeModels.flaky502, 'hi');
    expect(third.res.status).toBe(200);
    expect(contentOf(third.chunks)).toBe(replyFor('hi'));
  });

  it('counts attempts per request: another question starts its own count', async () => {
    expect(await statusOf(fakeModels.flaky502, 'first')).toBe(502);
    expect(await statusOf(fakeModels.flaky502, 'second')).toBe(502);
  });

  it('fails three attempts of the thrice-flaky model', async () => {
    const statuses = [];
    for (let attempt = 1; attempt <= 4; attempt++) statuses.push(await statusOf(fakeModels.flaky502Thrice, 'x'));
    expect(statuses).toEqual([502, 502, 502, 200]);
  });
});

describe('assistant prefill', () => {
  it('goes on from a reply cut at the length limit until it is whole', async () => {
    const whole = replyFor('tell me');
    let text = '';
    let finish: string | null = 'length';
    for (let turn = 0; turn < 20 && finish === 'length'; turn++) {
      const messages = [{ role: 'user', content: 'tell me' }, ...(text ? [{ role: 'assistant', content: text }] : [])];
      const res = await chat(fake, { model: fakeModels.length, stream: true, messages });
      const chunks = jsonChunks(parseSse(await res.text()));
      text += contentOf(chunks);
      finish = chunks.flatMap(choicesOf).find((c) => c.finish_reason !== null)?.finish_reason ?? null;
    }
    expect(finish).toBe('stop');
    expect(text).toBe(whole);
  });
});

describe('recorded max_tokens and catalogue limits', () => {
  it('records the max_tokens a client sent', async () => {
    await streamChat(fake, fakeModels.default, 'hi', { max_tokens: 1234 });
    expect((fake.requests.at(-1)?.body as { max_tokens?: number }).max_tokens).toBe(1234);
  });

  it('lists the pricey model with its own price and max output', async () => {
    const body = (await (await get(fake, `/model/${fakeModels.pricey}`, fakeKeys.valid)).json()) as {
      data: { pricing: { completion: string }; top_provider: { max_completion_tokens: number } };
    };
    expect(body.data.pricing.completion).toBe('0.001');
    expect(body.data.top_provider.max_completion_tokens).toBe(128000);
  });
});
