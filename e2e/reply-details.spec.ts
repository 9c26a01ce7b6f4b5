// What a reply says about how it was served, as a person sees it: a fallback model marked as one, the sources web
// search cited as links, what the prompt cache saved, and a routing refusal naming the setting to relax.

import type { Page } from '@playwright/test';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { assistantMessages, chooseModel, expect, pasteKey, replyOpening, sendMessage, test } from './support/fixtures';

const panel = (page: Page) => page.getByRole('dialog', { name: 'Conversation settings' });

async function ask(page: Page, question: string) {
  await sendMessage(page, question);
  await expect(assistantMessages(page).last()).toContainText(replyOpening(question));
}

/** Sends a first turn (a conversation has settings once it exists), then opens its settings panel. */
async function openSettings(page: Page, model: string, firstQuestion: string) {
  await chooseModel(page, model);
  await ask(page, firstQuestion);
  await page.getByRole('button', { name: 'Conversation settings' }).click();
  await expect(panel(page)).toBeVisible();
}

async function save(page: Page) {
  await panel(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel(page)).toBeHidden();
}

test('a fallback model’s reply says which model answered and which it stood in for', async ({ page, launch }) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await openSettings(page, fakeModels.retainsData, 'Before any settings');
  await expect(assistantMessages(page).last()).not.toContainText('fallback from');

  await panel(page)
    .getByRole('checkbox', { name: /Don’t let providers store or train/ })
    .check();
  await panel(page).getByRole('combobox', { name: 'Fallback model id' }).fill(fakeModels.default);
  await panel(page).getByRole('button', { name: 'Add fallback' }).click();
  await save(page);

  await ask(page, 'Who answers now?');
  await expect(assistantMessages(page).last()).toContainText(
    'answered by OpenAI: GPT-4o-mini, fallback from Switchboard Test: Retains data',
  );
});

test('with web search on, the cited sources are numbered links that open outside the app', async ({ page, launch }) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await openSettings(page, fakeModels.default, 'No search yet');
  await expect(assistantMessages(page).last().getByRole('list', { name: 'Sources' })).toHaveCount(0);

  await panel(page).getByRole('checkbox', { name: 'Search the web for each message' }).check();
  await panel(page).getByRole('spinbutton', { name: 'Results per search' }).fill('2');
  await save(page);

  await ask(page, 'Tides at Brest today');
  const sources = assistantMessages(page).last().getByRole('list', { name: 'Sources' });
  await expect(sources.getByRole('listitem')).toHaveText([
    '[1] Result 1: Tides at Brest today — example.com',
    '[2] Result 2: Tides at Brest today — example.com',
  ]);
  const first = sources.getByRole('link', { name: 'Result 1: Tides at Brest today' });
  await expect(first).toHaveAttribute('href', 'https://example.com/search/1?q=Tides%20at%20Brest%20today');
  await expect(first).toHaveAttribute('target', '_blank');
  await expect(first).toHaveAttribute('rel', 'noopener noreferrer');
});

test('a second turn read from the prompt cache shows the cached tokens and what they saved', async ({
  page,
  launch,
}) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  const model = 'anthropic/claude-haiku-4.5';
  await openSettings(page, model, 'Set up the reviewer');
  // A system prompt long enough for Anthropic's minimum cacheable prefix.
  await panel(page).getByLabel('System prompt').fill('You are a careful reviewer. '.repeat(120));
  await save(page);

  await ask(page, 'First review');
  await expect(assistantMessages(page).last()).not.toContainText('cached');
  await ask(page, 'Second review');
  const reply = assistantMessages(page).last();
  await expect(reply).toContainText(/cached [\d,]+ tokens, saved \$0\.\d+/);
  // The cost opens the breakdown, which says the same with the exact figure.
  await reply.getByTitle(/show the breakdown$/i).click();
  await expect(reply.getByRole('definition').filter({ hasText: /read from the cache, saved \$0\.\d+/ })).toBeVisible();
});

test('a routing refusal names the privacy setting to relax', async ({ page, launch }) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await openSettings(page, fakeModels.retainsData, 'Before zero retention');
  await panel(page).getByRole('checkbox', { name: 'Zero data retention only' }).check();
  await save(page);

  await sendMessage(page, 'Private question');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('No provider of this model meets your privacy settings.');
  await expect(alert).toContainText('turn off “Zero data retention only”');
});
