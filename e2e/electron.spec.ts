// The desktop app itself, driven by Playwright's Electron support. Runs only where an Electron binary exists;
// elsewhere every test here is reported as skipped, with the reason, never as passed.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary, nativeModulesLoadIn } from './support/electron-binary';

const binary = findElectronBinary();
const natives = binary.path ? nativeModulesLoadIn(binary.path) : null;

test.describe('Electron desktop app', () => {
  test.skip(binary.path === null, `no Electron binary: ${binary.reason}`);
  test.skip(natives !== null && !natives.ok, natives && !natives.ok ? natives.reason : '');

  test('opens a sandboxed window that shows the welcome screen', async () => {
    const app = await electron.launch({
      executablePath: binary.path ?? undefined,
      args: [resolve(import.meta.dirname, '..')],
      env: {
        ...process.env,
        SWITCHBOARD_PROFILE_DIR: mkdtempSync(join(tmpdir(), 'sb-electron-')),
        SWITCHBOARD_KEYCHAIN_SERVICE: 'Switchboard-test',
        SWITCHBOARD_KEYCHAIN_ACCOUNT: `electron-${Date.now()}`,
      },
    });
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Welcome to Switchboard' })).toBeVisible();
    // The page must not reach Node: the preload exposes only the DesktopApi.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api).sort())).toEqual([
      'app',
      'backups',
      'chat',
      'conversations',
      'drafts',
      'files',
      'history',
      'key',
      'library',
      'messages',
      'models',
      'portability',
      'presets',
      'search',
      'settings',
      'spend',
      'titles',
    ]);
    await app.close();
  });
});
