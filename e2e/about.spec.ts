// About Switchboard on the web host, as a person meets it: from Settings with the mouse, and with the keyboard alone
// (Ctrl+, for Settings, Tab to the About button, Enter). It shows package.json's version, says it runs on the web
// host with the browser's own user agent, names the profile folder, and — since a page in a browser cannot open a
// file manager — offers the path to copy instead of a "Show data folder" button. Help › About in the desktop app's
// menu sends the page the command that opens this same dialog (electron/main/app-menu.test.ts).

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { fakeKeys } from './fake-openrouter/scenarios';
import { expect, pasteKey, test } from './support/fixtures';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });
const about = (page: Page) => page.getByRole('dialog', { name: 'About Switchboard' });
const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings', exact: true });

test('About, opened from Settings, shows the version, the web host and the data folder to copy', async ({
  page,
  launch,
  profileDir,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await settings(page).getByRole('button', { name: 'About Switchboard' }).click();
  const dialog = about(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-about="version"]')).toHaveText(version);
  await expect(dialog).toContainText('the web host');
  const userAgent = await page.evaluate(() => navigator.userAgent);
  await expect(dialog).toContainText(userAgent);
  await expect(dialog).not.toContainText('Electron');
  await expect(dialog.getByText(profileDir, { exact: true })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Show data folder' })).toHaveCount(0);
  await expect(dialog).toContainText('cannot open your file manager');

  await dialog.getByRole('button', { name: 'Copy path' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(profileDir);

  // Esc closes About only: Settings, which it was opened from, is still there.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(settings(page)).toBeVisible();
});

test('About opens with the keyboard alone', async ({ page, launch }) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();

  await page.locator('body').focus();
  await page.keyboard.press('Control+Comma');
  await expect(settings(page)).toBeVisible();
  const button = settings(page).getByRole('button', { name: 'About Switchboard' });
  // Tab through Settings as a person would, until the About button has the focus (a bounded walk, not a loop forever).
  for (let step = 0; step < 80 && !(await button.evaluate((element) => element === document.activeElement)); step++) {
    await page.keyboard.press('Tab');
  }
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(about(page).locator('[data-about="version"]')).toHaveText(version);
  // Its Close button has the focus, so Enter closes it again.
  await page.keyboard.press('Enter');
  await expect(about(page)).toHaveCount(0);
});
