// How a catalogue entry reads: prices, sizes, the display name, the retirement date. Fixed to en-US like other figures.

import type { ModelSummary } from '../../../../shared/domain';
import { formatCost, formatPricePerMillion } from '../../lib/format';

/** "OpenAI: GPT-4o-mini" → "GPT-4o-mini": the author is shown apart. */
export function displayName(model: Pick<ModelSummary, 'name'>): string {
  const colon = model.name.indexOf(': ');
  return colon > 0 && colon < 40 ? model.name.slice(colon + 2) : model.name;
}

/** Input and output per million tokens: "free", "variable", or "$0.15 in · $0.60 out". */
export function priceSummary(model: ModelSummary): string {
  if (model.isFree) return 'free';
  if (model.promptPrice === null || model.completionPrice === null) return 'variable';
  return `${formatPricePerMillion(model.promptPrice)} in · ${formatPricePerMillion(model.completionPrice)} out`;
}

/** "$0.15/$0.60" for the header chip: two figures per million tokens. */
export function compactPrice(model: ModelSummary): string {
  if (model.isFree) return 'free';
  if (model.promptPrice === null || model.completionPrice === null) return 'variable price';
  const m = (perToken: number) => formatCost(perToken * 1_000_000);
  return `${m(model.promptPrice)}/${m(model.completionPrice)} per M`;
}

/** Charges besides tokens, e.g. ["$0.005 per request", "$0.00022 per image"]. */
export function extraPriceLines(model: ModelSummary): string[] {
  const { request, image, webSearch } = model.extraPrices;
  const lines: string[] = [];
  if (request !== null) lines.push(`${formatCost(request)} per request`);
  if (image !== null) lines.push(`${formatCost(image)} per image`);
  if (webSearch !== null) lines.push(`${formatCost(webSearch)} per web search`);
  return lines;
}

const compactWhole = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 0 });
const compactTenths = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 16384 → "16K", 128000 → "128K", 1048576 → "1M", 8192 → "8.2K"; "—" when unknown. */
export function formatTokenCount(tokens: number | null): string {
  if (tokens === null) return '—';
  // Tenths only where they change the reading: under ten thousand, and for millions.
  return (tokens >= 10_000 && tokens < 1_000_000 ? compactWhole : compactTenths).format(tokens);
}

/** "Dec 31, 2026" from "2026-12-31" (read as that calendar day wherever the person is); the raw text if unreadable. */
export function formatRetirement(date: string): string {
  const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  if (Number.isNaN(parsed)) return date;
  return new Date(parsed).toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
}

/** The model's page on OpenRouter's site: the id without a variant suffix such as ":free". */
export function openRouterPageUrl(id: string): string {
  const base = id.replace(/:[\w-]+$/, '');
  return `https://openrouter.ai/${base.split('/').map(encodeURIComponent).join('/')}`;
}

/** Descriptions are Markdown from the catalogue; links become their text, since the palette shows plain text. */
export function plainDescription(text: string): string {
  return text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').trim();
}
