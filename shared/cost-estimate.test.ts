import { describe, expect, it } from 'vitest';
import { estimateCostRange, estimateWrittenCost, tokensForAttachment, tokensForText } from './cost-estimate';
import { compareUsd, sumUsd } from './money';

describe('estimateCostRange', () => {
  const input = {
    promptPrice: 0.000003,
    completionPrice: 0.000015,
    promptTokens: 1_000,
    repeatedPromptTokens: 800,
    expectedOutputTokens: 500,
    maxOutputTokens: 4_000,
  };

  it('bounds the reply: prompt plus expected output below, prompt plus the whole cap above', () => {
    expect(estimateCostRange(input)).toEqual({ low: '0.0105', high: '0.063' });
  });

  it('applies the cache discount to the repeated part of the prompt at the low end only', () => {
    const cached = estimateCostRange({ ...input, cacheReadPrice: 0.0000003 });
    // 200 fresh × $3/M + 800 cached × $0.30/M + 500 × $15/M
    expect(cached).toEqual({ low: sumUsd(['0.0006', '0.00024', '0.0075']), high: '0.063' });
  });

  it('gives no discount where the cached price is not cheaper, or is nonsense', () => {
    const full = estimateCostRange(input);
    expect(estimateCostRange({ ...input, cacheReadPrice: 0.000003 })).toEqual(full);
    expect(estimateCostRange({ ...input, cacheReadPrice: 0.00001 })).toEqual(full);
    expect(estimateCostRange({ ...input, cacheReadPrice: -0.000001 })).toEqual(full);
    expect(estimateCostRange({ ...input, cacheReadPrice: null })).toEqual(full);
  });

  it('never counts more repeated tokens than the prompt has', () => {
    // All 1,000 prompt tokens cached (not 5,000): 1,000 × $0.30/M + 500 × $15/M.
    const range = estimateCostRange({ ...input, repeatedPromptTokens: 5_000, cacheReadPrice: 0.0000003 });
    expect(range?.low).toBe(sumUsd(['0.0003', '0.0075']));
  });

  it('expects no more output than the cap allows', () => {
    // 1,000 × $3/M + at most 100 × $15/M at both ends.
    expect(estimateCostRange({ ...input, expectedOutputTokens: 9_000, maxOutputTokens: 100 })).toEqual({
      low: '0.0045',
      high: '0.0045',
    });
  });

  it('keeps low ≤ high for any counts, and has no range for unknown or variable prices', () => {
    for (const promptTokens of [0, 1, 999, 50_000]) {
      for (const expectedOutputTokens of [0, 10, 4_000, 9_000]) {
        const range = estimateCostRange({ ...input, promptTokens, expectedOutputTokens });
        expect(range && compareUsd(range.low, range.high)).toBeLessThanOrEqual(0);
      }
    }
    expect(estimateCostRange({ ...input, promptPrice: null })).toBeNull();
    expect(estimateCostRange({ ...input, completionPrice: null })).toBeNull();
    expect(estimateCostRange({ ...input, promptPrice: -1 })).toBeNull();
    expect(estimateCostRange({ ...input, completionPrice: -1 })).toBeNull();
  });

  it('prices free models at nothing (a price of 0 is known, not missing)', () => {
    expect(estimateCostRange({ ...input, promptPrice: 0, completionPrice: 0 })).toEqual({ low: '0', high: '0' });
  });
});

describe('estimateWrittenCost', () => {
  it('prices a written reply’s tokens at the catalogue’s prices', () => {
    const prices = { promptPrice: 0.000003, completionPrice: 0.000015 };
    // 1,000 × $3/M + 200 × $15/M
    expect(estimateWrittenCost(prices, { promptTokens: 1_000, completionTokens: 200 })).toBe('0.006');
  });

  it('has no figure when a price is unknown', () => {
    const tokens = { promptTokens: 10, completionTokens: 10 };
    expect(estimateWrittenCost({ promptPrice: null, completionPrice: 0.000015 }, tokens)).toBeNull();
    expect(estimateWrittenCost({ promptPrice: 0.000003, completionPrice: null }, tokens)).toBeNull();
  });
});

describe('tokens of what is sent', () => {
  it('counts text at four characters a token, rounding up, and nothing for no text', () => {
    expect(tokensForText(0)).toBe(0);
    expect(tokensForText(-5)).toBe(0);
    expect(tokensForText(1)).toBe(1);
    expect(tokensForText(8)).toBe(2);
    expect(tokensForText(9)).toBe(3);
  });

  it('counts an image by its pixels (capped), a text file by its characters, a PDF by its pages', () => {
    expect(tokensForAttachment({ kind: 'image', width: 750, height: 100 })).toBe(100);
    expect(tokensForAttachment({ kind: 'image', width: 751, height: 100 })).toBe(101);
    expect(tokensForAttachment({ kind: 'image', width: 4000, height: 3000 })).toBe(1_600);
    expect(tokensForAttachment({ kind: 'image' })).toBe(1_000);
    expect(tokensForAttachment({ kind: 'image', width: 800 })).toBe(1_000);
    expect(tokensForAttachment({ kind: 'image', height: 800 })).toBe(1_000);
    expect(tokensForAttachment({ kind: 'text', textChars: 4_001 })).toBe(1_001);
    expect(tokensForAttachment({ kind: 'text' })).toBe(0);
    expect(tokensForAttachment({ kind: 'pdf', pageCount: 3 })).toBe(2_400);
    expect(tokensForAttachment({ kind: 'pdf', pageCount: 0 })).toBe(800);
    expect(tokensForAttachment({ kind: 'pdf' })).toBe(800);
  });
});
