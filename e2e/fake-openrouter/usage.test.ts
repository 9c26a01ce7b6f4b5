import { describe, expect, it } from 'vitest';
import { findModel, priceOf } from './catalogue';
import { computeUsage, roundCost } from './usage';

describe('computeUsage', () => {
  it('reproduces the captured gpt-4o-mini bill exactly (29 + 33 tokens = $0.00002415)', () => {
    const entry = findModel('openai/gpt-4o-mini');
    if (!entry) throw new Error('gpt-4o-mini missing from the catalogue');
    const usage = computeUsage({
      promptTokens: 29,
      completionTokens: 33,
      reasoningTokens: 0,
      price: priceOf(entry),
      free: false,
      charged: true,
    });
    expect(usage.cost).toBe(0.00002415);
    expect(usage.cost_details).toEqual({
      upstream_inference_cost: null,
      upstream_inference_prompt_cost: 0.00000435,
      upstream_inference_completions_cost: 0.0000198,
    });
    expect(usage.total_tokens).toBe(62);
    expect(Object.keys(usage)).toEqual([
      'prompt_tokens',
      'completion_tokens',
      'total_tokens',
      'cost',
      'is_byok',
      'prompt_tokens_details',
      'cost_details',
      'completion_tokens_details',
    ]);
  });

  it('keeps cost_details summing to cost for awkward prices', () => {
    for (const [p, c] of [
      [1234, 5678],
      [7, 3],
      [100000, 1],
    ] as const) {
      const usage = computeUsage({
        promptTokens: p,
        completionTokens: c,
        reasoningTokens: 0,
        price: { prompt: 0.000000435, completion: 0.00000087 },
        free: false,
        charged: true,
      });
      const sum =
        usage.cost_details.upstream_inference_prompt_cost + usage.cost_details.upstream_inference_completions_cost;
      expect(Math.abs(sum - usage.cost)).toBeLessThan(usage.cost * 1e-9);
      expect(String(usage.cost).replace(/^0\.0*|e-\d+$|\./g, '').length).toBeLessThanOrEqual(10);
    }
  });

  it('charges nothing for free models or under zero-completion insurance, yet counts tokens', () => {
    const free = computeUsage({
      promptTokens: 10,
      completionTokens: 20,
      reasoningTokens: 5,
      price: { prompt: 0, completion: 0 },
      free: true,
      charged: true,
    });
    expect(free).toMatchObject({
      cost: 0,
      completion_tokens: 20,
      completion_tokens_details: { reasoning_tokens: 5 },
      cost_details: { upstream_inference_cost: 0 },
    });
    const insured = computeUsage({
      promptTokens: 10,
      completionTokens: 20,
      reasoningTokens: 0,
      price: { prompt: 0.000001, completion: 0.000001 },
      free: false,
      charged: false,
    });
    expect(insured.cost).toBe(0);
  });

  it('bills a router at the price of the model it routes to', () => {
    const auto = findModel('openrouter/auto');
    if (!auto) throw new Error('openrouter/auto missing');
    expect(priceOf(auto)).toEqual({ prompt: 0.00000015, completion: 0.0000006 });
    expect(roundCost(0.1 + 0.2)).toBe(0.3);
  });
});
