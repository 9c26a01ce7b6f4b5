// Compare (issue 13) in history, as a person uses it through the web host against the fake: a compare is renamed as a
// conversation is (and keeps the name after a restart), deleted at once with the same Undo as a conversation, and
// Merge's conversation and its compare link to each other, both ways, also after a restart.

import type { Page } from '@playwright/test';
import { fakeModels } from './fake-openrouter/scenarios';
import type { FakeOpenRouter } from './fake-openrouter/server';
import {
  column,
  columns,
  compareRows,
  conversationRows,
  openWithKey,
  sendToAll,
  startCompare,
} from './support/compare-steps';
import { expect, replyOpening, test } from './support/fixtures';

const chats = (fake: FakeOpenRouter) => fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
const names = ['OpenAI: GPT-4o-mini', 'OpenAI: GPT-4o'];

/** The default model and GPT-4o, asked one question, both answers complete. */
async function answeredCompare(page: Page, fake: FakeOpenRouter, question: string) {
  await startCompare(page, [fakeModels.vision]);
  await sendToAll(page, question);
  for (const name of names) {
    await expect(column(page, name).getByRole('article', { name: 'Assistant message' })).toContainText(
      replyOpening(question),
    );
  }
  await expect.poll(() => chats(fake).filter((r) => r.endedAt !== null).length).toBe(2);
}

test('a compare is renamed from the sidebar (kept after a restart), and its delete is undone from the toast', async ({
  page,
  fake,
  launch,
}) => {
  let host = await launch();
  await openWithKey(page, host.url);
  const question = 'Tabs or spaces?';
  await answeredCompare(page, fake, question);

  const sidebar = page.getByRole('navigation', { name: 'Conversations' });
  const row = compareRows(page);
  await row.getByRole('button', { name: 'Rename compare' }).click();
  const field = sidebar.getByRole('textbox', { name: 'Compare title' });
  await expect(field).toHaveValue(question);
  await field.fill('Indentation, compared');
  await field.press('Enter');
  await expect(row).toContainText('Indentation, compared');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indentation, compared');

  host = await launch();
  await page.goto(host.url);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Indentation, compared');

  // Deleted at once, no question asked: the toast offers Undo, as for a conversation.
  await row.getByRole('button', { name: /Indentation, compared/ }).click();
  await expect(columns(page)).toHaveCount(2);
  await row.getByRole('button', { name: 'Delete compare' }).click();
  await expect(row).toHaveCount(0);
  await expect(columns(page)).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: 'Deleted “Indentation, compared”.' });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toHaveCount(1);
  // It was open, so it opens again, every column with its answer; its columns are not listed on their own.
  await expect(columns(page)).toHaveCount(2);
  for (const name of names) {
    await expect(column(page, name).getByRole('article', { name: 'Assistant message' })).toContainText(
      replyOpening(question),
    );
  }
  await expect(conversationRows(page)).toHaveCount(0);

  // And it is really back: still there after a restart.
  host = await launch();
  await page.goto(host.url);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Indentation, compared');
});

test('Merge’s conversation links to its compare and the compare to it, both ways and after a restart', async ({
  page,
  fake,
  launch,
}) => {
  let host = await launch();
  await openWithKey(page, host.url);
  const question = 'Which is faster, quicksort or mergesort?';
  await answeredCompare(page, fake, question);

  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge the answers' });
  await dialog.getByRole('combobox', { name: 'Model' }).selectOption(fakeModels.vision);
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByRole('article', { name: 'Assistant message' })).toContainText('You said');
  const merged = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  expect(merged).not.toBe('');

  // From the merged conversation to its compare…
  await expect(page.getByText('Merged from the compare')).toBeVisible();
  await page.getByRole('button', { name: question, exact: true }).click();
  await expect(columns(page)).toHaveCount(2);
  // …and from the compare back to it.
  await expect(page.getByText('Merged into')).toBeVisible();
  await page.getByRole('button', { name: merged, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(merged);
  await expect(page.getByRole('article', { name: 'Assistant message' })).toContainText('You said');

  host = await launch();
  await page.goto(host.url);
  await compareRows(page)
    .getByRole('button', { name: new RegExp(question) })
    .click();
  await expect(columns(page)).toHaveCount(2);
  await page.getByRole('button', { name: merged, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(merged);
  await page.getByRole('button', { name: question, exact: true }).click();
  await expect(columns(page)).toHaveCount(2);
});
