// Electron main: applies the app's kept preferences at start and again on every change the core announces, from any
// window (the native theme, the notification switch).

import type { AppPreferences } from '../../shared/preferences';
import type { Result } from '../../shared/result';

/** The core's preferences, as far as this reads them. */
export interface PreferenceSource {
  get(): Promise<Result<AppPreferences>>;
  subscribe(listener: (preferences: AppPreferences) => void): () => void;
}

/** Returns the function that stops following. An unreadable history leaves things as they are (the defaults). */
export async function followPreferences(
  preferences: PreferenceSource,
  apply: (preferences: AppPreferences) => void,
): Promise<() => void> {
  let changed = false;
  // Listening first, so a change made while the kept value is read is not lost (nor overwritten by the older read).
  const stop = preferences.subscribe((next) => {
    changed = true;
    apply(next);
  });
  const kept = await preferences.get();
  if (!changed && kept.ok) apply(kept.value);
  return stop;
}
