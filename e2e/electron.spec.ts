// Desktop-only checks, in the Electron project only (the web host has no preload). The Electron app is started by the
// same host fixture every spec uses; where no Electron binary exists the test is skipped with the reason, never passed.

import { type Transport, createDesktopApi } from '../shared/api';
import type { AttachmentTransport } from '../shared/attachments';
import type { FileTransfer } from '../shared/portability';
import { expect, test } from './support/fixtures';

test('the desktop window is sandboxed, reaches only the DesktopApi and shows the welcome screen', async ({
  page,
  launch,
}) => {
  await launch();
  await expect(page.getByRole('heading', { name: 'Welcome to Switchboard' })).toBeVisible();
  // The page must not reach Node: the preload exposes only the DesktopApi.
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  // Exactly the contract's surface (shared/api.ts), nothing more: built from a stand-in transport to name its keys.
  const contract = createDesktopApi({} as Transport, {} as FileTransfer, {} as AttachmentTransport);
  expect(await page.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api).sort())).toEqual(
    Object.keys(contract).sort(),
  );
});
