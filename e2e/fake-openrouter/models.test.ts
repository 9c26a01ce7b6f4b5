import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Model } from './catalogue';
import { fakeKeys, fakeModels } from './scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './server';
import { get } from './test-helpers';

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 0 });
});
afterAll(() => fake.close());

type Envelope = { data: Model[]; total_count: number; links: { next: string | null } };

async function models(query = '', key: string | null = null): Promise<Envelope> {
  const res = await get(fake, `/models${query}`, key);
  expect(res.status).toBe(200);
  return (await res.json()) as Envelope;
}

const MODEL_ID = /^[\w.~-]+\/[\w.:~-]+$/;

describe('GET /models', () => {
  it('needs no key and returns the envelope with at least 50 models', async () => {
    const body = await models();
    expect(body.data.length).toBeGreaterThanOrEqual(50);
    expect(body.total_count).toBe(body.data.length);
    expect(body.links).toEqual({ next: null });
    expect(new Set(body.data.map((m) => m.id)).size).toBe(body.data.length);
    for (const m of body.data) {
      expect(m.id).toMatch(MODEL_ID);
      expect(typeof m.pricing.prompt).toBe('string');
      expect(typeof m.pricing.completion).toBe('string');
    }
  });

  it('holds every kind of entry a client must cope with', async () => {
    const { data } = await models();
    const byId = new Map(data.map((m) => [m.id, m]));
    const mini = byId.get('openai/gpt-4o-mini');
    expect(mini).toMatchObject({
      canonical_slug: 'openai/gpt-4o-mini',
      name: 'OpenAI: GPT-4o-mini',
      context_length: 128000,
      architecture: {
        modality: 'text+image->text',
        input_modalities: ['text', 'image', 'file'],
        output_modalities: ['text'],
        tokenizer: 'GPT',
      },
      pricing: { prompt: '0.00000015', completion: '0.0000006', input_cache_read: '0.000000075' },
      top_provider: { context_length: 128000, max_completion_tokens: 16384, is_moderated: true },
      per_request_limits: null,
      links: { details: '/api/v1/models/openai/gpt-4o-mini/endpoints' },
    });
    expect(byId.get('openai/gpt-4o')?.pricing).toMatchObject({ prompt: '0.0000025', completion: '0.00001' });
    expect(byId.get('anthropic/claude-sonnet-4.5')?.pricing).toMatchObject({
      prompt: '0.000003',
      completion: '0.000015',
      input_cache_read: '0.0000003',
      input_cache_write: '0.00000375',
    });
    expect(byId.get('deepseek/deepseek-v4-pro')).toMatchObject({
      canonical_slug: 'deepseek/deepseek-v4-pro-20260423',
      pricing: { prompt: '0.000000435', completion: '0.00000087' },
    });

    expect(byId.get('openrouter/auto')?.pricing).toMatchObject({ prompt: '-1', completion: '-1' });
    expect(byId.get('openrouter/auto')?.reasoning).toBeUndefined();

    const free = data.filter((m) => m.id.endsWith(':free'));
    expect(free.length).toBeGreaterThanOrEqual(5);
    expect(free.every((m) => m.pricing.prompt === '0' && m.pricing.completion === '0')).toBe(true);

    const reasoning = data.filter((m) => m.supported_parameters?.includes('reasoning'));
    expect(reasoning.length).toBeGreaterThanOrEqual(5);
    expect(reasoning.every((m) => typeof m.reasoning?.mandatory === 'boolean')).toBe(true);
    expect(byId.get(fakeModels.reasoning)?.reasoning?.mandatory).toBe(true);

    expect(data.filter((m) => m.architecture.input_modalities?.includes('image')).length).toBeGreaterThanOrEqual(5);
    expect(data.some((m) => m.top_provider.max_completion_tokens === null)).toBe(true);

    const old = byId.get(fakeModels.oldFormat);
    expect(old).toBeDefined();
    expect(old).not.toHaveProperty('supported_parameters');
    expect(old?.architecture).not.toHaveProperty('input_modalities');

    for (const id of Object.values(fakeModels)) {
      if (id === fakeModels.unknown || id === fakeModels.imageOnly) continue;
      expect(byId.has(id), id).toBe(true);
    }
    expect(byId.has(fakeModels.unknown)).toBe(false);
  });

  it('lists image-only models only when asked, and filters by supported parameter', async () => {
    expect((await models()).data.some((m) => m.id === fakeModels.imageOnly)).toBe(false);
    const images = await models('?output_modalities=image');
    expect(images.data.map((m) => m.id)).toContain(fakeModels.imageOnly);
    expect(images.data.map((m) => m.id)).toContain('google/gemini-2.5-flash-image');
    expect(images.data.every((m) => m.architecture.output_modalities?.includes('image'))).toBe(true);
    const all = await models('?output_modalities=all');
    expect(all.total_count).toBeGreaterThan((await models()).total_count);

    const tools = await models('?supported_parameters=tools,reasoning');
    expect(tools.data.length).toBeGreaterThan(3);
    expect(
      tools.data.every(
        (m) => m.supported_parameters?.includes('tools') && m.supported_parameters.includes('reasoning'),
      ),
    ).toBe(true);
    expect(tools.total_count).toBeLessThan((await models()).total_count);
  });

  it('pages only when offset or limit is given', async () => {
    const page = await models('?limit=10&offset=5');
    expect(page.data).toHaveLength(10);
    expect(page.data[0]?.id).toBe((await models()).data[5]?.id);
    expect(page.links.next).toBe('/api/v1/models?offset=15&limit=10');
  });
});

describe('the other model endpoints', () => {
  it('/models/user needs a key and has the same envelope', async () => {
    expect((await get(fake, '/models/user', null)).status).toBe(401);
    const body = await models('/user', fakeKeys.valid);
    expect(body.total_count).toBe((await models()).total_count);
  });

  it('/models/count counts the default list', async () => {
    const res = await get(fake, '/models/count', null);
    expect(await res.json()).toEqual({ data: { count: (await models()).total_count } });
  });

  it('/model/:author/:slug finds ids with variants and aliases, and 404s unknown ones', async () => {
    const one = (await (await get(fake, '/model/meta-llama/llama-3.3-70b-instruct:free', null)).json()) as {
      data: Model;
    };
    expect(one.data.id).toBe('meta-llama/llama-3.3-70b-instruct:free');
    const alias = (await (await get(fake, '/model/anthropic/claude-3-5-sonnet', null)).json()) as { data: Model };
    expect(alias.data.id).toBe('anthropic/claude-3.5-sonnet');
    const unknown = await get(fake, '/model/acme/fake-1.0', null);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: number } }).error.code).toBe(404);
  });

  it('/models/:author/:slug/endpoints describes a provider endpoint', async () => {
    const body = (await (await get(fake, '/models/openai/gpt-4o-mini/endpoints', null)).json()) as {
      data: { id: string; endpoints: { provider_name: string; pricing: unknown }[] };
    };
    expect(body.data.id).toBe('openai/gpt-4o-mini');
    expect(body.data.endpoints[0]?.provider_name).toBe('OpenAI');
  });
});
