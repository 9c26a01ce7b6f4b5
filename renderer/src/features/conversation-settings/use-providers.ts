// Renderer: the provider slugs serving a model, for the routing choices; null while they load.

import { useEffect } from 'react';
import { useAppStore } from '../../store/use-app-store';

export function useProviders(model: string | null): string[] | null {
  const providers = useAppStore((s) => (model === null ? undefined : s.modelProviders[model]));
  const load = useAppStore((s) => s.loadModelProviders);
  useEffect(() => {
    if (model !== null && providers === undefined) void load(model);
  }, [model, providers, load]);
  if (model === null) return [];
  return providers === undefined ? null : providers.map((provider) => provider.slug);
}
