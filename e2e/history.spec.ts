// History as a person keeps it: a sidebar to organise (pin, rename, delete with Undo), search across every
// conversation that jumps to the message, find within one, and every open tab showing the same list.

import { type Page } from '@playwright/test';
import { fakeKeys } from './fake-openrouter/scenarios';
import { assistantMessages, expect, pasteKey, sendMessage, test, webHostOnly } from './support/fixtures';
import { seededQuestion, seedLongConversation } from './support/seed-history';

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const conversation = (page: Page, title: string | RegExp) => sidebar(page).getByRole('button', { name: title });
const finished = /\d+ tokens · \$/;
/** A sidebar row, with its Pin, Rename and Delete buttons. */
const row = (page: Page, title: RegExp) =>
  sidebar(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: title }) });

async function chatOnce(page: Page, text: string) {
  await page.getByRole('button', { name: 'New chat' }).click();
  await sendMessage(page, text);
  await expect(assistantMessages(page).last()).toContainText(finished, { timeout: 30_000 });
}

test('search finds a message far up another conversation and opens it there, highlighted', async ({
  page,
  profileDir,
  launch,
}) => {
  test.setTimeout(120_000);
  let host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();
  await host.stop();
  seedLongConversation(profileDir, 2_000, 'Seeded archive');
  host = await launch();
  await page.goto(host.url);
  await chatOnce(page, 'Something else entirely');

  await page.keyboard.press('Control+Shift+F');
  const dialog = page.getByRole('dialog', { name: 'Search conversations' });
  await dialog.getByRole('searchbox', { name: 'Search all messages' }).fill('seeded question number 120');
  const hit = dialog.getByRole('button', { name: /Seeded question number 120$/ });
  await expect(hit).toBeVisible();
  // Grouped under its conversation, with the searched words marked.
  await expect(dialog.getByRole('region', { name: 'Seeded archive' })).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText(/seeded/i);
  await hit.click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Seeded archive' })).toBeVisible();
  const target = page.getByText(seededQuestion(120), { exact: true });
  // Turn 120 is message 241 of 2,000: about 35 pages above where the conversation normally opens.
  await expect(target).toBeInViewport();
  await expect(page.locator('[data-revealed]')).toContainText(seededQuestion(120));
});

test('a search for query syntax, quotes, emoji or CJK text answers without an error', async ({ page, launch }) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await chatOnce(page, '我喜欢编程 "quoted" NEAR( -x 🚀');
  await page.keyboard.press('Control+Shift+F');
  const dialog = page.getByRole('dialog', { name: 'Search conversations' });
  const input = dialog.getByRole('searchbox', { name: 'Search all messages' });
  for (const query of ['编程', '"quoted"', 'NEAR(', '-x', '🚀']) {
    await input.fill(query);
    await expect(dialog.getByRole('button', { name: /我喜欢编程/ }).first()).toBeVisible();
  }
  await input.fill('"');
  await expect(dialog.getByText(/messages? in|No messages match/)).toBeVisible();
  await input.fill('x'.repeat(10_000));
  await expect(dialog.getByText(/Only the first 256 characters/)).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});

test('delete shows Undo for a few seconds, and Undo brings the conversation back', async ({ page, launch }) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await chatOnce(page, 'Keep this one safe');
  const item = row(page, /Keep this one safe/);
  await item.hover();
  await item.getByRole('button', { name: 'Delete conversation' }).click();
  await expect(conversation(page, /Keep this one safe/)).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: 'Deleted “Keep this one safe”' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(conversation(page, /Keep this one safe/)).toBeVisible();
  // It was open when deleted, so it opens again.
  await expect(assistantMessages(page).last()).toContainText(finished);

  // Still there after a reload: the undo reached the database.
  await page.reload();
  await expect(conversation(page, /Keep this one safe/)).toBeVisible();
});

test('rename and delete a conversation end to end, and pinning survives a restart', async ({ page, launch }) => {
  test.setTimeout(90_000);
  let host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await chatOnce(page, 'Alpha question');
  await chatOnce(page, 'Beta question');
  await chatOnce(page, 'Gamma question');

  // Rename inline: Enter saves.
  const alpha = row(page, /Alpha question/);
  await alpha.hover();
  await alpha.getByRole('button', { name: 'Rename conversation' }).click();
  await sidebar(page).getByRole('textbox', { name: 'Conversation title' }).fill('Renamed alpha');
  await sidebar(page).getByRole('textbox', { name: 'Conversation title' }).press('Enter');
  await expect(conversation(page, /Renamed alpha/)).toBeVisible();

  // Pin it: it moves above the newer ones, under "Pinned".
  const renamed = row(page, /Renamed alpha/);
  await renamed.getByRole('button', { name: 'Pin conversation' }).click();
  await expect(sidebar(page).getByRole('heading', { name: 'Pinned' })).toBeVisible();
  const titles = () => sidebar(page).getByTestId('row-title').allTextContents();
  await expect.poll(titles).toEqual(['Renamed alpha', 'Gamma question', 'Beta question']);

  // Delete Beta and let the Undo time pass.
  const beta = row(page, /Beta question/);
  await beta.hover();
  await beta.getByRole('button', { name: 'Delete conversation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toBeHidden({ timeout: 15_000 });

  host = await launch();
  await page.goto(host.url);
  await expect.poll(titles).toEqual(['Renamed alpha', 'Gamma question']);
  await expect(
    row(page, /Renamed alpha/).getByRole('button', {
      name: 'Unpin conversation',
    }),
  ).toBeVisible();
  // The filter box narrows the list by title.
  await sidebar(page).getByRole('searchbox', { name: 'Filter conversations' }).fill('gamma');
  await expect.poll(titles).toEqual(['Gamma question']);
});

test('two tabs stay in step: created, renamed, answered and deleted in one shows in the other at once', async ({
  page,
  context,
  launch,
  appHost,
}) => {
  webHostOnly(appHost, 'a second browser tab');
  test.setTimeout(90_000);
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  const other = await context.newPage();
  await other.goto(host.url);
  await expect(other.getByRole('textbox', { name: 'Message', exact: true })).toBeVisible();

  await chatOnce(page, 'Made in the first tab');
  await expect(conversation(other, /Made in the first tab/)).toBeVisible();

  const item = row(other, /Made in the first tab/);
  await item.hover();
  await item.getByRole('button', { name: 'Rename conversation' }).click();
  await sidebar(other).getByRole('textbox', { name: 'Conversation title' }).fill('Renamed in the second');
  await sidebar(other).getByRole('textbox', { name: 'Conversation title' }).press('Enter');
  await expect(conversation(page, /Renamed in the second/)).toBeVisible();

  // Answered in the second tab: it moves to the top in the first.
  await chatOnce(page, 'A newer one');
  await expect(sidebar(other).getByTestId('row-title').first()).toHaveText('A newer one');
  await conversation(other, /Renamed in the second/).click();
  await sendMessage(other, 'One more question');
  await expect(assistantMessages(other).last()).toContainText(finished, { timeout: 30_000 });
  await expect(sidebar(page).getByTestId('row-title').first()).toHaveText('Renamed in the second');

  const renamed = row(page, /Renamed in the second/);
  await renamed.hover();
  await renamed.getByRole('button', { name: 'Delete conversation' }).click();
  // The second tab had it open: it is gone from its list and its page.
  await expect(conversation(other, /Renamed in the second/)).toHaveCount(0);
  await expect(other.getByRole('heading', { name: 'Renamed in the second' })).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(conversation(other, /Renamed in the second/)).toBeVisible();
});

test('find in this conversation steps through matches, loading further back as needed', async ({
  page,
  profileDir,
  launch,
}) => {
  test.setTimeout(90_000);
  let host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();
  await host.stop();
  seedLongConversation(profileDir, 600, 'Seeded archive');
  host = await launch();
  await page.goto(host.url);
  await conversation(page, 'Seeded archive').click();
  await expect(page.getByText(seededQuestion(299), { exact: true })).toBeInViewport();

  await page.keyboard.press('Control+F');
  const find = page.getByRole('searchbox', { name: 'Find in this conversation' });
  await expect(find).toBeFocused();
  // "point 1" ends each reply's list as "- first point N": the newest matches first.
  await find.fill('number 10');
  const bar = page.getByRole('search', { name: 'Find in this conversation' });
  // 10, 100–109: eleven questions.
  await expect(bar.getByText('11 of 11')).toBeVisible();
  await expect(page.locator('[data-revealed]')).toContainText(seededQuestion(109));
  await find.press('Enter');
  await expect(bar.getByText('1 of 11')).toBeVisible();
  await expect(page.getByText(seededQuestion(10), { exact: true })).toBeInViewport();
  await expect(page.locator('[data-revealed]')).toContainText(seededQuestion(10));
  await find.press('Shift+Enter');
  await expect(bar.getByText('11 of 11')).toBeVisible();
  await expect(page.getByText(seededQuestion(109), { exact: true })).toBeInViewport();
  await find.press('Escape');
  await expect(find).toBeHidden();
});

test('delete all history asks for a typed confirmation', async ({ page, launch }) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await chatOnce(page, 'First of many');
  await chatOnce(page, 'Second of many');
  await page.getByRole('button', { name: /Settings/ }).click();
  await page.getByRole('button', { name: 'Delete all history…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete all history?' });
  await expect(confirm).toContainText('All 2 conversations');
  const go = confirm.getByRole('button', { name: 'Delete all history' });
  await expect(go).toBeDisabled();
  await confirm.getByRole('textbox', { name: /Type delete to confirm/ }).fill('delete');
  await go.click();
  await expect(confirm).toBeHidden();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(sidebar(page).getByText('Your conversations will appear here.')).toBeVisible();
  await page.reload();
  await expect(sidebar(page).getByText('Your conversations will appear here.')).toBeVisible();
});
