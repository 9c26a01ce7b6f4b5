import { describe, expect, it } from 'vitest';
import { modelFixture } from '../../test-support/model-fixture';
import {
  compactPrice,
  displayName,
  extraPriceLines,
  formatRetirement,
  formatTokenCount,
  openRouterPageUrl,
  plainDescription,
  priceSummary,
} from './model-format';

describe('model wording', () => {
  it('prices per million tokens: free, variable, or both figures', () => {
    const paid = modelFixture({ id: 'a/b', promptPrice: 0.00000015, completionPrice: 0.0000006 });
    expect(priceSummary(paid)).toBe('$0.15/M in · $0.60/M out');
    expect(compactPrice(paid)).toBe('$0.15/$0.60 per M');
    expect(priceSummary(modelFixture({ id: 'a/b:free', isFree: true, promptPrice: 0, completionPrice: 0 }))).toBe(
      'free',
    );
    const router = modelFixture({
      id: 'openrouter/auto',
      promptPrice: null,
      completionPrice: null,
      variablePricing: true,
    });
    expect(priceSummary(router)).toBe('variable');
    expect(compactPrice(router)).toBe('variable price');
  });

  it('lists per-request, per-image and per-search prices only where they are charged', () => {
    const extraPrices = {
      request: 0.005,
      image: 0.000217,
      webSearch: null,
      internalReasoning: null,
      cacheRead: null,
      cacheWrite: null,
    };
    expect(extraPriceLines(modelFixture({ id: 'a/b', extraPrices }))).toEqual([
      '$0.005 per request',
      '$0.00022 per image',
    ]);
    expect(extraPriceLines(modelFixture({ id: 'a/b' }))).toEqual([]);
  });

  it('sizes, names, dates, links and descriptions', () => {
    expect([16_384, 128_000, 1_048_576, 8_192, 2_000_000, null].map(formatTokenCount)).toEqual([
      '16K',
      '128K',
      '1M',
      '8.2K',
      '2M',
      '—',
    ]);
    expect(displayName({ name: 'OpenAI: GPT-4o-mini' })).toBe('GPT-4o-mini');
    expect(displayName({ name: 'Auto Router' })).toBe('Auto Router');
    expect(formatRetirement('2027-01-15')).toBe('Jan 15, 2027');
    expect(formatRetirement('soon')).toBe('soon');
    expect(openRouterPageUrl('meta-llama/llama-3.3-70b-instruct:free')).toBe(
      'https://openrouter.ai/meta-llama/llama-3.3-70b-instruct',
    );
    expect(plainDescription('After [GPT-4 Omni](/models/openai/gpt-4o), with images.')).toBe(
      'After GPT-4 Omni, with images.',
    );
  });
});
