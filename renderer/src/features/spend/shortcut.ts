// The Spend view's shortcut, named once for the key handler, the status bar and the shortcut hints.

/** Ctrl/Cmd+Shift+S ("S" for spend): not one of the reserved chat, palette or search shortcuts. */
export const spendShortcutKey = 's';

export const isMac = () => typeof navigator !== 'undefined' && navigator.platform.startsWith('Mac');

export const spendShortcutLabel = () => (isMac() ? '⌘⇧S' : 'Ctrl+Shift+S');

export const isSpendShortcut = (event: KeyboardEvent): boolean =>
  (isMac() ? event.metaKey : event.ctrlKey) &&
  event.shiftKey &&
  !event.altKey &&
  event.key.toLowerCase() === spendShortcutKey;
