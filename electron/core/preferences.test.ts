// The app's preferences through the core as the hosts build it: defaults, kept changes, and the listeners the
// desktop app's theme and notifications follow.

import { describe, expect, it } from 'vitest';
import type { AppPreferences } from '../../shared/preferences';
import { readCoreConfig } from './config';
import { createCore } from './core';
import { useTempDir } from './test-support/temp-dir';

const tempDir = useTempDir();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

function core(dir: string) {
  const config = readCoreConfig({ SWITCHBOARD_PROFILE_DIR: dir, SWITCHBOARD_SECRET_STORE: 'memory' });
  return createCore(config, { logger: quiet, transport: 'web' });
}

describe('core preferences', () => {
  it('start as the system theme with notifications on, keep each change and tell listeners what is kept', async () => {
    const dir = tempDir();
    const first = core(dir);
    const heard: AppPreferences[] = [];
    const stop = first.preferences.subscribe((p) => heard.push(p));
    try {
      expect(await first.preferences.get()).toEqual({ ok: true, value: { theme: 'system', notifications: true } });
      expect(heard).toEqual([]);
      await first.preferences.setTheme('dark');
      await first.preferences.setNotifications(false);
      expect(heard).toEqual([
        { theme: 'dark', notifications: true },
        { theme: 'dark', notifications: false },
      ]);
      stop();
      await first.preferences.setTheme('light');
      expect(heard).toHaveLength(2);
    } finally {
      first.close();
    }
    const again = core(dir);
    try {
      expect(await again.preferences.get()).toEqual({ ok: true, value: { theme: 'light', notifications: false } });
    } finally {
      again.close();
    }
  });

  it('keeps a change even when a listener throws', async () => {
    const one = core(tempDir());
    one.preferences.subscribe(() => {
      throw new Error('window gone');
    });
    try {
      expect(await one.preferences.setNotifications(false)).toEqual({
        ok: true,
        value: { theme: 'system', notifications: false },
      });
    } finally {
      one.close();
    }
  });

  it('keeps the sidebar’s width across a restart, the default until set, telling no listener', async () => {
    const dir = tempDir();
    const first = core(dir);
    const heard: AppPreferences[] = [];
    first.preferences.subscribe((p) => heard.push(p));
    try {
      expect(await first.preferences.sidebarWidth()).toEqual({ ok: true, value: 260 });
      expect(await first.preferences.setSidebarWidth(333)).toEqual({ ok: true, value: 333 });
      expect(heard).toEqual([]);
    } finally {
      first.close();
    }
    const again = core(dir);
    try {
      expect(await again.preferences.sidebarWidth()).toEqual({ ok: true, value: 333 });
    } finally {
      again.close();
    }
  });
});
