// The fake's routing refusals, fallbacks, web-search citations and prompt caching (docs/openrouter-protocol.md §2.3,
// §2.7–2.9, §5.4).

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeModels } from './scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './server';
import { chat, choicesOf, lastUsage, streamChat } from './test-helpers';

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 0, generationDelayMs: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const ask = (model: string, extra: Record<string, unknown>) =>
  chat(fake, { model, stream: true, messages: [{ role: 'user', content: 'Hello' }], ...extra });

describe('routing refusals', () => {
  it('refuses privacy routing on a model whose only provider keeps data, with 404 and the data policy named', async () => {
    for (const provider of [{ data_collection: 'deny' }, { zdr: true }]) {
      const res = await ask(fakeModels.retainsData, { provider });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({
        error: { code: 404, message: 'No endpoints found matching your data policy.' },
      });
    }
    expect((await ask(fakeModels.default, { provider: { data_collection: 'deny', zdr: true } })).status).toBe(200);
  });

  it('refuses a maximum price below the model’s, and an `only` list without its provider', async () => {
    // gpt-4o-mini costs $0.15 / $0.60 per million tokens.
    const pricey = await ask(fakeModels.default, { provider: { max_price: { prompt: '0.1' } } });
    expect(pricey.status).toBe(404);
    expect(await pricey.json()).toMatchObject({ error: { message: 'No endpoints found matching your max price.' } });
    expect((await ask(fakeModels.default, { provider: { max_price: { prompt: '1', completion: 1 } } })).status).toBe(
      200,
    );
    const only = await ask(fakeModels.default, { provider: { only: ['azure'] } });
    expect(only.status).toBe(404);
    expect((await ask(fakeModels.default, { provider: { only: ['openai'] } })).status).toBe(200);
  });

  it('tries the fallbacks when the first model is refused, and the reply names the one that answered', async () => {
    const { res, chunks } = await streamChat(fake, fakeModels.retainsData, 'Hi', {
      models: [fakeModels.default],
      provider: { data_collection: 'deny' },
    });
    expect(res.status).toBe(200);
    expect(chunks[0]?.model).toBe(fakeModels.default);
  });
});

describe('web search', () => {
  it('ends the reply with as many url_citation annotations as results were asked for', async () => {
    const { chunks } = await streamChat(fake, fakeModels.default, 'Tides in Lisbon', {
      plugins: [{ id: 'web', max_results: 3 }],
    });
    const annotations = chunks.flatMap((c) => choicesOf(c) ?? []).flatMap((c) => c.delta.annotations ?? []);
    expect(annotations).toHaveLength(3);
    expect(annotations[0]).toMatchObject({
      type: 'url_citation',
      url_citation: { url: 'https://example.com/search/1?q=Tides%20in%20Lisbon', title: 'Result 1: Tides in Lisbon' },
    });
    const plain = await streamChat(fake, fakeModels.default, 'Tides in Lisbon');
    expect(plain.chunks.flatMap((c) => choicesOf(c) ?? []).some((c) => c.delta.annotations)).toBe(false);
  });
});

describe('prompt caching', () => {
  const system = {
    role: 'system',
    content: [{ type: 'text', text: 'Be thorough. '.repeat(200), cache_control: { type: 'ephemeral' } }],
  };
  const turn = (messages: unknown[]) =>
    streamChat(fake, 'anthropic/claude-sonnet-4.5', '', { messages }).then((r) => lastUsage(r.chunks));

  it('writes the marked prefix on the first turn and reads it on the next, at a discount', async () => {
    const first = await turn([system, { role: 'user', content: 'One?' }]);
    const firstDetails = first.prompt_tokens_details as Record<string, number>;
    expect(firstDetails.cached_tokens).toBe(0);
    expect(firstDetails.cache_write_tokens).toBeGreaterThan(500);
    expect(first.cache_discount).toBeLessThan(0);

    const second = await turn([
      system,
      { role: 'user', content: 'One?' },
      { role: 'assistant', content: [{ type: 'text', text: 'Yes.', cache_control: { type: 'ephemeral' } }] },
      { role: 'user', content: 'Two?' },
    ]);
    const details = second.prompt_tokens_details as Record<string, number>;
    expect(details.cached_tokens).toBe(firstDetails.cache_write_tokens);
    expect(details.cache_write_tokens).toBeGreaterThan(0);
    expect(second.cache_discount).toBeGreaterThan(0);
  });

  it('caches nothing for a model that takes no breakpoints, or a request that marks none', async () => {
    const openai = await streamChat(fake, fakeModels.default, '', {
      messages: [system, { role: 'user', content: 'x' }],
    });
    expect(lastUsage(openai.chunks).cache_discount).toBeUndefined();
    const unmarked = await turn([{ role: 'user', content: 'x' }]);
    expect((unmarked.prompt_tokens_details as Record<string, number>).cache_write_tokens).toBe(0);
  });
});
