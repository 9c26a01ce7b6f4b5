// Renderer store slice: the colour theme and the sidebar's width (kept by the core, so both hosts remember them) and
// the Keyboard Shortcuts sheet. The page applies the theme at once and saves it after, so switching is live even on a
// slow disk; a change made in another window arrives from the core (applyPreferences) and shows here too.

import {
  type AppPreferences,
  type ThemeChoice,
  defaultPreferences,
  sidebarWidthRange,
} from '../../../../shared/preferences';
import type { AppError } from '../../../../shared/result';
import type { SliceCreator } from '../../store/types';

export interface AppearanceSlice {
  /** The person's choice; "system" until the core answers (or when the history cannot be read). */
  theme: ThemeChoice;
  shortcutsSheetOpen: boolean;
  /** System notifications for replies finished in the background (on by default; kept by the core). */
  notifications: boolean;
  loadPreferences(): Promise<void>;
  /** The preferences as the core kept them after a change in any window (this one too): shown at once. */
  applyPreferences(preferences: AppPreferences): void;
  /** Applies the theme at once and keeps it; the error, if it could not be kept (it still applies until restart). */
  setTheme(theme: ThemeChoice): Promise<AppError | null>;
  /** The shortcut: the other one of light and dark from what is on screen now (`systemDark`: what the OS shows). */
  toggleTheme(systemDark: boolean): Promise<AppError | null>;
  setShortcutsSheetOpen(open: boolean): void;
  /** Keeps the switch; the error, if it could not be kept. */
  setNotifications(enabled: boolean): Promise<AppError | null>;
  /** The sidebar's width (px), kept by the core; the default until it answers. */
  sidebarWidth: number;
  /** Shows a width at once; `keep` also asks the core to keep it (at the end of a drag, not on every move). */
  setSidebarWidth(width: number, keep: boolean): void;
}

/** What is on screen for a choice: "system" is whatever the OS says now. */
export const effectiveTheme = (theme: ThemeChoice, systemDark: boolean): 'light' | 'dark' =>
  theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;

export const createAppearanceSlice: SliceCreator<AppearanceSlice> = (set, get, { api }) => ({
  theme: defaultPreferences.theme,
  shortcutsSheetOpen: false,
  notifications: defaultPreferences.notifications,
  sidebarWidth: sidebarWidthRange.default,

  async loadPreferences() {
    const [result, width] = await Promise.all([api.preferences.get(), api.preferences.sidebarWidth()]);
    // Unreadable history: the page follows the system, as on a first start; the history screens say why.
    if (result.ok) set({ theme: result.value.theme, notifications: result.value.notifications });
    if (width.ok) set({ sidebarWidth: width.value });
  },

  applyPreferences(preferences) {
    set({ theme: preferences.theme, notifications: preferences.notifications });
  },

  setSidebarWidth(width, keep) {
    set({ sidebarWidth: width });
    // Not kept (a full disk): the width still applies for this session; nothing to tell the person about.
    if (keep) void api.preferences.setSidebarWidth(width);
  },

  async setTheme(theme) {
    set({ theme });
    const result = await api.preferences.setTheme(theme);
    return result.ok ? null : result.error;
  },

  toggleTheme(systemDark) {
    return get().setTheme(effectiveTheme(get().theme, systemDark) === 'dark' ? 'light' : 'dark');
  },

  setShortcutsSheetOpen(open) {
    set({ shortcutsSheetOpen: open });
  },

  async setNotifications(enabled) {
    const before = get().notifications;
    set({ notifications: enabled });
    const result = await api.preferences.setNotifications(enabled);
    if (result.ok) return null;
    set({ notifications: before });
    return result.error;
  },
});
