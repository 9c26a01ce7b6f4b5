// Fuzzy search over the model catalogue with uFuzzy: typo-tolerant ("sonet"), word-order free ("70 llama"), and fast
// enough to run on every keystroke over a thousand models (README, "Library choices"; `npm run bench -- models`).

import uFuzzy from '@leeoniya/ufuzzy';
import type { ModelSummary } from '../../../../shared/domain';

/**
 * One error (insertion, substitution, transposition or deletion) per term of five characters or more; shorter terms
 * follow uFuzzy's stricter rules for short words, so "r1" or "4o" do not match everything.
 */
const matcher = new uFuzzy({ intraMode: 1, intraIns: 1, intraSub: 1, intraTrn: 1, intraDel: 1 });

/** What a model is found by: its name, id and author, and the words people type for a kind of model. */
export function searchText(model: ModelSummary): string {
  const words = [model.name, model.id, model.author];
  if (model.isFree) words.push('free');
  if (model.isRouter) words.push('router');
  return words.join(' ');
}

export interface SearchIndex {
  readonly models: readonly ModelSummary[];
  readonly haystack: readonly string[];
}

const indexes = new WeakMap<readonly ModelSummary[], SearchIndex>();

/** Built once per catalogue, so opening the palette again costs nothing. */
export function searchIndex(models: readonly ModelSummary[]): SearchIndex {
  let index = indexes.get(models);
  if (!index) {
    index = { models, haystack: models.map(searchText) };
    indexes.set(models, index);
  }
  return index;
}

/**
 * Positions in the catalogue of the models matching `query`, best first; null for an empty query (everything, in
 * catalogue order). An exact id always comes first. Terms are matched in the order typed first; only when that finds
 * nothing are they tried in any order, which costs more and is needed less.
 */
export function searchModels(index: SearchIndex, query: string): number[] | null {
  const needle = query.trim();
  if (needle === '') return null;
  const haystack = index.haystack as string[];
  const ranked = rankedMatches(haystack, needle, 0);
  const order = ranked.length > 0 ? ranked : rankedMatches(haystack, needle, 1);
  const exact = index.models.findIndex((model) => model.id.toLowerCase() === needle.toLowerCase());
  if (exact === -1) return order;
  return [exact, ...order.filter((position) => position !== exact)];
}

function rankedMatches(haystack: string[], needle: string, outOfOrder: 0 | 1): number[] {
  const [idxs, info, order] = matcher.search(haystack, needle, outOfOrder);
  if (!idxs) return [];
  // uFuzzy skips ranking when too many match (a one-letter query); the catalogue order stands in then.
  if (!info || !order) return [...idxs];
  return order.map((position) => info.idx[position] as number);
}
