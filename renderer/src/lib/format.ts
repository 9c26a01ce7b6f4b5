// Money and token wording. Fixed to en-US so figures read the same on every machine and in tests.

import { fromPico, toPico, type Usd } from '../../../shared/money';

const grouped = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const picoPerCent = 10_000_000_000n;
/** Below this, compact places (a header, a status bar) say "<$0.0001" instead of a long fraction. */
const compactFloorPico = 100_000_000n;

/** Rounds half away from zero to a multiple of `step`. */
function roundTo(pico: bigint, step: bigint): bigint {
  return ((pico + step / 2n) / step) * step;
}

/** "1234567" → "1,234,567", for whole dollars of any size. */
function groupDigits(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function dollarsAndCents(pico: bigint): string {
  const cents = roundTo(pico, picoPerCent) / picoPerCent;
  return `${groupDigits((cents / 100n).toString())}.${(cents % 100n).toString().padStart(2, '0')}`;
}

/** Two significant digits of a positive amount, as a plain decimal. */
function twoSignificant(pico: bigint): string {
  const digits = pico.toString().length;
  return fromPico(digits <= 2 ? pico : roundTo(pico, 10n ** BigInt(digits - 2)));
}

/**
 * A charge, which is often a fraction of a cent: tiny amounts keep two significant digits ($0.000024) so they do not
 * collapse to $0.00; cents and dollars read as money ($0.15, $1.20, $1,234.50). `compact` caps tiny ones at
 * "<$0.0001". Works on the exact decimal (never a float), so what is shown is the recorded figure rounded once.
 * This file is the one owner of money wording; `formatExactCost` gives the figure to the last digit.
 */
export function formatCost(usd: Usd | number, options: { compact?: boolean } = {}): string {
  const pico = toPico(usd);
  if (pico === null) return '—';
  if (pico === 0n) return '$0';
  const abs = pico < 0n ? -pico : pico;
  const sign = pico < 0n ? '-' : '';
  if (options.compact && pico > 0n && abs < compactFloorPico) return '<$0.0001';
  if (abs >= picoPerCent * 100n) return `${sign}$${dollarsAndCents(abs)}`;
  const text = twoSignificant(abs);
  // Keep cents looking like cents: $0.50 rather than $0.5.
  return `${sign}$${abs >= picoPerCent && /\.\d$/.test(text) ? `${text}0` : text}`;
}

/** The recorded figure to its last digit, with grouping: "$0.00010425", "$1,234.5". */
export function formatExactCost(usd: Usd | number): string {
  const pico = toPico(usd);
  if (pico === null) return '—';
  const text = fromPico(pico < 0n ? -pico : pico);
  const [whole = '0', fraction] = text.split('.');
  return `${pico < 0n ? '-' : ''}$${groupDigits(whole)}${fraction ? `.${fraction}` : ''}`;
}

function withSign(usd: number, body: (abs: number) => string): string {
  return usd < 0 ? `-$${body(-usd)}` : `$${body(usd)}`;
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
