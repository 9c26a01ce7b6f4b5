// What a reply cost, in words: the short label under it and the lines of its breakdown. Pure, so each rule is tested.

import type { Message, Usage } from '../../../../shared/domain';
import { fromPico, toPico, type Usd } from '../../../../shared/money';
import { formatCost, formatExactCost } from '../../lib/format';

const count = (n: number) => n.toLocaleString('en-US');

/** A saving worth showing: a positive figure; a negative or unknown one is not a saving. */
function positive(usd: Usd | null): Usd | null {
  if (usd === null) return null;
  const pico = toPico(usd);
  return pico !== null && pico > 0n ? usd : null;
}

export type CostKind = 'charged' | 'free' | 'pending' | 'estimated' | 'unknown';

export interface ReplyCost {
  kind: CostKind;
  /** The short label in the meta line. */
  text: string;
  /** The whole figure, to its last digit, for the hover title and the breakdown. */
  exact: string | null;
  byok: boolean;
}

/** The one rule for a reply's cost label: OpenRouter's figure when it has one, never a price-table computation. */
export function replyCost(message: Message): ReplyCost | null {
  if (message.role !== 'assistant' || message.status === 'streaming') return null;
  const usage = message.usage;
  const byok = usage?.isByok === true;
  if (usage?.costUsd != null) {
    const pico = toPico(usage.costUsd) ?? 0n;
    if (pico === 0n && !byok) return { kind: 'free', text: 'free', exact: '$0', byok };
    return { kind: 'charged', text: formatCost(usage.costUsd), exact: formatExactCost(usage.costUsd), byok };
  }
  if (message.costStatus === 'pending') return { kind: 'pending', text: 'cost pending…', exact: null, byok };
  if (message.costStatus === 'estimated' && message.estimatedCostUsd !== null) {
    return {
      kind: 'estimated',
      text: `≈${formatCost(message.estimatedCostUsd)} (estimate)`,
      exact: formatExactCost(message.estimatedCostUsd),
      byok,
    };
  }
  return null;
}

/**
 * What the cached prompt tokens saved: the prompt at full price minus what the prompt was charged. Null unless the
 * reply read from a cache and both figures are known (OpenRouter's `cost_details`, the catalogue's prompt price).
 */
export function cacheDiscount(usage: Usage, promptPrice: number | null): Usd | null {
  if (!usage.cachedTokens || usage.cachedTokens <= 0 || promptPrice === null) return null;
  const details = usage.raw['cost_details'];
  const charged =
    typeof details === 'object' && details !== null
      ? (details as Record<string, unknown>)['upstream_inference_prompt_cost']
      : undefined;
  const chargedPico = typeof charged === 'number' ? toPico(charged) : null;
  const pricePico = toPico(promptPrice);
  if (chargedPico === null || pricePico === null) return null;
  const saved = BigInt(usage.promptTokens) * pricePico - chargedPico;
  return saved > 0n ? fromPico(saved) : null;
}

/**
 * What caching saved on this reply: OpenRouter's own `cache_discount` when it reported one, else the saving worked
 * out from the charged prompt cost and the catalogue price (cacheDiscount); null when neither is known.
 */
export function cacheSaving(usage: Usage, promptPrice: number | null): Usd | null {
  if (usage.cacheDiscountUsd !== null) return usage.cacheDiscountUsd;
  return cacheDiscount(usage, promptPrice);
}

/**
 * "cached 1,200 tokens, saved $0.0032" under a reply that read its prompt from a provider's cache; without a known
 * saving just "cached 1,200 tokens". Null when nothing was read from a cache. A negative discount (writing the cache
 * cost more than it saved this turn) is not a saving, so it is left to the breakdown.
 */
export function cacheSummary(usage: Usage | null, promptPrice: number | null): string | null {
  if (!usage?.cachedTokens || usage.cachedTokens <= 0) return null;
  const saved = positive(cacheSaving(usage, promptPrice));
  const tokens = `cached ${count(usage.cachedTokens)} tokens`;
  return saved !== null ? `${tokens}, saved ${formatCost(saved)}` : tokens;
}

/** What a BYOK provider charged on its own bill (OpenRouter's `upstream_inference_cost`); null when not BYOK. */
export function byokUpstreamCost(usage: Usage): Usd | null {
  if (usage.isByok !== true) return null;
  const details = usage.raw['cost_details'];
  const upstream =
    typeof details === 'object' && details !== null
      ? (details as Record<string, unknown>)['upstream_inference_cost']
      : undefined;
  return typeof upstream === 'number' ? fromPico(toPico(upstream) ?? 0n) : null;
}

export interface BreakdownLine {
  term: string;
  value: string;
}

/** The expandable detail under a reply, line by line; what is unknown is left out. */
export function costBreakdown(
  message: Message,
  facts: { promptPrice: number | null; tokensPerSecond: number | null },
): BreakdownLine[] {
  const lines: BreakdownLine[] = [];
  const cost = replyCost(message);
  const usage = message.usage;
  if (cost?.kind === 'charged') lines.push({ term: 'Cost', value: `${cost.exact} (charged by OpenRouter)` });
  if (cost?.kind === 'free') lines.push({ term: 'Cost', value: 'free — $0 charged' });
  if (cost?.kind === 'pending') {
    lines.push({ term: 'Cost', value: 'pending — asking OpenRouter what this reply was charged' });
  }
  if (cost?.kind === 'estimated') {
    lines.push({
      term: 'Cost',
      value: `${cost.exact} — an estimate from catalogue prices: OpenRouter never reported this reply's charge`,
    });
  }
  if (usage) {
    if (cost?.byok) {
      const upstream = byokUpstreamCost(usage);
      lines.push({
        term: 'Billing',
        value: `BYOK — your own provider key${upstream !== null ? ` billed ${formatExactCost(upstream)}` : ''}; the cost above is OpenRouter's fee`,
      });
    }
    lines.push({ term: 'Prompt', value: `${count(usage.promptTokens)} tokens` });
    if (usage.cachedTokens) {
      const saved = positive(cacheSaving(usage, facts.promptPrice));
      lines.push({
        term: 'Cached',
        value: `${count(usage.cachedTokens)} tokens read from the cache${saved !== null ? `, saved ${formatExactCost(saved)}` : ''}`,
      });
    }
    if (usage.cacheWriteTokens) {
      const discountPico = usage.cacheDiscountUsd === null ? null : toPico(usage.cacheDiscountUsd);
      const extra =
        discountPico !== null && discountPico < 0n
          ? `, ${formatExactCost(fromPico(-discountPico))} extra this turn`
          : '';
      lines.push({
        term: 'Cache write',
        value: `${count(usage.cacheWriteTokens)} tokens written to the cache${extra}`,
      });
    }
    lines.push({ term: 'Completion', value: `${count(usage.completionTokens)} tokens` });
    if (usage.reasoningTokens) lines.push({ term: 'Reasoning', value: `${count(usage.reasoningTokens)} tokens` });
  }
  if (message.provider) lines.push({ term: 'Provider', value: message.provider });
  if (message.firstTokenMs != null) {
    lines.push({ term: 'First token', value: `${(message.firstTokenMs / 1000).toFixed(2)} s` });
  }
  if (facts.tokensPerSecond !== null) {
    lines.push({ term: 'Speed', value: `${facts.tokensPerSecond.toFixed(1)} tokens/s` });
  }
  return lines;
}
