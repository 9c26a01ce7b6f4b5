// Renderer: whether the window is too narrow for the sidebar beside the conversation (ui.md: below ~900 px it
// collapses to a toggle and opens as an overlay). The width lives here and in history.css's media query, together.

import { useSyncExternalStore } from 'react';

/** Keep in step with the `@media (max-width: 899.98px)` rules in history.css. */
export const narrowWindowQuery = '(max-width: 899.98px)';

const query = () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(narrowWindowQuery) : null);

function subscribe(onChange: () => void): () => void {
  const list = query();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

export const isNarrowWindow = (): boolean => query()?.matches ?? false;

export function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribe, isNarrowWindow, () => false);
}
