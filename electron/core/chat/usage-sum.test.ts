import { describe, expect, it } from 'vitest';
import type { Usage } from '../../../shared/domain';
import { usageFixture } from '../../../shared/test-support/domain-fixtures';
import { addUsage } from './usage-sum';

/** The sum of two generations that say `a` and `b` for one optional figure. */
const summed = <K extends 'reasoningTokens' | 'cachedTokens' | 'cacheWriteTokens' | 'cacheDiscountUsd' | 'costUsd'>(
  key: K,
  a: Usage[K],
  b: Usage[K],
): Usage[K] | undefined => addUsage(usageFixture({ [key]: a }), usageFixture({ [key]: b }))?.[key];

describe('addUsage (a continued reply)', () => {
  it('keeps whichever side exists when the other generation reported no usage', () => {
    const only = usageFixture({ promptTokens: 4 });
    expect(addUsage(null, only)).toBe(only);
    expect(addUsage(only, null)).toBe(only);
    expect(addUsage(null, null)).toBeNull();
  });

  it('adds the token counts of both generations', () => {
    const sum = addUsage(
      usageFixture({ promptTokens: 10, completionTokens: 3, totalTokens: 13 }),
      usageFixture({ promptTokens: 4, completionTokens: 5, totalTokens: 9 }),
    );
    expect(sum).toMatchObject({ promptTokens: 14, completionTokens: 8, totalTokens: 22 });
  });

  it('adds an optional count, treats one unsaid side as nothing, and leaves it unsaid when neither said it', () => {
    for (const key of ['reasoningTokens', 'cachedTokens', 'cacheWriteTokens'] as const) {
      expect(summed(key, 2, 5)).toBe(7);
      expect(summed(key, 3, null)).toBe(3);
      expect(summed(key, null, 6)).toBe(6);
      expect(summed(key, null, null)).toBeNull();
    }
  });

  it('adds money exactly, treats one unsaid side as nothing, and leaves it unsaid when neither said it', () => {
    for (const key of ['cacheDiscountUsd', 'costUsd'] as const) {
      expect(summed(key, '0.1', '0.2')).toBe('0.3');
      expect(summed(key, '0.1', null)).toBe('0.1');
      expect(summed(key, null, '0.2')).toBe('0.2');
      expect(summed(key, null, null)).toBeNull();
    }
  });

  it('takes the latest generation’s BYOK flag, or the earlier one when the latest does not say', () => {
    const byok = (earlier: boolean | null, later: boolean | null) =>
      addUsage(usageFixture({ isByok: earlier }), usageFixture({ isByok: later }))?.isByok;
    expect(byok(false, true)).toBe(true);
    expect(byok(true, null)).toBe(true);
  });

  it("keeps each generation's raw report, oldest first, across several continues", () => {
    const first = usageFixture({ raw: { id: 1 } });
    const second = usageFixture({ raw: { id: 2 } });
    const third = usageFixture({ raw: { id: 3 } });
    const twice = addUsage(addUsage(first, second), third);
    expect(twice?.raw).toEqual({ generations: [{ id: 1 }, { id: 2 }, { id: 3 }] });
  });
});
