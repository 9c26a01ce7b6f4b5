// The sidebar's width, as a person sets it: dragged wider with the mouse, nudged with the arrow keys, and the same
// after the host restarts — on a new port, so a different page origin whose storage knows nothing: the core kept it
// (in the desktop app, the window state kept it for these displays: electron/main/sidebar-width.ts).

import type { Page } from '@playwright/test';
import { fakeKeys } from './fake-openrouter/scenarios';
import { expect, pasteKey, test } from './support/fixtures';

const resizer = (page: Page) => page.getByRole('separator', { name: 'Sidebar width' });
const sidebarWidth = async (page: Page) =>
  Math.round((await page.getByRole('navigation', { name: 'Conversations' }).boundingBox())!.width);

test('a dragged and nudged sidebar width is kept across a restart of the host', async ({ page, launch }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  let host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(resizer(page)).toHaveAttribute('aria-valuenow', '260');

  // Hover first: Playwright checks the handle itself is what the pointer lands on.
  await resizer(page).hover();
  const box = (await resizer(page).boundingBox())!;
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 50, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(resizer(page)).toHaveAttribute('aria-valuenow', '360');

  await resizer(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect(resizer(page)).toHaveAttribute('aria-valuenow', '376');
  const before = await sidebarWidth(page);
  expect(Math.abs(before - 376)).toBeLessThanOrEqual(2);

  const oldOrigin = new URL(host.url).origin;
  host = await launch();
  expect(new URL(host.url).origin).not.toBe(oldOrigin);
  await page.goto(host.url);
  await expect(resizer(page)).toHaveAttribute('aria-valuenow', '376');
  expect(await sidebarWidth(page)).toBe(before);
});
