import { describe, expect, it } from 'vitest';
import type { Conversation, ModelSummary } from '../../../shared/domain';
import { automaticMaxTokens, createOutputBudget } from './output-budget';

describe('automaticMaxTokens', () => {
  it("is the model's own max output when the key has no cap or the price is unknown", () => {
    expect(automaticMaxTokens({ modelMax: 128_000, completionPrice: 0.001, limitRemaining: null })).toBe(128_000);
    expect(automaticMaxTokens({ modelMax: 128_000, completionPrice: null, limitRemaining: 1 })).toBe(128_000);
    expect(automaticMaxTokens({ modelMax: 128_000, completionPrice: 0, limitRemaining: 1 })).toBe(128_000);
    // A free model with the cap used up: nothing to divide by, the model's own max still holds.
    expect(automaticMaxTokens({ modelMax: 128_000, completionPrice: 0, limitRemaining: 0 })).toBe(128_000);
  });

  it('falls back to 16,384 when the catalogue does not say', () => {
    expect(automaticMaxTokens({ modelMax: null, completionPrice: null, limitRemaining: null })).toBe(16_384);
  });

  it('lowers the cap to what the remaining credit can pay for at worst, never below 1,024', () => {
    // $20.50 at $0.001 a token affords 20,500 tokens.
    expect(automaticMaxTokens({ modelMax: 128_000, completionPrice: 0.001, limitRemaining: 20.5 })).toBe(20_500);
    expect(automaticMaxTokens({ modelMax: 128_000, completionPrice: 0.001, limitRemaining: 0.2 })).toBe(1_024);
    expect(automaticMaxTokens({ modelMax: 128_000, completionPrice: 0.001, limitRemaining: -3 })).toBe(1_024);
    // A model whose own max is lower than the floor keeps its own max.
    expect(automaticMaxTokens({ modelMax: 512, completionPrice: 0.001, limitRemaining: 0.2 })).toBe(512);
  });
});

describe('createOutputBudget', () => {
  const conversation = (maxOutputTokens: number | null) => ({ maxOutputTokens }) as Conversation;
  const pricey = { id: 'x/pricey', maxCompletionTokens: 128_000, completionPrice: 0.001 } as ModelSummary;

  it("uses the conversation's setting without asking the catalogue or the key", async () => {
    const budget = createOutputBudget({
      model: () => Promise.reject(new Error('not asked')),
      limitRemaining: () => Promise.reject(new Error('not asked')),
    });
    expect(await budget(conversation(3_000), 'x/pricey')).toBe(3_000);
  });

  it('sizes an automatic cap from the model and the key', async () => {
    const budget = createOutputBudget({ model: async () => pricey, limitRemaining: async () => 20.5 });
    expect(await budget(conversation(null), 'x/pricey')).toBe(20_500);
    const unlisted = createOutputBudget({ model: async () => null, limitRemaining: async () => 20.5 });
    expect(await unlisted(conversation(null), 'x/other')).toBe(16_384);
  });
});
