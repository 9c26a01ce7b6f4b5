// Renderer: what each page shortcut does, registered once by the component that owns it, so its keys and the desktop
// menu's item (shared/shell-commands.ts) run the very same function. An action answers whether it took the shortcut:
// for keys, that decides whether the browser's own meaning of them is prevented.

import type { ShortcutId } from '../../../shared/shortcuts';

/** True when it acted (or claimed the keys); false when it declined here and now (a dialog open, nothing to do). */
export type ShortcutAction = () => boolean;

const actions = new Map<ShortcutId, Set<ShortcutAction>>();

/** Returns the function that removes it (the owning component unmounted). */
export function registerShortcutAction(id: ShortcutId, action: ShortcutAction): () => void {
  let set = actions.get(id);
  if (!set) actions.set(id, (set = new Set()));
  set.add(action);
  return () => void actions.get(id)?.delete(action);
}

/** Runs the shortcut's action as its keys would; false when none is mounted or it declined. */
export function runShortcutAction(id: ShortcutId): boolean {
  for (const action of [...(actions.get(id) ?? [])]) if (action()) return true;
  return false;
}
