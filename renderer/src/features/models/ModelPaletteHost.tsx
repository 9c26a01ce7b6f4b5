// Renderer: mounts the model palette when asked, and installs its shortcut, Ctrl/Cmd+K, for the whole window.

import { useState } from 'react';
import { appStore, useAppStore } from '../../store/use-app-store';
import { composerInputId } from '../chat/Composer';
import { compareInputId } from '../compare/CompareComposer';
import { ModelPalette, type PaletteView } from './ModelPalette';
import { noFilters } from './model-query';
import { useShortcut } from '../../lib/use-shortcut';

export function useModelPaletteShortcut(): void {
  useShortcut('model-palette', () => {
    const state = appStore.getState();
    // The same keys close it again, as in other palettes.
    if (state.modelPalette) state.closeModelPalette();
    else state.openModelPalette('conversation');
    return true;
  });
}

export function ModelPaletteHost() {
  const purpose = useAppStore((s) => s.modelPalette);
  const close = useAppStore((s) => s.closeModelPalette);
  const requires = useAppStore((s) => s.modelPaletteRequires);
  const [view, setView] = useState<PaletteView>({ filters: noFilters, sort: 'relevance' });
  // Once opened, the palette stays mounted (closed) for the session: people open it many times a day, and showing a
  // built dialog again is much cheaper than building it (bench `models`). A change of purpose builds it afresh.
  const [lastPurpose, setLastPurpose] = useState(purpose);
  if (purpose !== null && purpose !== lastPurpose) setLastPurpose(purpose);
  // Opened from the composer to find a model that takes the attached images: that filter is on, whatever was left.
  const [applied, setApplied] = useState(requires);
  if (applied !== requires) {
    setApplied(requires);
    const missing = requires.filter((kind) => !view.filters.inputModalities.includes(kind));
    if (missing.length > 0) {
      setView({
        ...view,
        filters: { ...view.filters, inputModalities: [...view.filters.inputModalities, ...missing] },
      });
    }
  }
  useModelPaletteShortcut();
  if (!lastPurpose) return null;
  return (
    <ModelPalette
      key={lastPurpose}
      open={purpose !== null}
      purpose={lastPurpose}
      view={view}
      onView={setView}
      onClose={() => {
        close();
        // Back to writing: choosing a model is usually the step before a message.
        if (lastPurpose === 'conversation')
          requestAnimationFrame(() => document.getElementById(composerInputId)?.focus());
        if (lastPurpose === 'compare') requestAnimationFrame(() => document.getElementById(compareInputId)?.focus());
      }}
    />
  );
}
