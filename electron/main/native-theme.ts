// Electron main: the native parts of the window (title bar, menus, scroll bars, dialogs) and the page's
// prefers-color-scheme follow the theme chosen in Settings, live: nativeTheme.themeSource is set to the kept
// preference at start and again on every change the core announces, from any window.

import type { ThemeChoice } from '../../shared/preferences';
import { type PreferenceSource, followPreferences } from './follow-preferences';

export type { PreferenceSource } from './follow-preferences';

/** The one field of Electron's nativeTheme this uses. */
export interface NativeThemeLike {
  themeSource: ThemeChoice;
}

/** Returns the function that stops following. An unreadable history leaves the system in charge, as the page does. */
export function followThemePreference(
  nativeTheme: NativeThemeLike,
  preferences: PreferenceSource,
): Promise<() => void> {
  return followPreferences(preferences, (next) => {
    nativeTheme.themeSource = next.theme;
  });
}
