// Money and token wording. Fixed to en-US so figures read the same on every machine and in tests.

const grouped = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Plain decimal with `digits` significant digits, never exponent notation (0.000024, not 2.4e-5). */
function significant(value: number, digits: number): string {
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(value)));
  return value.toFixed(Math.min(decimals, 12)).replace(/(\.\d*?[1-9])0+$/, '$1');
}

function withSign(usd: number, body: (abs: number) => string): string {
  return usd < 0 ? `-$${body(-usd)}` : `$${body(usd)}`;
}

/**
 * A charge, which is often a fraction of a cent: tiny amounts keep two significant digits
 * ($0.000024) so they do not collapse to $0.00; cents and dollars read as money ($0.15, $1.20).
 */
export function formatCost(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  if (usd === 0) return '$0';
  return withSign(usd, (abs) => {
    if (abs >= 1) return grouped.format(abs);
    if (abs >= 0.01) {
      const text = significant(abs, 2);
      // Keep cents looking like cents: $0.50 rather than $0.5.
      return /\.\d$/.test(text) ? `${text}0` : text;
    }
    return significant(abs, 2);
  });
}

/** A balance or spending limit: always cents ($20.50, $1,234.00); under a cent it falls back to cost precision. */
export function formatCredit(usd: number | null): string {
  if (usd === null) return 'no limit';
  if (!Number.isFinite(usd)) return '—';
  if (usd !== 0 && Math.abs(usd) < 0.01) return formatCost(usd);
  return withSign(usd, (abs) => grouped.format(abs));
}

/** OpenRouter prices are USD per token; people compare them per million tokens. */
export function formatPricePerMillion(pricePerToken: number | null): string {
  if (pricePerToken === null) return 'variable';
  if (pricePerToken === 0) return 'free';
  return `${formatCost(pricePerToken * 1_000_000)}/M`;
}

export function formatTokens(count: number): string {
  return `${integer.format(count)} ${count === 1 ? 'token' : 'tokens'}`;
}

/** The key is never shown; its tail is enough to tell two keys apart. */
export function maskKey(last4: string | null): string {
  return last4 ? `sk-or-…${last4}` : 'sk-or-…';
}

/** "openai/gpt-4o-mini" → "gpt-4o-mini": the author is noise in a message footer. */
export function shortModelName(modelId: string): string {
  const slash = modelId.indexOf('/');
  return slash === -1 ? modelId : modelId.slice(slash + 1);
}

/** A moment in the person's own locale and time zone, e.g. "Dec 2, 2026, 1:00 PM". */
export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
