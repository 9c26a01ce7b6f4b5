// Maps GET /generation to GenerationStats; billing uses the native token counts, so they are preferred.

import { toUsd } from '../../../shared/money';
import { booleanOrNull, isRecord, nonEmptyStringOrNull, numberOrNull } from './narrow';
import type { GenerationStats } from './types';

export function mapGeneration(body: unknown, requestedId: string): GenerationStats | null {
  const data = isRecord(body) ? body['data'] : undefined;
  if (!isRecord(data)) return null;
  return {
    id: nonEmptyStringOrNull(data['id']) ?? requestedId,
    totalCostUsd: toUsd(numberOrNull(data['total_cost']) ?? numberOrNull(data['usage'])),
    promptTokens: numberOrNull(data['native_tokens_prompt']) ?? numberOrNull(data['tokens_prompt']),
    completionTokens: numberOrNull(data['native_tokens_completion']) ?? numberOrNull(data['tokens_completion']),
    reasoningTokens: numberOrNull(data['native_tokens_reasoning']),
    cachedTokens: numberOrNull(data['native_tokens_cached']),
    cancelled: booleanOrNull(data['cancelled']),
    model: nonEmptyStringOrNull(data['model']),
    provider: nonEmptyStringOrNull(data['provider_name']),
    finishReason: nonEmptyStringOrNull(data['finish_reason']),
    isByok: booleanOrNull(data['is_byok']),
  };
}
