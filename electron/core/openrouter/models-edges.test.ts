// Catalogue entries at their edges, field by field: what makes a model free (its :free id, or both prices 0 and not a
// router), a router known by its id or its tokenizer, the author from the id, each capability from either parameter
// name, counts of exactly 1, and modalities read from an empty list or a `modality` string with blanks.

import { describe, expect, it } from 'vitest';
import { mapModelEntries } from './models';

const one = (entry: Record<string, unknown>) => {
  const [model] = mapModelEntries([entry]);
  if (!model) throw new Error('entry was dropped');
  return model;
};
const priced = (prompt: string, completion: string) => ({ prompt, completion });

describe('what makes a model free', () => {
  it('is free by its :free id, or when both of its prices are 0, never when only one is', () => {
    expect(one({ id: 'a/b:free', pricing: priced('0.1', '0.2') }).isFree).toBe(true);
    expect(one({ id: 'a/b', pricing: priced('0', '0') }).isFree).toBe(true);
    expect(one({ id: 'a/b', pricing: priced('0', '0.000002') }).isFree).toBe(false);
    expect(one({ id: 'a/b', pricing: priced('0.000001', '0') }).isFree).toBe(false);
    expect(one({ id: 'a/b', pricing: priced('0.000001', '0.000002') }).isFree).toBe(false);
  });

  it('is never free as a router, known by an openrouter/ id or by its Router tokenizer', () => {
    const byId = one({ id: 'openrouter/auto', pricing: priced('0', '0') });
    expect([byId.isRouter, byId.isFree]).toEqual([true, false]);
    const byTokenizer = one({ id: 'x/auto', pricing: priced('0', '0'), architecture: { tokenizer: 'Router' } });
    expect([byTokenizer.isRouter, byTokenizer.isFree]).toEqual([true, false]);
    expect(one({ id: 'x/openrouter/', architecture: { tokenizer: 'GPT' } }).isRouter).toBe(false);
  });
});

describe('fields read from an entry', () => {
  it('takes the author from the id, the whole id when it has no slash', () => {
    expect(one({ id: 'mistralai/mistral-7b' }).author).toBe('mistralai');
    expect(one({ id: 'solo' }).author).toBe('solo');
  });

  it('knows each capability by either of its parameter names', () => {
    const caps = (parameters: string[]) => {
      const model = one({ id: 'a/b', supported_parameters: parameters });
      return [model.supportsReasoning, model.supportsStructuredOutput, model.supportsTools];
    };
    expect(caps(['reasoning'])).toEqual([true, false, false]);
    expect(caps(['include_reasoning'])).toEqual([true, false, false]);
    expect(caps(['structured_outputs'])).toEqual([false, true, false]);
    expect(caps(['response_format'])).toEqual([false, true, false]);
    expect(caps(['tools'])).toEqual([false, false, true]);
  });

  it('reads a variable price on either side, and the context from the top provider when the entry has none', () => {
    expect(one({ id: 'a/b', pricing: priced('0.1', '-1') }).variablePricing).toBe(true);
    expect(one({ id: 'a/b', pricing: priced('-1', '0.1') }).variablePricing).toBe(true);
    expect(one({ id: 'a/b', pricing: priced('0.1', '0.1') }).variablePricing).toBe(false);
    expect(one({ id: 'a/b', top_provider: { context_length: 8192 } }).contextLength).toBe(8192);
  });

  it('keeps a count of exactly 1, rounds a fraction down, and each extra price under its own name', () => {
    expect(one({ id: 'a/b', context_length: 1, top_provider: { max_completion_tokens: 1.9 } })).toMatchObject({
      contextLength: 1,
      maxCompletionTokens: 1,
    });
    expect(
      one({
        id: 'a/b',
        pricing: { web_search: '0.004', internal_reasoning: '0.00001', input_cache_write: '0.000003', image: '0' },
      }).extraPrices,
    ).toEqual({
      request: null,
      image: null,
      webSearch: 0.004,
      internalReasoning: 0.00001,
      cacheRead: null,
      cacheWrite: 0.000003,
    });
  });

  it('reads modalities from `modality` when the list is empty, leaving out blanks, and text when nothing is said', () => {
    const model = one({
      id: 'a/b',
      architecture: { input_modalities: [], output_modalities: [], modality: 'text + image+ ->text' },
    });
    expect([model.inputModalities, model.outputModalities]).toEqual([['text', 'image'], ['text']]);
    expect(one({ id: 'a/b', architecture: { modality: '->' } }).inputModalities).toEqual(['text']);
    expect(one({ id: 'a/b' }).outputModalities).toEqual(['text']);
  });
});
