// Runs in the fake OpenRouter process: per-key accounts, and what GET /key reports about them
// (docs/openrouter-protocol.md §8.1).

import { keyProfile, type KeyProfile } from './scenarios';

function roundUsd(usd: number): number {
  return Number(usd.toFixed(12));
}

/** OpenRouter shows a key as its first three secret characters and its last three. */
export function keyLabel(key: string): string {
  return `${key.slice(0, 12)}...${key.slice(-3)}`;
}

export class KeyLedger {
  private spent = new Map<string, number>();
  private revoked = new Set<string>();

  profile(key: string): KeyProfile | null {
    return this.revoked.has(key) ? null : keyProfile(key);
  }

  /** What deleting a key on openrouter.ai does: from now on OpenRouter answers "User not found." */
  revoke(key: string): void {
    this.revoked.add(key);
  }

  charge(key: string, usd: number): void {
    if (usd > 0) this.spent.set(key, (this.spent.get(key) ?? 0) + usd);
  }

  spentBy(key: string): number {
    return this.spent.get(key) ?? 0;
  }

  /** USD the key may still spend, or null without a limit. */
  remaining(key: string): number | null {
    const profile = this.profile(key);
    if (!profile || profile.limit === null) return null;
    return roundUsd(Math.max(0, profile.limit - profile.usage - this.spentBy(key)));
  }

  reset(): void {
    this.spent.clear();
    this.revoked.clear();
  }

  /** The body of GET /api/v1/key; the caller has already checked the key exists. */
  keyInfo(key: string): { data: Record<string, unknown> } {
    const profile = this.profile(key);
    if (!profile) throw new Error('keyInfo needs a known key');
    const today = this.spentBy(key);
    // The opening balance is history: part of it this week and month, none of it today.
    const usage = roundUsd(profile.usage + today);
    return {
      data: {
        label: keyLabel(key),
        limit: profile.limit,
        limit_remaining: this.remaining(key),
        limit_reset: profile.limitReset,
        include_byok_in_limit: false,
        usage,
        usage_daily: roundUsd(today),
        usage_weekly: roundUsd(today + profile.usage * 0.25),
        usage_monthly: roundUsd(today + profile.usage * 0.6),
        byok_usage: 0,
        byok_usage_daily: 0,
        byok_usage_weekly: 0,
        byok_usage_monthly: 0,
        is_free_tier: profile.isFreeTier,
        is_management_key: false,
        is_provisioning_key: false,
        creator_user_id: 'user_fake',
        expires_at: null,
        rate_limit: { requests: -1, interval: '10s', note: 'This field is deprecated and safe to ignore.' },
      },
    };
  }
}
