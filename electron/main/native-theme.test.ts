import { describe, expect, it } from 'vitest';
import type { AppPreferences } from '../../shared/preferences';
import { type Result, fail, ok } from '../../shared/result';
import { type NativeThemeLike, type PreferenceSource, followThemePreference } from './native-theme';

/** The core's preferences stand-in: a kept value, a read that may be held back, and change announcements. */
function preferencesStandIn(kept: Result<AppPreferences>) {
  const listeners = new Set<(p: AppPreferences) => void>();
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  const source: PreferenceSource = {
    get: async () => {
      if (held) await gate;
      return kept;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return {
    source,
    announce: (p: AppPreferences) => listeners.forEach((l) => l(p)),
    hold: () => (held = true),
    release: () => release(),
    listeners,
  };
}

describe('followThemePreference', () => {
  it('sets the kept theme at start and every change after, live, until stopped', async () => {
    const nativeTheme: NativeThemeLike = { themeSource: 'system' };
    const prefs = preferencesStandIn(ok({ theme: 'dark', notifications: true }));
    const stop = await followThemePreference(nativeTheme, prefs.source);
    expect(nativeTheme.themeSource).toBe('dark');
    prefs.announce({ theme: 'light', notifications: true });
    expect(nativeTheme.themeSource).toBe('light');
    prefs.announce({ theme: 'system', notifications: true });
    expect(nativeTheme.themeSource).toBe('system');
    stop();
    prefs.announce({ theme: 'dark', notifications: true });
    expect(nativeTheme.themeSource).toBe('system');
    expect(prefs.listeners.size).toBe(0);
  });

  it('leaves the system in charge when the history cannot be read', async () => {
    const nativeTheme: NativeThemeLike = { themeSource: 'system' };
    await followThemePreference(nativeTheme, preferencesStandIn(fail('storage_error', 'damaged')).source);
    expect(nativeTheme.themeSource).toBe('system');
  });

  it('keeps a change made while the kept value was being read, not the older read', async () => {
    const nativeTheme: NativeThemeLike = { themeSource: 'system' };
    const prefs = preferencesStandIn(ok({ theme: 'dark', notifications: true }));
    prefs.hold();
    const following = followThemePreference(nativeTheme, prefs.source);
    prefs.announce({ theme: 'light', notifications: true });
    prefs.release();
    await following;
    expect(nativeTheme.themeSource).toBe('light');
  });
});
