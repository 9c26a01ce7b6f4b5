// Themes as a person meets them: the system's at first, light or dark chosen in Settings and switched live, still
// chosen after a restart; and both themes pass axe-core's WCAG 2 A/AA checks (contrast included) on the main screen,
// with a screenshot of each attached to the report.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { fakeKeys } from './fake-openrouter/scenarios';
import { assistantMessages, expect, pasteKey, sendMessage, test, webHostOnly } from './support/fixtures';

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });
const finished = /\d+ tokens · \$/;
/** The page background of each theme (styles.css, --bg). */
const background = { light: 'rgb(246, 247, 249)', dark: 'rgb(21, 23, 27)' };
const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

async function chooseTheme(page: Page, name: 'Same as the system' | 'Light' | 'Dark') {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings', exact: true });
  await settings.getByRole('radio', { name }).check();
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(settings).toBeHidden();
}

test('the theme follows the system until chosen in Settings, switches live, and is remembered across a restart', async ({
  page,
  launch,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  let host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  expect(await pageBackground(page)).toBe(background.dark);

  // Light although the system is dark: on screen at once.
  await chooseTheme(page, 'Light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await pageBackground(page)).toBe(background.light);

  // Kept by the core: a new host process on the same profile opens light.
  host = await launch();
  await page.goto(host.url);
  await expect(composer(page)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await pageBackground(page)).toBe(background.light);

  // Back to the system's, which follows the system as it changes.
  await chooseTheme(page, 'Same as the system');
  expect(await pageBackground(page)).toBe(background.dark);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await pageBackground(page)).toBe(background.light);
});

test('a theme or notification switch changed in one window shows in another at once, without a reload', async ({
  page,
  context,
  launch,
  appHost,
}) => {
  webHostOnly(appHost, 'a second browser tab');
  // The browser allows notifications, so each tab's switch shows what the core keeps.
  await context.grantPermissions(['notifications']);
  await page.emulateMedia({ colorScheme: 'light' });
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();
  const other = await context.newPage();
  await other.emulateMedia({ colorScheme: 'light' });
  await other.goto(host.url);
  await expect(composer(other)).toBeVisible();
  // Nothing reloads either page from here on: a marker set now must still be there at the end.
  for (const tab of [page, other]) await tab.evaluate(() => Object.assign(window, { notReloaded: true }));
  await expect(other.locator('html')).toHaveAttribute('data-theme', 'system');

  // Chosen in Settings in the first tab: the second shows it.
  await chooseTheme(page, 'Dark');
  await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await pageBackground(other)).toBe(background.dark);

  // Switched with the keys in the second: the first follows.
  await other.locator('body').focus();
  await other.keyboard.press('Control+Shift+L');
  await expect(other.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await pageBackground(page)).toBe(background.light);

  // The notifications switch, with Settings open in both: turned off in one, off in the other.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await other.getByRole('button', { name: 'Settings', exact: true }).click();
  const toggle = (tab: Page) =>
    tab
      .getByRole('dialog', { name: 'Settings', exact: true })
      .getByRole('checkbox', { name: /Notify me when a reply finishes/ });
  await expect(toggle(other)).toBeChecked();
  await toggle(page).uncheck();
  await expect(toggle(other)).not.toBeChecked();
  await toggle(other).check();
  await expect(toggle(page)).toBeChecked();
  // The theme radio in the open dialog follows as well.
  await other.getByRole('dialog', { name: 'Settings', exact: true }).getByRole('radio', { name: 'Dark' }).check();
  await expect(
    page.getByRole('dialog', { name: 'Settings', exact: true }).getByRole('radio', { name: 'Dark' }),
  ).toBeChecked();

  for (const tab of [page, other]) {
    expect(await tab.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  }
});

test('light and dark both pass axe-core WCAG 2 AA on the main screen (screenshots attached)', async ({
  page,
  launch,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();
  // A conversation with a rendered reply (its meta line, cost and actions) and a second one in the sidebar.
  await sendMessage(page, 'A first question for the sidebar');
  await expect(assistantMessages(page).last()).toContainText(finished, { timeout: 30_000 });
  await page.getByRole('button', { name: 'New chat' }).click();
  await sendMessage(page, 'Show me some code in a fenced block');
  await expect(assistantMessages(page).last()).toContainText(finished, { timeout: 30_000 });

  for (const theme of ['Light', 'Dark'] as const) {
    await chooseTheme(page, theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
    // Hover states and toasts come and go; the page at rest is what is checked.
    await page.mouse.move(0, 0);
    await testInfo.attach(`main screen, ${theme.toLowerCase()} theme`, {
      body: await page.screenshot(),
      contentType: 'image/png',
    });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const found = results.violations.map((v) => ({
      rule: v.id,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
    expect(found, `${theme} theme`).toEqual([]);
    // Not a vacuous pass: the contrast rule ran over the page's text.
    expect(results.passes.map((r) => r.id)).toContain('color-contrast');
  }
});
