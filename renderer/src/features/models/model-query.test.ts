import { describe, expect, it } from 'vitest';
import { modelFixture as model } from '../../test-support/model-fixture';
import { type ModelFilters, noFilters, queryModels } from './model-query';

const catalogue = [
  model({
    id: 'openai/gpt-4o-mini',
    name: 'OpenAI: GPT-4o-mini',
    created: 300,
    inputModalities: ['text', 'image', 'file'],
    supportsTools: true,
    supportsStructuredOutput: true,
  }),
  model({
    id: 'anthropic/claude-sonnet-4.5',
    name: 'Anthropic: Claude Sonnet 4.5',
    created: 500,
    contextLength: 1_000_000,
    promptPrice: 0.000003,
    completionPrice: 0.000015,
    inputModalities: ['text', 'image'],
    supportsTools: true,
    supportsReasoning: true,
  }),
  model({
    id: 'meta-llama/llama-3.3-70b-instruct:free',
    name: 'Meta: Llama 3.3 70B Instruct (free)',
    created: 200,
    promptPrice: 0,
    completionPrice: 0,
    isFree: true,
    contextLength: 65_536,
  }),
  model({
    id: 'deepseek/deepseek-r1',
    name: 'DeepSeek: R1',
    created: 400,
    promptPrice: 0.0000004,
    completionPrice: 0.000002,
    supportsReasoning: true,
  }),
  model({
    id: 'openrouter/auto',
    name: 'Auto Router',
    created: 100,
    promptPrice: null,
    completionPrice: null,
    variablePricing: true,
    isRouter: true,
    contextLength: 2_000_000,
  }),
  model({
    id: 'google/gemini-2.5-flash-image',
    name: 'Google: Gemini 2.5 Flash Image',
    created: 450,
    outputModalities: ['image', 'text'],
    inputModalities: ['text', 'image'],
    contextLength: null,
  }),
  model({ id: 'openai/gpt-audio', name: 'OpenAI: GPT Audio', created: 350, inputModalities: ['text', 'audio'] }),
];

const ids = (
  filters: Partial<ModelFilters> = {},
  query = '',
  sort: Parameters<typeof queryModels>[1]['sort'] = 'relevance',
  favorites: string[] = [],
  recents: string[] = [],
) =>
  queryModels(catalogue, { query, filters: { ...noFilters, ...filters }, sort, favorites, recents }).map((m) => m.id);

describe('queryModels: search', () => {
  it('finds by a partial, misspelled name, by words in any order, by "free" and by a short id part', () => {
    expect(ids({}, 'sonet')[0]).toBe('anthropic/claude-sonnet-4.5');
    expect(ids({}, '70b llama')[0]).toBe('meta-llama/llama-3.3-70b-instruct:free');
    expect(ids({}, 'free')).toEqual(['meta-llama/llama-3.3-70b-instruct:free']);
    expect(ids({}, 'r1')[0]).toBe('deepseek/deepseek-r1');
    expect(ids({}, 'router')).toEqual(['openrouter/auto']);
  });

  it('puts an exact id first even when others match it better by name', () => {
    expect(ids({}, 'openai/gpt-4o-mini')[0]).toBe('openai/gpt-4o-mini');
  });

  it('answers nothing for a query that matches nothing', () => {
    expect(ids({}, 'qqqqzzzz')).toEqual([]);
  });
});

describe('queryModels: filters', () => {
  it('free only keeps free models, never a variable price', () => {
    expect(ids({ freeOnly: true })).toEqual(['meta-llama/llama-3.3-70b-instruct:free']);
  });

  it('price caps are per million tokens, inclusive, and exclude unknown prices', () => {
    expect(ids({ maxInputPrice: 1 })).not.toContain('anthropic/claude-sonnet-4.5');
    expect(ids({ maxInputPrice: 3 })).toContain('anthropic/claude-sonnet-4.5');
    expect(ids({ maxInputPrice: 100 })).not.toContain('openrouter/auto');
    expect(ids({ maxOutputPrice: 2 })).toEqual(
      expect.arrayContaining(['openai/gpt-4o-mini', 'deepseek/deepseek-r1', 'meta-llama/llama-3.3-70b-instruct:free']),
    );
    expect(ids({ maxOutputPrice: 1.99 })).toEqual(['meta-llama/llama-3.3-70b-instruct:free']);
  });

  it('minimum context drops shorter and unknown contexts', () => {
    expect(ids({ minContext: 1_000_000 })).toEqual(['anthropic/claude-sonnet-4.5', 'openrouter/auto']);
  });

  it('input modalities must all be accepted; image output, reasoning, tools and structured output', () => {
    expect(ids({ inputModalities: ['image', 'file'] })).toEqual(['openai/gpt-4o-mini']);
    expect(ids({ inputModalities: ['audio'] })).toEqual(['openai/gpt-audio']);
    expect(ids({ imageOutput: true })).toEqual(['google/gemini-2.5-flash-image']);
    expect(ids({ reasoning: true })).toEqual(['anthropic/claude-sonnet-4.5', 'deepseek/deepseek-r1']);
    expect(ids({ tools: true, reasoning: true })).toEqual(['anthropic/claude-sonnet-4.5']);
    expect(ids({ structuredOutput: true })).toEqual(['openai/gpt-4o-mini']);
  });

  it('filters apply to search results too', () => {
    expect(ids({ freeOnly: true }, 'claude')).toEqual([]);
  });
});

describe('queryModels: order', () => {
  it('without a query: favorites in the order starred, then recents newest first, then the catalogue', () => {
    const order = ids(
      {},
      '',
      'relevance',
      ['deepseek/deepseek-r1', 'openrouter/auto'],
      ['openai/gpt-audio', 'deepseek/deepseek-r1', 'openai/gpt-4o-mini'],
    );
    expect(order).toEqual([
      'deepseek/deepseek-r1',
      'openrouter/auto',
      'openai/gpt-audio',
      'openai/gpt-4o-mini',
      'anthropic/claude-sonnet-4.5',
      'meta-llama/llama-3.3-70b-instruct:free',
      'google/gemini-2.5-flash-image',
    ]);
  });

  it('a favorite that left the catalogue is simply not listed', () => {
    expect(ids({}, '', 'relevance', ['gone/model'])[0]).toBe('openai/gpt-4o-mini');
  });

  it('sorts by price (unknown last), context (longest first, unknown last), newest and name', () => {
    expect(ids({}, '', 'price')).toEqual([
      'meta-llama/llama-3.3-70b-instruct:free',
      'deepseek/deepseek-r1',
      // Equal prices keep the catalogue's order.
      'openai/gpt-4o-mini',
      'google/gemini-2.5-flash-image',
      'openai/gpt-audio',
      'anthropic/claude-sonnet-4.5',
      'openrouter/auto',
    ]);
    expect(ids({}, '', 'context').slice(0, 2)).toEqual(['openrouter/auto', 'anthropic/claude-sonnet-4.5']);
    expect(ids({}, '', 'context').at(-1)).toBe('google/gemini-2.5-flash-image');
    expect(ids({}, '', 'newest')[0]).toBe('anthropic/claude-sonnet-4.5');
    expect(ids({}, '', 'name').slice(0, 3)).toEqual([
      'anthropic/claude-sonnet-4.5',
      'openrouter/auto',
      'deepseek/deepseek-r1',
    ]);
  });

  it('a sort other than relevance orders search results by that figure', () => {
    expect(ids({}, 'openai', 'newest')).toEqual(['openai/gpt-audio', 'openai/gpt-4o-mini']);
  });
});
