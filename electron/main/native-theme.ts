// Electron main: the native parts of the window (title bar, menus, scroll bars, dialogs) and the page's
// prefers-color-scheme follow the theme chosen in Settings, live: nativeTheme.themeSource is set to the kept
// preference at start and again on every change the core announces, from any window.

import type { AppPreferences, ThemeChoice } from '../../shared/preferences';
import type { Result } from '../../shared/result';

/** The one field of Electron's nativeTheme this uses. */
export interface NativeThemeLike {
  themeSource: ThemeChoice;
}

/** The core's preferences, as far as this reads them. */
export interface PreferenceSource {
  get(): Promise<Result<AppPreferences>>;
  subscribe(listener: (preferences: AppPreferences) => void): () => void;
}

/** Returns the function that stops following. */
export async function followThemePreference(
  nativeTheme: NativeThemeLike,
  preferences: PreferenceSource,
): Promise<() => void> {
  let changed = false;
  // Listening first, so a change made while the kept value is read is not lost (nor overwritten by the older read).
  const stop = preferences.subscribe((next) => {
    changed = true;
    nativeTheme.themeSource = next.theme;
  });
  const kept = await preferences.get();
  // An unreadable history leaves the system in charge, as the page does.
  if (!changed && kept.ok) nativeTheme.themeSource = kept.value.theme;
  return stop;
}
