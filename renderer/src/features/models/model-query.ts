// What the palette lists: the catalogue searched, filtered and sorted, with favorites and recents first.

import type { ModelSummary } from '../../../../shared/domain';
import { searchIndex, searchModels } from './model-search';

export type InputModalityFilter = 'image' | 'file' | 'audio';

export interface ModelFilters {
  freeOnly: boolean;
  /** USD per million tokens; null = any. A variable or unknown price never passes a price cap. */
  maxInputPrice: number | null;
  maxOutputPrice: number | null;
  /** Tokens; null = any. */
  minContext: number | null;
  /** Every one listed must be accepted. */
  inputModalities: InputModalityFilter[];
  imageOutput: boolean;
  reasoning: boolean;
  tools: boolean;
  structuredOutput: boolean;
}

export const noFilters: ModelFilters = {
  freeOnly: false,
  maxInputPrice: null,
  maxOutputPrice: null,
  minContext: null,
  inputModalities: [],
  imageOutput: false,
  reasoning: false,
  tools: false,
  structuredOutput: false,
};

export type ModelSort = 'relevance' | 'price' | 'context' | 'newest' | 'name';

export const sortLabels: Record<ModelSort, string> = {
  relevance: 'Relevance',
  price: 'Price (lowest first)',
  context: 'Context (longest first)',
  newest: 'Newest',
  name: 'Name',
};

export function activeFilterCount(filters: ModelFilters): number {
  return (
    Number(filters.freeOnly) +
    Number(filters.maxInputPrice !== null) +
    Number(filters.maxOutputPrice !== null) +
    Number(filters.minContext !== null) +
    filters.inputModalities.length +
    Number(filters.imageOutput) +
    Number(filters.reasoning) +
    Number(filters.tools) +
    Number(filters.structuredOutput)
  );
}

const perMillion = (perToken: number | null) => (perToken === null ? null : perToken * 1_000_000);

function underCap(perToken: number | null, capPerMillion: number | null): boolean {
  if (capPerMillion === null) return true;
  const price = perMillion(perToken);
  return price !== null && price <= capPerMillion + 1e-9;
}

export function matchesFilters(model: ModelSummary, filters: ModelFilters): boolean {
  if (filters.freeOnly && !model.isFree) return false;
  if (!underCap(model.promptPrice, filters.maxInputPrice)) return false;
  if (!underCap(model.completionPrice, filters.maxOutputPrice)) return false;
  if (filters.minContext !== null && (model.contextLength ?? 0) < filters.minContext) return false;
  if (!filters.inputModalities.every((kind) => model.inputModalities.includes(kind))) return false;
  if (filters.imageOutput && !model.outputModalities.includes('image')) return false;
  if (filters.reasoning && !model.supportsReasoning) return false;
  if (filters.tools && !model.supportsTools) return false;
  if (filters.structuredOutput && !model.supportsStructuredOutput) return false;
  return true;
}

/** Unknown figures sort last whichever way the list runs. */
function byNumber(value: (model: ModelSummary) => number | null, direction: 1 | -1) {
  return (a: ModelSummary, b: ModelSummary) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x - y) * direction;
  };
}

const comparators: Record<Exclude<ModelSort, 'relevance'>, (a: ModelSummary, b: ModelSummary) => number> = {
  price: byNumber(
    (m) => (m.promptPrice === null || m.completionPrice === null ? null : m.promptPrice + m.completionPrice),
    1,
  ),
  context: byNumber((m) => m.contextLength, -1),
  newest: byNumber((m) => m.created, -1),
  name: (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
};

export interface ModelQuery {
  query: string;
  filters: ModelFilters;
  sort: ModelSort;
  favorites: readonly string[];
  recents: readonly string[];
}

/**
 * The palette's list. Relevance without a query: favorites (in the order starred), then recents (newest first), then
 * the catalogue in OpenRouter's order. Relevance with a query: best match first. Any other sort orders the matches by
 * that figure alone, so "cheapest" means cheapest.
 */
export function queryModels(models: readonly ModelSummary[], query: ModelQuery): ModelSummary[] {
  const positions = searchModels(searchIndex(models), query.query);
  const matched = positions === null ? [...models] : positions.map((position) => models[position] as ModelSummary);
  const kept = matched.filter((model) => matchesFilters(model, query.filters));
  if (query.sort !== 'relevance') return kept.sort(comparators[query.sort]);
  if (positions !== null) return kept;
  return pinnedFirst(kept, query.favorites, query.recents);
}

function pinnedFirst(models: ModelSummary[], favorites: readonly string[], recents: readonly string[]): ModelSummary[] {
  const rank = new Map<string, number>();
  favorites.forEach((id, i) => rank.set(id, i));
  recents.forEach((id, i) => {
    if (!rank.has(id)) rank.set(id, favorites.length + i);
  });
  const pinned = models.filter((model) => rank.has(model.id));
  pinned.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  return [...pinned, ...models.filter((model) => !rank.has(model.id))];
}
