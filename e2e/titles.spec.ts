// Generated titles, as a person meets them: off at first (a conversation is named after its first message, for
// free); turned on in Settings, which says it costs money, a new conversation's first reply earns it a short title
// from a cheap model — in every open tab — billed in the Spend view's ledger, never shown as a message.

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { fakeKeys } from './fake-openrouter/scenarios';
import { titleFor } from './fake-openrouter/reply-text';
import type { RecordedRequest } from './fake-openrouter/server';
import { assistantMessages, expect, pasteKey, sendMessage, test, webHostOnly } from './support/fixtures';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const conversation = (page: Page, title: string | RegExp) => sidebar(page).getByRole('button', { name: title });
const finished = /\d+ tokens · \$/;
const titleModel = 'openai/gpt-4.1-nano';
const asksForTitle = (r: RecordedRequest) =>
  r.path.endsWith('/chat/completions') && (r.body as { model?: unknown } | null)?.model === titleModel;

async function chatOnce(page: Page, text: string) {
  await page.getByRole('button', { name: 'New chat' }).click();
  await sendMessage(page, text);
  await expect(assistantMessages(page).last()).toContainText(finished, { timeout: 30_000 });
}

test('generated titles: off by default; turned on, a first reply earns a short title in every tab, billed in the ledger', async ({
  page,
  context,
  fake,
  launch,
  appHost,
}) => {
  webHostOnly(appHost, 'a second browser tab');
  test.setTimeout(90_000);
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);

  // Off at first: named after the question, and no request for a title.
  await chatOnce(page, 'Untitled by any model please');
  await expect(conversation(page, /Untitled by any model please/)).toBeVisible();
  expect(fake.requests.filter(asksForTitle)).toHaveLength(0);

  // Settings says what it costs; turned on from the keyboard.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const toggle = settings.getByRole('checkbox', { name: 'Name new conversations with a cheap model' });
  await expect(toggle).not.toBeChecked();
  await expect(settings.getByText(/Each title is a paid request/)).toBeVisible();
  await expect(settings.getByText(titleModel)).toBeVisible();
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  await settings.getByRole('button', { name: 'Close' }).click();

  const other = await context.newPage();
  await other.goto(host.url);
  await expect(other.getByRole('textbox', { name: 'Message', exact: true })).toBeVisible();

  const question = 'What should I pack for Lisbon in May?';
  await chatOnce(page, question);
  const generated = titleFor(question);
  expect(generated).toBe('About What should I pack');
  // Renamed in both tabs by the library broadcast, and in the open conversation's header.
  await expect(conversation(page, generated)).toBeVisible();
  await expect(conversation(other, generated)).toBeVisible();
  await expect(conversation(page, question)).toHaveCount(0);
  // Never a message: one question, one reply.
  await expect(assistantMessages(page)).toHaveCount(1);
  const asked = fake.requests.filter(asksForTitle);
  expect(asked).toHaveLength(1);
  expect(JSON.stringify(asked[0]!.body)).toContain(question);

  // A second reply in the same conversation asks for nothing more.
  await sendMessage(page, 'And for Porto?');
  await expect(assistantMessages(page).last()).toContainText(finished, { timeout: 30_000 });
  await expect(conversation(page, generated)).toBeVisible();
  expect(fake.requests.filter(asksForTitle)).toHaveLength(1);

  // The title's cost is in the ledger like any generation: four rows, the title's with no message.
  await page.keyboard.press('Control+Shift+S');
  const view = page.getByRole('dialog', { name: 'Spend' });
  await expect(view.getByText('Reading the spending history…')).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const rows = readFileSync((await download.path()) ?? '', 'utf8')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
  const header = rows[0]!;
  const titleRows = rows.slice(1).filter((r) => r[header.indexOf('model')] === titleModel);
  expect(rows).toHaveLength(1 + 4);
  expect(titleRows).toHaveLength(1);
  expect(titleRows[0]![header.indexOf('message_id')]).toBe('');
  expect(titleRows[0]![header.indexOf('conversation')]).toBe(generated);
  expect(Number(titleRows[0]![header.indexOf('cost_usd')])).toBeGreaterThan(0);
});
