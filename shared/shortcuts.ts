// Contract: every keyboard shortcut of the app, named once. The desktop menu takes its accelerators from here, the
// renderer matches key events against the same strings (matchesShortcut) and the Keyboard Shortcuts sheet lists them,
// so a shortcut cannot say one thing in the menu and do another in the page.

export type ShortcutId =
  | 'new-chat'
  | 'new-compare'
  | 'model-palette'
  | 'search'
  | 'find'
  | 'stop'
  | 'copy-last-reply'
  | 'attach-files'
  | 'undo-delete'
  | 'toggle-sidebar'
  | 'settings'
  | 'spend'
  | 'toggle-theme'
  | 'shortcuts-sheet'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-reset';

export type ShortcutGroup = 'Conversations' | 'Chat' | 'Window' | 'Help';

export interface Shortcut {
  id: ShortcutId;
  /** What it does, as the sheet and the menu name it. */
  label: string;
  group: ShortcutGroup;
  /**
   * Electron's accelerator syntax (`CmdOrCtrl+Shift+F`, `Escape`): Cmd on macOS, Ctrl elsewhere. The renderer parses
   * the same string, so there is no second spelling of the keys.
   */
  accelerator: string;
  /**
   * Who acts on it: the page's own key handling, or the window itself — zoom is Electron's menu roles in the desktop
   * app and the browser's own zoom on the web host, so the page must not take those keys.
   */
  handledBy: 'page' | 'window';
  /** When it applies, if not always, as the sheet words it ("in a narrow window"). */
  when?: string;
}

export const shortcuts: readonly Shortcut[] = [
  { id: 'new-chat', label: 'New chat', group: 'Conversations', accelerator: 'CmdOrCtrl+N', handledBy: 'page' },
  // Shift+K: the palette's key (K), for choosing several models. Ctrl+Shift+M is the browser's profile menu.
  {
    id: 'new-compare',
    label: 'New compare of 2–4 models side by side',
    group: 'Conversations',
    accelerator: 'CmdOrCtrl+Shift+K',
    handledBy: 'page',
  },
  {
    id: 'search',
    label: 'Search all conversations',
    group: 'Conversations',
    accelerator: 'CmdOrCtrl+Shift+F',
    handledBy: 'page',
  },
  {
    id: 'find',
    label: 'Find in this conversation',
    group: 'Conversations',
    accelerator: 'CmdOrCtrl+F',
    handledBy: 'page',
    when: 'with a conversation open',
  },
  {
    id: 'undo-delete',
    label: 'Undo delete',
    group: 'Conversations',
    accelerator: 'CmdOrCtrl+Z',
    handledBy: 'page',
    when: 'just after deleting, outside a text field',
  },
  {
    id: 'model-palette',
    label: 'Choose a model',
    group: 'Chat',
    accelerator: 'CmdOrCtrl+K',
    handledBy: 'page',
  },
  {
    id: 'stop',
    label: 'Stop the reply',
    group: 'Chat',
    accelerator: 'Escape',
    handledBy: 'page',
    when: 'while a reply arrives',
  },
  {
    id: 'copy-last-reply',
    label: 'Copy the last reply',
    group: 'Chat',
    accelerator: 'CmdOrCtrl+Shift+C',
    handledBy: 'page',
  },
  // U for upload, as in other chat apps; the browser's view-source on Ctrl+U gives way to the page.
  {
    id: 'attach-files',
    label: 'Attach files',
    group: 'Chat',
    accelerator: 'CmdOrCtrl+U',
    handledBy: 'page',
  },
  {
    id: 'toggle-sidebar',
    label: 'Show or hide conversations',
    group: 'Window',
    accelerator: 'CmdOrCtrl+B',
    handledBy: 'page',
    when: 'in a narrow window',
  },
  { id: 'settings', label: 'Settings', group: 'Window', accelerator: 'CmdOrCtrl+,', handledBy: 'page' },
  { id: 'spend', label: 'Spend', group: 'Window', accelerator: 'CmdOrCtrl+Shift+S', handledBy: 'page' },
  // L for light: Ctrl+Shift+T (reopen tab) and Ctrl+Shift+D (bookmark all) belong to browsers.
  {
    id: 'toggle-theme',
    label: 'Switch between light and dark',
    group: 'Window',
    accelerator: 'CmdOrCtrl+Shift+L',
    handledBy: 'page',
  },
  { id: 'zoom-in', label: 'Zoom in', group: 'Window', accelerator: 'CmdOrCtrl+=', handledBy: 'window' },
  { id: 'zoom-out', label: 'Zoom out', group: 'Window', accelerator: 'CmdOrCtrl+-', handledBy: 'window' },
  { id: 'zoom-reset', label: 'Actual size', group: 'Window', accelerator: 'CmdOrCtrl+0', handledBy: 'window' },
  {
    id: 'shortcuts-sheet',
    label: 'Keyboard shortcuts',
    group: 'Help',
    accelerator: 'CmdOrCtrl+/',
    handledBy: 'page',
  },
];

export const shortcutGroups: readonly ShortcutGroup[] = ['Conversations', 'Chat', 'Window', 'Help'];

export function shortcut(id: ShortcutId): Shortcut {
  const found = shortcuts.find((s) => s.id === id);
  // The id type lists exactly the table's ids; a test keeps the two in step.
  if (!found) throw new Error(`No shortcut ${id}`);
  return found;
}

/** An accelerator taken apart: the primary modifier (Cmd on macOS, Ctrl elsewhere), Shift, Alt and one key. */
export interface KeyCombo {
  primary: boolean;
  shift: boolean;
  alt: boolean;
  /** As KeyboardEvent.key reports it, lower-cased for letters: `k`, `,`, `/`, `Escape`. */
  key: string;
}

/** Electron's names for keys that are not their own character. Only the ones the table uses or may soon. */
const namedKeys: Record<string, string> = {
  escape: 'Escape',
  esc: 'Escape',
  plus: '+',
  space: ' ',
  enter: 'Enter',
  return: 'Enter',
  tab: 'Tab',
};

export function parseAccelerator(accelerator: string): KeyCombo {
  // `CmdOrCtrl++` would hold an empty part; the table spells that key `Plus`, as Electron asks.
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  const combo: KeyCombo = { primary: false, shift: false, alt: false, key: '' };
  for (const modifier of parts) {
    switch (modifier.toLowerCase()) {
      case 'cmdorctrl':
      case 'commandorcontrol':
        combo.primary = true;
        break;
      case 'shift':
        combo.shift = true;
        break;
      case 'alt':
      case 'option':
        combo.alt = true;
        break;
      default:
        throw new Error(`Unsupported modifier ${modifier} in ${accelerator}`);
    }
  }
  if (key === '') throw new Error(`No key in ${accelerator}`);
  combo.key = namedKeys[key.toLowerCase()] ?? (key.length === 1 ? key.toLowerCase() : key);
  return combo;
}

/** What a key event carries that matters here (a DOM KeyboardEvent has all of it). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type KeyPlatform = 'mac' | 'other';

/**
 * True when the press is exactly the accelerator: the primary modifier (Cmd on macOS, Ctrl elsewhere), Shift and
 * Alt each present exactly when asked for, so Ctrl+F is never taken for Ctrl+Shift+F. The other platform's modifier
 * (Ctrl on macOS, the Windows key elsewhere) is not looked at, as before this table existed.
 */
export function matchesAccelerator(accelerator: string, event: KeyPress, platform: KeyPlatform): boolean {
  const combo = parseAccelerator(accelerator);
  const primary = platform === 'mac' ? event.metaKey : event.ctrlKey;
  if (primary !== combo.primary || event.shiftKey !== combo.shift || event.altKey !== combo.alt) return false;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return key === combo.key;
}

const macSymbols: Record<string, string> = { Escape: 'Esc', ' ': 'Space', Enter: '↩', Tab: '⇥' };
const otherNames: Record<string, string> = { Escape: 'Esc', ' ': 'Space', Enter: 'Enter', Tab: 'Tab' };

/** How the keys are written on screen: `⇧⌘F` on macOS (Apple's order: ⌥ ⇧ ⌘), `Ctrl+Shift+F` elsewhere. */
export function formatAccelerator(accelerator: string, platform: KeyPlatform): string {
  const combo = parseAccelerator(accelerator);
  const key = (platform === 'mac' ? macSymbols : otherNames)[combo.key] ?? combo.key.toUpperCase();
  if (platform === 'mac') return `${combo.alt ? '⌥' : ''}${combo.shift ? '⇧' : ''}${combo.primary ? '⌘' : ''}${key}`;
  return [combo.primary ? 'Ctrl' : '', combo.alt ? 'Alt' : '', combo.shift ? 'Shift' : '', key]
    .filter(Boolean)
    .join('+');
}

/** The keys in the form of the `aria-keyshortcuts` attribute (`Control+Shift+F`, `Meta+K`, `Escape`). */
export function ariaKeyShortcuts(accelerator: string, platform: KeyPlatform): string {
  const combo = parseAccelerator(accelerator);
  const key = combo.key === ' ' ? 'Space' : combo.key.length === 1 ? combo.key.toUpperCase() : combo.key;
  return [
    combo.primary ? (platform === 'mac' ? 'Meta' : 'Control') : '',
    combo.alt ? 'Alt' : '',
    combo.shift ? 'Shift' : '',
    key,
  ]
    .filter(Boolean)
    .join('+');
}
