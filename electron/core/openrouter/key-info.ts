// Maps GET /key to KeyInfo; recent recordings omit several fields, so none is required.

import { booleanOrNull, isRecord, nonEmptyStringOrNull, numberOrNull } from './narrow';
import type { KeyInfo } from './types';

export function mapKeyInfo(body: unknown): KeyInfo | null {
  const data = isRecord(body) ? body['data'] : undefined;
  if (!isRecord(data)) return null;
  return {
    label: nonEmptyStringOrNull(data['label']),
    limit: numberOrNull(data['limit']),
    limitRemaining: numberOrNull(data['limit_remaining']),
    limitReset: nonEmptyStringOrNull(data['limit_reset']),
    usage: numberOrNull(data['usage']),
    usageDaily: numberOrNull(data['usage_daily']),
    usageWeekly: numberOrNull(data['usage_weekly']),
    usageMonthly: numberOrNull(data['usage_monthly']),
    isFreeTier: booleanOrNull(data['is_free_tier']),
  };
}
