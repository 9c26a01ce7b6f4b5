// Contract: what the core tells every connected window without being asked. One mechanism for every kind of news:
// the core's router merges them into one subscription (electron/core/router.ts), the web host sends each as a
// `broadcast` frame on every socket and Electron main on one IPC channel to every window showing the app, and
// createDesktopApi (shared/api.ts) hands each kind to the page's own listeners.

import type { LibraryEvent } from './library';
import type { AppPreferences } from './preferences';

export type CoreEvent =
  /** A change to the conversation list made in any window, this one included (shared/library.ts). */
  | { topic: 'library'; event: LibraryEvent }
  /**
   * The app's preferences as kept after a change made in any window (the theme, the notifications switch), so every
   * window shows the new choice at once. The sidebar's width is not among them: it is each window's own layout.
   */
  | { topic: 'preferences'; preferences: AppPreferences };

/** The Electron IPC channel main sends core events on (main to page only; the web host sends `broadcast` frames). */
export const coreEventChannel = 'core:event';
