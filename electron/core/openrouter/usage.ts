// Maps OpenRouter's usage object to the shared Usage record, keeping the whole raw object for later features.

import type { Usage } from '../../../shared/domain';
import { toUsd } from '../../../shared/money';
import { booleanOrNull, numberOrNull, recordAt, type JsonRecord } from './narrow';

export function mapUsage(raw: JsonRecord): Usage {
  const promptTokens = numberOrNull(raw['prompt_tokens']) ?? 0;
  const completionTokens = numberOrNull(raw['completion_tokens']) ?? 0;
  return {
    promptTokens,
    completionTokens,
    totalTokens: numberOrNull(raw['total_tokens']) ?? promptTokens + completionTokens,
    reasoningTokens: numberOrNull(recordAt(raw, 'completion_tokens_details')['reasoning_tokens']),
    cachedTokens: numberOrNull(recordAt(raw, 'prompt_tokens_details')['cached_tokens']),
    // A missing cost (old streams, intermediaries that drop it) must stay distinguishable from a free answer.
    costUsd: typeof raw['cost'] === 'number' ? toUsd(raw['cost']) : null,
    isByok: booleanOrNull(raw['is_byok']),
    raw,
  };
}
