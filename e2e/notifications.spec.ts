// Notifications on the web host, as a person meets them: the Settings switch asks the browser only when turned on,
// stays off if the browser refuses, is kept across a restart, and a reply finished while the page is in the
// background is announced (and clicking the notification opens that conversation). The browser's Notification API
// and the page's focus are replaced by an init script: headless Chromium has neither a permission prompt nor an OS
// to show notifications in, and the page cannot be put in the background for real.

import type { Page } from '@playwright/test';
import { fakeKeys } from './fake-openrouter/scenarios';
import { assistantMessages, expect, pasteKey, sendMessage, test } from './support/fixtures';

// The desktop app announces through Electron's Notification in main instead (electron/main/reply-notifier.ts).
test.skip(({ appHost }) => appHost === 'electron', "web host only: the browser's Notification API");

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });
const finished = /\d+ tokens · \$/;

/** The browser's side: permission answers `answer`; notifications are recorded; the page reports no focus. */
async function standInBrowser(page: Page, answer: 'granted' | 'denied') {
  await page.addInitScript((granted) => {
    const shown: { title: string; body: string }[] = [];
    let permission = 'default';
    class StandInNotification {
      static get permission() {
        return permission;
      }
      static async requestPermission() {
        permission = granted;
        return permission;
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body: string }) {
        shown.push({ title, body: options.body });
        (window as unknown as { lastNotification: StandInNotification }).lastNotification = this;
      }
      close() {}
    }
    Object.assign(window, { Notification: StandInNotification, shownNotifications: shown });
    document.hasFocus = () => false;
  }, answer);
}

async function openNotificationSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings', exact: true });
  return { settings, toggle: settings.getByRole('checkbox', { name: /Notify me when a reply finishes/ }) };
}

test('the switch asks the browser when turned on, is kept, and a reply finished in the background is announced', async ({
  page,
  launch,
}) => {
  await standInBrowser(page, 'granted');
  let host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();

  // On by default in the profile, but off on screen until the browser allows it: nothing is announced yet.
  await sendMessage(page, 'Before asking');
  await expect(assistantMessages(page).last()).toContainText(finished);
  expect(
    await page.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications),
  ).toEqual([]);

  let { settings, toggle } = await openNotificationSettings(page);
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(toggle).toBeChecked();
  await settings.getByRole('button', { name: 'Close' }).click();

  await sendMessage(page, 'Tell me when done');
  await expect(assistantMessages(page).last()).toContainText(finished);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications))
    .toMatchObject([{ title: 'Reply finished' }]);

  // Clicking it opens that conversation, even after the person went to a new chat.
  await page.keyboard.press('Control+N');
  await expect(assistantMessages(page)).toHaveCount(0);
  await page.evaluate(() =>
    (window as unknown as { lastNotification: { onclick(): void } }).lastNotification.onclick(),
  );
  await expect(assistantMessages(page).last()).toContainText(finished);

  // Turned off, and still off after a restart of the host.
  ({ settings, toggle } = await openNotificationSettings(page));
  await toggle.uncheck();
  await expect(toggle).not.toBeChecked();
  host = await launch();
  await page.goto(host.url);
  await expect(composer(page)).toBeVisible();
  ({ toggle } = await openNotificationSettings(page));
  await expect(toggle).not.toBeChecked();
});

test('when the browser refuses, the switch stays off and says why', async ({ page, launch }) => {
  await standInBrowser(page, 'denied');
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();
  const { settings, toggle } = await openNotificationSettings(page);
  await toggle.click();
  await expect(settings.getByRole('status')).toContainText('The browser did not allow notifications');
  await expect(toggle).not.toBeChecked();
});
