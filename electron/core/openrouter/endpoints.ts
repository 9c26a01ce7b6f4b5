// Reads GET /models/{author}/{slug}/endpoints: the providers serving one model (docs/openrouter-protocol.md, models),
// which the routing settings let a person prefer, require or exclude.

import type { ModelProvider } from '../../../shared/domain';
import { isRecord, nonEmptyStringOrNull, recordAt } from './narrow';

/**
 * The endpoints path for a model id, which the channel's schema has already checked (letters, digits and `/._:~-`,
 * all safe in a path); a variant (":free") stays part of the slug, as OpenRouter takes it.
 */
export const endpointsPath = (modelId: string): string => `/models/${modelId}/endpoints`;

/** One entry per provider (a provider may serve several endpoints), in OpenRouter's order; null when not that shape. */
export function mapEndpoints(body: unknown): ModelProvider[] | null {
  const endpoints = recordAt(body, 'data').endpoints;
  if (!Array.isArray(endpoints)) return null;
  const providers: ModelProvider[] = [];
  for (const endpoint of endpoints) {
    if (!isRecord(endpoint)) continue;
    const slug = nonEmptyStringOrNull(endpoint.tag);
    if (slug === null) continue;
    // "deepinfra/turbo" is an endpoint of the provider "deepinfra"; routing takes either.
    if (providers.some((known) => known.slug === slug)) continue;
    providers.push({ slug, name: nonEmptyStringOrNull(endpoint.provider_name) ?? slug });
  }
  return providers;
}
