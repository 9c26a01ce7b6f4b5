// Core: a continued reply shows what all its generations used and cost together.

import type { Usage } from '../../../shared/domain';
import { sumUsd } from '../../../shared/money';

const sumOrNull = (a: number | null, b: number | null): number | null =>
  a === null && b === null ? null : (a ?? 0) + (b ?? 0);

export function addUsage(earlier: Usage | null, later: Usage | null): Usage | null {
  if (!earlier) return later;
  if (!later) return earlier;
  return {
    promptTokens: earlier.promptTokens + later.promptTokens,
    completionTokens: earlier.completionTokens + later.completionTokens,
    totalTokens: earlier.totalTokens + later.totalTokens,
    reasoningTokens: sumOrNull(earlier.reasoningTokens, later.reasoningTokens),
    cachedTokens: sumOrNull(earlier.cachedTokens, later.cachedTokens),
    cacheWriteTokens: sumOrNull(earlier.cacheWriteTokens, later.cacheWriteTokens),
    cacheDiscountUsd:
      earlier.cacheDiscountUsd === null && later.cacheDiscountUsd === null
        ? null
        : sumUsd([earlier.cacheDiscountUsd, later.cacheDiscountUsd]),
    costUsd: earlier.costUsd === null && later.costUsd === null ? null : sumUsd([earlier.costUsd, later.costUsd]),
    isByok: later.isByok ?? earlier.isByok,
    // Each generation's own report, oldest first, for later features that read the raw figures.
    raw: { generations: [...generationsOf(earlier.raw), later.raw] },
  };
}

function generationsOf(raw: Record<string, unknown>): unknown[] {
  const listed = raw['generations'];
  return Array.isArray(listed) ? listed : [raw];
}
