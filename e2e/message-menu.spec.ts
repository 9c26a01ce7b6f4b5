// A message's own context menu, as a person uses it: right-click a reply for Copy (the text as it reads), Copy as
// Markdown (the source it was written in) and Select all; the same menu from the keyboard (Shift+F10), walked with the
// arrow keys; Esc closes it without stopping anything. The page shows this menu on both hosts (MessageMenu.tsx).

import type { Page } from '@playwright/test';
import { MARKDOWN_REPLY } from './fake-openrouter/markdown-reply';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { assistantMessages, chooseModel, expect, pasteKey, sendMessage, test } from './support/fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const menu = (page: Page) => page.getByRole('menu', { name: 'Message' });

test('right-click a reply: Copy gives its text, Copy as Markdown its source, Select all selects it', async ({
  page,
  launch,
}) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await chooseModel(page, fakeModels.markdown);
  await sendMessage(page, 'Show me a release checklist');
  const reply = assistantMessages(page).last();
  await expect(reply.getByRole('heading', { name: 'Release checklist' })).toBeVisible();
  await expect(reply.getByRole('button', { name: 'Copy as Markdown' })).toBeAttached();

  await reply.getByRole('heading', { name: 'Release checklist' }).click({ button: 'right' });
  await expect(menu(page)).toBeVisible();
  await expect(menu(page).getByRole('menuitem')).toHaveText(['Copy', 'Copy as Markdown', 'Select all']);
  await expect(menu(page).getByRole('menuitem', { name: 'Copy', exact: true })).toBeFocused();
  await menu(page).getByRole('menuitem', { name: 'Copy as Markdown' }).click();
  await expect(menu(page)).toHaveCount(0);
  expect(await clipboard(page)).toBe(MARKDOWN_REPLY);

  await reply.getByRole('heading', { name: 'Release checklist' }).click({ button: 'right' });
  await menu(page).getByRole('menuitem', { name: 'Copy', exact: true }).click();
  const text = await clipboard(page);
  expect(text).toContain('Release checklist');
  expect(text).toContain('Before tagging a release, check these three things:');
  expect(text).not.toContain('**three**');

  await reply.getByRole('heading', { name: 'Release checklist' }).click({ button: 'right' });
  await menu(page).getByRole('menuitem', { name: 'Select all' }).click();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected).toContain('Release checklist');
  expect(selected).toContain('check these three things');
  // With that selection, Copy copies it.
  await reply.getByRole('heading', { name: 'Release checklist' }).click({ button: 'right' });
  await menu(page).getByRole('menuitem', { name: 'Copy', exact: true }).click();
  expect(await clipboard(page)).toBe(selected);
});

test('the same menu from the keyboard: Shift+F10, arrows, Enter; Esc gives the focus back', async ({
  page,
  launch,
}) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await chooseModel(page, fakeModels.markdown);
  await sendMessage(page, 'Show me a release checklist');
  const reply = assistantMessages(page).last();
  const copyButton = reply.getByRole('button', { name: 'Copy as Markdown' });
  await expect(copyButton).toBeAttached();

  await copyButton.focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu(page)).toHaveCount(0);
  await expect(copyButton).toBeFocused();
  // Esc closed the menu and did nothing else: the reply is still there, finished.
  await expect(reply).toContainText('Release checklist');

  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('ArrowDown');
  await expect(menu(page).getByRole('menuitem', { name: 'Copy as Markdown' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu(page)).toHaveCount(0);
  expect(await clipboard(page)).toBe(MARKDOWN_REPLY);
});
