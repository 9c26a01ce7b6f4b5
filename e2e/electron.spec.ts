// Desktop-only checks, in the Electron project only (the web host has no preload). The Electron app is started by the
// same host fixture every spec uses; where no Electron binary exists the test is skipped with the reason, never passed.

import { expect, test } from './support/fixtures';

test('the desktop window is sandboxed, reaches only the DesktopApi and shows the welcome screen', async ({
  page,
  launch,
}) => {
  await launch();
  await expect(page.getByRole('heading', { name: 'Welcome to Switchboard' })).toBeVisible();
  // The page must not reach Node: the preload exposes only the DesktopApi.
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api).sort())).toEqual([
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
});
