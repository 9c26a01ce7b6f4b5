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
 * The sidebar's width in CSS pixels, dragged (or moved with the arrow keys) by the person. The page asks for it and
 * sets it through `preferences:sidebar-width` / `preferences:set-sidebar-width` on either host, and each host keeps it
 * where the window's layout lives: the web host's core keeps one width (its one "display" is the browser window, and
 * the page's storage forgets with each new port); the desktop app's main answers both calls itself and keeps the
 * width with the window's place, per arrangement of displays (electron/main/sidebar-width.ts).
 */
export const sidebarWidthRange = { min: 220, max: 420, default: 260 } as const;
export const sidebarWidthSchema = z
  .object({ width: z.number().int().min(sidebarWidthRange.min).max(sidebarWidthRange.max) })
  .strict();
