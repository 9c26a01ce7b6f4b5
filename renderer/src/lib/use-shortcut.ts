// Renderer: one window-wide shortcut from the table (shared/shortcuts.ts) for as long as a component is mounted.

import { useEffect, useRef } from 'react';
import type { ShortcutId } from '../../../shared/shortcuts';
import { isShortcut } from './keyboard';

/**
 * Calls `onPress` when the shortcut's keys are pressed anywhere in the window, unless something handled them first or
 * an input method is composing. `onPress` decides whether to take the keys (preventDefault) — e.g. not under a dialog.
 */
export function useShortcut(id: ShortcutId, onPress: (event: KeyboardEvent) => void): void {
  const latest = useRef(onPress);
  useEffect(() => {
    latest.current = onPress;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || !isShortcut(id, event)) return;
      latest.current(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [id]);
}
