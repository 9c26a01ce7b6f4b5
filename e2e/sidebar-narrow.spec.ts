// A narrow window, as a person on a small screen meets it: below ~900 px the sidebar folds into a header button
// (also Ctrl+B) and opens over the conversation; nothing spills past the window, at the app's minimum size too.

import type { Page } from '@playwright/test';
import { fakeKeys } from './fake-openrouter/scenarios';
import { assistantMessages, expect, pasteKey, sendMessage, test } from './support/fixtures';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const toggle = (page: Page) => page.getByRole('button', { name: 'Conversations', exact: true });
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const finished = /\d+ tokens · \$/;

async function chatOnce(page: Page, text: string) {
  await page.getByRole('button', { name: 'New chat' }).click();
  await sendMessage(page, text);
  await expect(assistantMessages(page).last()).toContainText(finished, { timeout: 30_000 });
}

/** Every box of the page's chrome lies inside the window, and the page itself never scrolls sideways or down. */
async function expectNothingOverflows(page: Page) {
  // An opening sidebar slides in over 150 ms; measure where it comes to rest, not half way.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('nav[aria-label="Conversations"]')).every(
      (el) => el.getAnimations().length === 0,
    ),
  );
  const spills = await page.evaluate(() => {
    const width = window.innerWidth;
    const height = window.innerHeight;
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > width) found.push(`page is ${root.scrollWidth}px wide in a ${width}px window`);
    if (root.scrollHeight > height) found.push(`page is ${root.scrollHeight}px high in a ${height}px window`);
    for (const element of Array.from(
      document.querySelectorAll(
        [
          'main > header, main > header *, [data-testid="composer"], [data-testid="composer"] *',
          'footer[aria-label="Key and spending"], footer[aria-label="Key and spending"] *',
          'nav[aria-label="Conversations"] *',
        ].join(', '),
      ),
    )) {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || style.visibility === 'hidden') continue;
      if (box.right > width + 0.5 || box.left < -0.5 || box.bottom > height + 0.5) {
        found.push(
          `${element.tagName.toLowerCase()}.${element.className} at ${Math.round(box.left)}–${Math.round(box.right)}`,
        );
      }
    }
    return found;
  });
  expect(spills).toEqual([]);
}

for (const size of [
  { width: 800, height: 600 },
  { width: 720, height: 480 }, // the desktop window's minimum (electron/main/window.ts)
]) {
  test(`at ${size.width}×${size.height} the sidebar is a toggle that opens over the conversation`, async ({
    page,
    launch,
  }) => {
    test.setTimeout(90_000);
    const host = await launch();
    await page.goto(host.url);
    await pasteKey(page, fakeKeys.valid);
    await chatOnce(page, 'The first narrow question');
    await chatOnce(page, 'The second narrow question');

    await page.setViewportSize(size);
    await expect(sidebar(page)).toBeHidden();
    await expect(toggle(page)).toBeVisible();
    await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
    await expectNothingOverflows(page);
    // The conversation takes the whole width the sidebar gave up.
    const chat = await page.getByRole('main').boundingBox();
    expect(chat?.x).toBe(0);
    expect(chat?.width).toBe(size.width);

    // From the keyboard: Ctrl+B opens it with the focus in its filter; a conversation chosen closes it.
    await page.getByRole('textbox', { name: 'Message', exact: true }).focus();
    await page.keyboard.press('Control+b');
    await expect(sidebar(page)).toBeVisible();
    await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(sidebar(page).getByRole('searchbox', { name: 'Filter conversations' })).toBeFocused();
    await expectNothingOverflows(page);
    await page.keyboard.type('first narrow');
    const first = sidebar(page).getByRole('button', { name: /The first narrow question/ });
    await expect(first).toBeVisible();
    // Tab leaves the filter for the list (its scroller takes the focus first, then its rows).
    for (let presses = 0; presses < 3 && !(await first.evaluate((el) => el === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(heading(page)).toHaveText('The first narrow question');
    await expect(sidebar(page)).toBeHidden();

    // Esc closes it and gives the focus back to the toggle.
    await toggle(page).click();
    await expect(sidebar(page)).toBeVisible();
    await page.keyboard.press('Escape'); // clears the filter first
    await page.keyboard.press('Escape');
    await expect(sidebar(page)).toBeHidden();
    await expect(toggle(page)).toBeFocused();

    // With the mouse: the toggle opens it, a conversation is chosen, and a click beside it closes it.
    await toggle(page).click();
    await sidebar(page)
      .getByRole('button', { name: /The second narrow question/ })
      .click();
    await expect(heading(page)).toHaveText('The second narrow question');
    await expect(sidebar(page)).toBeHidden();
    await toggle(page).click();
    await expect(sidebar(page)).toBeVisible();
    await page.mouse.click(size.width - 10, size.height / 2);
    await expect(sidebar(page)).toBeHidden();

    // Wide again: the sidebar sits beside the conversation and the toggle is gone.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(sidebar(page)).toBeVisible();
    await expect(toggle(page)).toBeHidden();
  });
}
