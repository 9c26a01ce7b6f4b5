// Narrows the model catalogue as the person types in the model picker.

import type { ModelSummary } from '../../../shared/domain';

/**
 * Every word of the query must appear in the id or the name, so "claude sonnet" and "anthropic/claude" both work.
 * Ids that start with the query rank first: typing an exact id puts it at the top.
 */
export function filterModels(models: readonly ModelSummary[], query: string, limit = 50): ModelSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return models.slice(0, limit);
  const whole = query.trim().toLowerCase();
  const matches = models.filter((model) => {
    const haystack = `${model.id} ${model.name}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const rank = (model: ModelSummary) => (model.id.toLowerCase().startsWith(whole) ? 0 : 1);
  // Array.prototype.sort is stable, so the catalogue order survives within each rank.
  return matches.sort((a, b) => rank(a) - rank(b)).slice(0, limit);
}
