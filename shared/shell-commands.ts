// Contract: what the desktop app's own surfaces (the native menu, a notification) ask the page to do. The page runs
// the very action its keyboard shortcut runs, so a menu item and its keys cannot do two different things. The web
// host has no such surfaces: there the page simply never hears a command.

import type { ShortcutId } from './shortcuts';

export type ShellCommand =
  /** A shortcut of the table chosen from the menu (or by its accelerator, when the page did not take the keys). */
  | { type: 'shortcut'; id: ShortcutId }
  /** Help › About (macOS: the app menu's About): the page's About dialog, which has the versions and the data folder. */
  | { type: 'show-about' }
  /** A notification was clicked: show that conversation. */
  | { type: 'open-conversation'; conversationId: string };

/** The Electron IPC channel main sends commands on (main to page only; the page never sends on it). */
export const shellCommandChannel = 'shell:command';

/** What the preload exposes as `window.shell` beside `window.api`; absent on the web host. */
export interface DesktopShell {
  /** Returns the function that stops listening. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
}
