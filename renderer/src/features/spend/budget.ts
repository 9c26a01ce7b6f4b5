// The budget's rules, in one place: when sending asks first, and when the 80 % warnings show (once a month each).
// The person's monthly budget and the key's own limit (OpenRouter's limit_remaining) are respected the same way.

import { compareUsd, fromPico, sumUsd, toPico, type Usd } from '../../../../shared/money';
import { formatCost, formatCredit } from '../../lib/format';

export interface SendFacts {
  /** Spent this month, from the ledger. */
  monthSpent: Usd;
  budget: Usd | null;
  /** The most the next reply may cost (the estimate's high end); null when there is no estimate. */
  estimateHigh: Usd | null;
  /** USD left under the key's own limit; null when the key has none (or it is unknown). */
  limitRemaining: number | null;
}

/** The question to ask before sending, or null to send at once. */
export function askBeforeSend(facts: SendFacts): string | null {
  if (facts.estimateHigh === null) return null;
  if (facts.budget !== null && compareUsd(sumUsd([facts.monthSpent, facts.estimateHigh]), facts.budget) > 0) {
    return (
      `This may take you over your ${formatCost(facts.budget)} monthly budget. Send anyway? ` +
      `(${formatCost(facts.monthSpent)} spent this month; this reply may cost up to ${formatCost(facts.estimateHigh)}.)`
    );
  }
  if (
    facts.limitRemaining !== null &&
    compareUsd(facts.estimateHigh, fromPico(toPico(facts.limitRemaining) ?? 0n)) > 0
  ) {
    return (
      `This may cost more than the ${formatCredit(facts.limitRemaining)} left under your key's spending limit. ` +
      `Send anyway? (This reply may cost up to ${formatCost(facts.estimateHigh)}; OpenRouter refuses what the ` +
      `limit cannot pay.)`
    );
  }
  return null;
}

export interface WarningFacts {
  monthSpent: Usd;
  budget: Usd | null;
  limit: number | null;
  limitRemaining: number | null;
  /** This month, "YYYY-MM", and the months each warning was last shown. */
  month: string;
  budgetWarnedMonth: string | null;
  keyLimitWarnedMonth: string | null;
}

/** At most one of each warning per month, once 80 % of the budget is spent or of the key's limit is used. */
export function dueWarnings(facts: WarningFacts): { budget: string | null; keyLimit: string | null } {
  let budget: string | null = null;
  if (facts.budget !== null && facts.budgetWarnedMonth !== facts.month) {
    const budgetPico = toPico(facts.budget) ?? 0n;
    const spentPico = toPico(facts.monthSpent) ?? 0n;
    // 80 % compared exactly: spent × 10 ≥ budget × 8.
    if (budgetPico > 0n && spentPico * 10n >= budgetPico * 8n) {
      budget = `You have spent ${formatCost(facts.monthSpent)} of your ${formatCost(facts.budget)} monthly budget (${Math.floor(Number((spentPico * 100n) / budgetPico))} %).`;
    }
  }
  let keyLimit: string | null = null;
  if (
    facts.limit !== null &&
    facts.limit > 0 &&
    facts.limitRemaining !== null &&
    facts.keyLimitWarnedMonth !== facts.month &&
    // 20 % or less left, compared exactly: remaining × 5 ≤ limit.
    (toPico(facts.limitRemaining) ?? 0n) * 5n <= (toPico(facts.limit) ?? 0n)
  ) {
    keyLimit = `Your key has ${formatCredit(facts.limitRemaining)} left of its ${formatCredit(facts.limit)} spending limit.`;
  }
  return { budget, keyLimit };
}

/** The share of the budget spent, 0–1 (capped), for a progress bar; null without a budget. */
export function budgetShare(monthSpent: Usd, budget: Usd | null): number | null {
  if (budget === null) return null;
  const budgetPico = toPico(budget) ?? 0n;
  if (budgetPico <= 0n) return null;
  const perMille = Number(((toPico(monthSpent) ?? 0n) * 1000n) / budgetPico);
  return Math.min(1, perMille / 1000);
}
