// Contract: the app's own preferences (not a conversation's, not the model feature's): the colour theme and whether
// a finished reply is announced by a system notification.
// Kept by the core in the history database, so the desktop app and the web host (whose origin changes with its port,
// so page storage would forget) remember them alike.

import { z } from 'zod';

/** "system" follows the OS (prefers-color-scheme; nativeTheme in Electron). */
export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

export interface AppPreferences {
  theme: ThemeChoice;
  /**
   * A system notification when a reply finishes or fails while the window is not focused (and the count of replies
   * finished unread on the dock or taskbar). On by default; the web host also needs the browser's permission.
   */
  notifications: boolean;
}

export const defaultPreferences: AppPreferences = { theme: 'system', notifications: true };

export const preferencesSetThemeSchema = z.object({ theme: z.enum(themeChoices) }).strict();
export const preferencesSetNotificationsSchema = z.object({ enabled: z.boolean() }).strict();

/**
 * The sidebar's width in CSS pixels, dragged (or moved with the arrow keys) by the person. Kept by the core beside the
 * theme rather than in the desktop app's window-state.json: the page owns the width, and the core is what both hosts
 * share (the web host has no main process, and its page storage forgets with each new port).
 */
export const sidebarWidthRange = { min: 220, max: 420, default: 260 } as const;
export const sidebarWidthSchema = z
  .object({ width: z.number().int().min(sidebarWidthRange.min).max(sidebarWidthRange.max) })
  .strict();
