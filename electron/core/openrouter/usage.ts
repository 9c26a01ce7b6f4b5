// Maps OpenRouter's usage object to the shared Usage record, keeping the whole raw object for later features.

import type { Usage } from '../../../shared/domain';
import { sumUsd, toUsd, type Usd } from '../../../shared/money';
import { booleanOrNull, isRecord, numberOrNull, recordAt, type JsonRecord } from './narrow';

export function mapUsage(raw: JsonRecord): Usage {
  const promptTokens = numberOrNull(raw['prompt_tokens']) ?? 0;
  const completionTokens = numberOrNull(raw['completion_tokens']) ?? 0;
  return {
    promptTokens,
    completionTokens,
    totalTokens: numberOrNull(raw['total_tokens']) ?? promptTokens + completionTokens,
    reasoningTokens: numberOrNull(recordAt(raw, 'completion_tokens_details')['reasoning_tokens']),
    cachedTokens: numberOrNull(recordAt(raw, 'prompt_tokens_details')['cached_tokens']),
    ...cacheFigures(raw),
    // A missing cost (old streams, intermediaries that drop it) must stay distinguishable from a free answer.
    costUsd: typeof raw['cost'] === 'number' ? toUsd(raw['cost']) : null,
    isByok: booleanOrNull(raw['is_byok']),
    raw,
  };
}

/**
 * Tokens written to the cache and what caching saved (docs/openrouter-protocol.md §3.4), from a usage object as sent —
 * or, for a continued reply, summed over `{ generations: [...] }` (chat/usage-sum.ts). Null where nothing said.
 */
export function cacheFigures(raw: Record<string, unknown>): {
  cacheWriteTokens: number | null;
  cacheDiscountUsd: Usd | null;
} {
  const generations = raw['generations'];
  const reports = Array.isArray(generations) ? generations.filter(isRecord) : [raw];
  const writes = reports
    .map((report) => numberOrNull(recordAt(report, 'prompt_tokens_details')['cache_write_tokens']))
    .filter((n): n is number => n !== null);
  const discounts = reports
    .map((report) => (typeof report['cache_discount'] === 'number' ? toUsd(report['cache_discount']) : null))
    .filter((usd): usd is Usd => usd !== null);
  return {
    cacheWriteTokens: writes.length > 0 ? writes.reduce((a, b) => a + b, 0) : null,
    cacheDiscountUsd: discounts.length > 0 ? sumUsd(discounts) : null,
  };
}
