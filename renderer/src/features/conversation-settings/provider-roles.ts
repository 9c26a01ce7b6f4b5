// Renderer: one choice per provider (any, prefer, only, never) read from and written to the routing lists OpenRouter
// takes (order, only, ignore). A provider is in at most one list.

import type { RoutingSettings } from '../../../../shared/conversation-settings';

export const providerRoles = ['any', 'prefer', 'only', 'never'] as const;
export type ProviderRole = (typeof providerRoles)[number];

const listOf = { prefer: 'order', only: 'only', never: 'ignore' } as const;
type ListName = (typeof listOf)[keyof typeof listOf];

export function roleOf(routing: RoutingSettings, provider: string): ProviderRole {
  if (routing.order?.includes(provider)) return 'prefer';
  if (routing.only?.includes(provider)) return 'only';
  if (routing.ignore?.includes(provider)) return 'never';
  return 'any';
}

/**
 * The routing changes that give `provider` this role: out of every list, then appended to its new one (so preferred
 * providers are tried in the order they were chosen). An emptied list becomes undefined, which removes it.
 */
export function withRole(routing: RoutingSettings, provider: string, role: ProviderRole): Partial<RoutingSettings> {
  const changes: Partial<Record<ListName, string[] | undefined>> = {};
  for (const name of Object.values(listOf)) {
    const kept = (routing[name] ?? []).filter((item) => item !== provider);
    if (role !== 'any' && listOf[role] === name) kept.push(provider);
    changes[name] = kept.length > 0 ? kept : undefined;
  }
  return changes;
}
