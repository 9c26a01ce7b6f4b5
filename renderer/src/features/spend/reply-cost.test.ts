import { describe, expect, it } from 'vitest';
import type { Usage } from '../../../../shared/domain';
import { messageFixture, usageFixture } from '../../../../shared/test-support/domain-fixtures';
import { cacheDiscount, cacheSummary, costBreakdown, replyCost } from './reply-cost';

const usage = (overrides: Partial<Usage> = {}): Usage =>
  usageFixture({
    promptTokens: 1_000,
    completionTokens: 50,
    totalTokens: 1_050,
    costUsd: '0.00010425',
    isByok: false,
    ...overrides,
  });

const reply = (overrides = {}) => messageFixture({ status: 'complete', usage: usage(), ...overrides });

describe('replyCost', () => {
  it('shows OpenRouter’s figure rounded, with the exact one always reachable', () => {
    expect(replyCost(reply())).toEqual({ kind: 'charged', text: '$0.0001', exact: '$0.00010425', byok: false });
  });

  it('says "free" for a reported zero, and marks BYOK usage', () => {
    expect(replyCost(reply({ usage: usage({ costUsd: '0' }) }))?.text).toBe('free');
    expect(replyCost(reply({ usage: usage({ costUsd: '0.000001', isByok: true }) }))).toMatchObject({
      kind: 'charged',
      byok: true,
    });
  });

  it('says "cost pending" while OpenRouter settles, and marks an estimate as one', () => {
    expect(replyCost(reply({ usage: null, costStatus: 'pending' }))?.text).toBe('cost pending…');
    expect(replyCost(reply({ usage: null, costStatus: 'estimated', estimatedCostUsd: '0.0042' }))?.text).toBe(
      '≈$0.0042 (estimate)',
    );
  });

  it('never turns a missing cost into "free", and shows nothing while streaming', () => {
    expect(replyCost(reply({ usage: usage({ costUsd: null }) }))).toBeNull();
    expect(replyCost(reply({ status: 'streaming' }))).toBeNull();
  });
});

describe('cacheDiscount and the breakdown', () => {
  const cached = usage({
    cachedTokens: 800,
    raw: { cost_details: { upstream_inference_prompt_cost: 0.000042 } },
  });

  it('is the prompt at full price minus what the prompt was charged', () => {
    // 1,000 × $0.15/M = $0.00015, charged $0.000042.
    expect(cacheDiscount(cached, 0.00000015)).toBe('0.000108');
    expect(cacheDiscount(cached, null)).toBeNull();
    expect(cacheDiscount(usage(), 0.00000015)).toBeNull();
  });

  it('lists cost, tokens, cache, reasoning, provider and speed', () => {
    const lines = costBreakdown(
      reply({ usage: { ...cached, reasoningTokens: 20 }, provider: 'OpenAI', firstTokenMs: 420 }),
      { promptPrice: 0.00000015, tokensPerSecond: 58.25 },
    );
    expect(lines).toEqual([
      { term: 'Cost', value: '$0.00010425 (charged by OpenRouter)' },
      { term: 'Prompt', value: '1,000 tokens' },
      { term: 'Cached', value: '800 tokens read from the cache, saved $0.000108' },
      { term: 'Completion', value: '50 tokens' },
      { term: 'Reasoning', value: '20 tokens' },
      { term: 'Provider', value: 'OpenAI' },
      { term: 'First token', value: '0.42 s' },
      { term: 'Speed', value: '58.3 tokens/s' },
    ]);
  });

  it('takes OpenRouter’s reported cache discount over a worked-out one, and says what writing the cache cost', () => {
    const lines = costBreakdown(reply({ usage: { ...cached, cacheDiscountUsd: '0.0002', cacheWriteTokens: 300 } }), {
      promptPrice: 0.00000015,
      tokensPerSecond: null,
    });
    expect(lines).toContainEqual({ term: 'Cached', value: '800 tokens read from the cache, saved $0.0002' });
    expect(lines).toContainEqual({ term: 'Cache write', value: '300 tokens written to the cache' });
    const firstTurn = costBreakdown(
      reply({ usage: usage({ cacheWriteTokens: 1_200, cacheDiscountUsd: '-0.00045' }) }),
      { promptPrice: 0.00000015, tokensPerSecond: null },
    );
    expect(firstTurn).toContainEqual({
      term: 'Cache write',
      value: '1,200 tokens written to the cache, $0.00045 extra this turn',
    });
    expect(firstTurn.map((line) => line.term)).not.toContain('Cached');
  });
});

describe('cacheSummary', () => {
  it('says how many tokens came from the cache and what that saved', () => {
    expect(cacheSummary(usage({ cachedTokens: 2_400, cacheDiscountUsd: '0.0032' }), null)).toBe(
      'cached 2,400 tokens, saved $0.0032',
    );
    // No reported discount: worked out from the charged prompt cost and the catalogue price.
    expect(
      cacheSummary(
        usage({ cachedTokens: 800, raw: { cost_details: { upstream_inference_prompt_cost: 0.000042 } } }),
        0.00000015,
      ),
    ).toBe('cached 800 tokens, saved $0.00011');
  });

  it('names the tokens alone when no saving is known or it is not a saving', () => {
    expect(cacheSummary(usage({ cachedTokens: 800 }), null)).toBe('cached 800 tokens');
    expect(cacheSummary(usage({ cachedTokens: 800, cacheDiscountUsd: '-0.001' }), null)).toBe('cached 800 tokens');
  });

  it('is nothing when no prompt was read from a cache', () => {
    expect(cacheSummary(usage(), 0.00000015)).toBeNull();
    expect(cacheSummary(usage({ cachedTokens: 0, cacheDiscountUsd: '0' }), null)).toBeNull();
    expect(cacheSummary(null, null)).toBeNull();
  });
});
