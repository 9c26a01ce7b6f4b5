// Renderer: one window-wide shortcut from the table (shared/shortcuts.ts) for as long as a component is mounted: its
// keys, and the same action for the desktop menu's item (lib/shortcut-actions.ts).

import { useEffect, useRef } from 'react';
import type { ShortcutId } from '../../../shared/shortcuts';
import { isShortcut } from './keyboard';
import { type ShortcutAction, registerShortcutAction } from './shortcut-actions';

/**
 * Runs `action` when the shortcut's keys are pressed anywhere in the window (unless something handled them first or an
 * input method is composing) or its menu item is chosen. The action says whether it took the shortcut; only then are
 * the keys' other meanings prevented — e.g. Settings declines under another dialog.
 */
export function useShortcut(id: ShortcutId, action: ShortcutAction): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || !isShortcut(id, event)) return;
      if (latest.current()) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    const unregister = registerShortcutAction(id, () => latest.current());
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unregister();
    };
  }, [id]);
}
