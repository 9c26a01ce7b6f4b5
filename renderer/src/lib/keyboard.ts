// Renderer: the page's side of the shortcut table (shared/shortcuts.ts): which platform's primary key applies, whether a
// key event is a given shortcut, and how its keys are written on screen. Every window-wide key handler asks here.

import {
  type KeyPlatform,
  type KeyPress,
  type ShortcutId,
  ariaKeyShortcuts,
  formatAccelerator,
  matchesAccelerator,
  shortcut,
} from '../../../shared/shortcuts';

/** Cmd on macOS, Ctrl elsewhere (the page cannot ask the OS; the browser's platform string is what it has). */
export const keyPlatform = (): KeyPlatform =>
  typeof navigator !== 'undefined' && navigator.platform.startsWith('Mac') ? 'mac' : 'other';

/** True when the event is exactly this shortcut's keys; never for the window's own (zoom). */
export function isShortcut(id: ShortcutId, event: KeyPress): boolean {
  const entry = shortcut(id);
  return entry.handledBy === 'page' && matchesAccelerator(entry.accelerator, event, keyPlatform());
}

/** `Ctrl+Shift+F` or `⇧⌘F`, for hints, titles and the shortcuts sheet. */
export const shortcutLabel = (id: ShortcutId): string => formatAccelerator(shortcut(id).accelerator, keyPlatform());

/** The value for an `aria-keyshortcuts` attribute. */
export const shortcutAria = (id: ShortcutId): string => ariaKeyShortcuts(shortcut(id).accelerator, keyPlatform());
