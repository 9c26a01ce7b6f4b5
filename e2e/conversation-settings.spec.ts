// Per-conversation settings as a person sets them: the panel from the header, what OpenRouter is then asked for,
// defaults for new conversations from Settings, and presets saved from one conversation and used for another.

import type { Locator, Page } from '@playwright/test';
import { fakeKeys } from './fake-openrouter/scenarios';
import type { FakeOpenRouter } from './fake-openrouter/server';
import { assistantMessages, expect, pasteKey, replyOpening, sendMessage, test } from './support/fixtures';

type ChatBody = {
  model?: string;
  messages?: { role: string; content: unknown }[];
  temperature?: number;
  top_p?: number;
  provider?: Record<string, unknown>;
};

const lastChatBody = (fake: FakeOpenRouter) =>
  fake.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.body as ChatBody | undefined;

const panel = (page: Page) => page.getByRole('dialog', { name: 'Conversation settings' });

async function ask(page: Page, question: string) {
  await sendMessage(page, question);
  await expect(assistantMessages(page).last()).toContainText(replyOpening(question));
}

test('the settings panel sends exactly what was set, and the header says how many settings differ', async ({
  page,
  launch,
  fake,
}) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await ask(page, 'First question');
  expect(lastChatBody(fake)?.temperature).toBeUndefined();
  expect(lastChatBody(fake)?.provider).toBeUndefined();

  await page.getByRole('button', { name: 'Conversation settings' }).click();
  await panel(page).getByLabel('System prompt').fill('Answer like a ship’s log.');
  await panel(page).getByRole('spinbutton', { name: 'Temperature' }).fill('0.3');
  await panel(page).getByRole('combobox', { name: 'Provider order' }).selectOption('price');
  await panel(page)
    .getByRole('checkbox', { name: /Don’t let providers store or train/ })
    .check();
  // Out of range: refused in place, nothing saved for it.
  await panel(page).getByRole('spinbutton', { name: 'Top-p' }).fill('7');
  await expect(panel(page)).toContainText('Enter a number from 0.01 to 1, or leave it empty.');
  await panel(page).getByRole('spinbutton', { name: 'Top-p' }).fill('');
  await panel(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Conversation settings (3 changed)' })).toBeVisible();

  await ask(page, 'Second question');
  const body = lastChatBody(fake);
  expect(body?.messages?.[0]).toEqual({ role: 'system', content: 'Answer like a ship’s log.' });
  expect(body?.temperature).toBe(0.3);
  expect(body?.top_p).toBeUndefined();
  expect(body?.provider).toEqual({ sort: 'price', data_collection: 'deny' });
  // The reply keeps what it was sent with; the first reply, sent with the defaults, shows none.
  const sentWith = assistantMessages(page).last().getByText('Sent with 4 settings');
  await sentWith.click();
  const sentSettings = (reply: Locator) => reply.locator('details').filter({ hasText: /^Sent with/ });
  await expect(sentSettings(assistantMessages(page).last())).toContainText('temperature 0.3');
  await expect(sentSettings(assistantMessages(page).last())).toContainText('no data collection');
  await expect(sentSettings(assistantMessages(page).first())).toHaveCount(0);

  // Changed since, the reply can still be regenerated exactly as it was sent; plain Regenerate uses the new value.
  await page.getByRole('button', { name: 'Conversation settings (3 changed)' }).click();
  await panel(page).getByRole('spinbutton', { name: 'Temperature' }).fill('0.8');
  await panel(page).getByRole('button', { name: 'Save', exact: true }).click();
  const requestsBefore = fake.requests.length;
  await assistantMessages(page).last().getByRole('button', { name: 'Regenerate with another model' }).click();
  await page.getByRole('menuitem', { name: /As sent/ }).click();
  await expect.poll(() => fake.requests.length).toBeGreaterThan(requestsBefore);
  await expect(assistantMessages(page).last()).toContainText(replyOpening('Second question'));
  expect(lastChatBody(fake)?.temperature).toBe(0.3);
  await assistantMessages(page).last().getByRole('button', { name: 'Regenerate', exact: true }).click();
  await expect.poll(() => lastChatBody(fake)?.temperature).toBe(0.8);
  await expect(assistantMessages(page).last()).toContainText(replyOpening('Second question'));

  // Kept with the conversation across a restart.
  const restarted = await launch();
  await page.goto(restarted.url);
  await page.getByRole('button', { name: 'First question' }).first().click();
  await expect(page.getByRole('button', { name: 'Conversation settings (3 changed)' })).toBeVisible();
});

test('defaults from Settings reach a new conversation; a preset saved from one starts another with the same fields', async ({
  page,
  launch,
  fake,
}) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Edit defaults…' }).click();
  const defaults = page.getByRole('dialog', { name: 'Defaults for new conversations' });
  await defaults.getByRole('spinbutton', { name: 'Temperature' }).fill('0.9');
  await defaults.getByRole('button', { name: 'Save defaults' }).click();
  await expect(defaults).toBeHidden();
  await expect(settings).toContainText('New conversations start with: temperature.');
  await page.keyboard.press('Escape');

  await ask(page, 'Defaults question');
  expect(lastChatBody(fake)?.temperature).toBe(0.9);

  // This conversation: a system prompt on top of the defaults, saved as a preset.
  await page.getByRole('button', { name: 'Conversation settings' }).click();
  await expect(panel(page).getByRole('spinbutton', { name: 'Temperature' })).toHaveValue('0.9');
  await panel(page).getByLabel('System prompt').fill('Be terse.');
  await panel(page).getByRole('textbox', { name: 'Preset name' }).fill('Terse');
  await panel(page).getByRole('button', { name: 'Save as preset' }).click();
  await expect(panel(page).getByRole('status')).toHaveText('Saved the preset “Terse”.');
  await panel(page).getByRole('button', { name: 'Cancel' }).click();

  // A new conversation from the preset sends the preset's fields.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await settings.getByRole('listitem').filter({ hasText: 'Terse' }).getByRole('button', { name: 'New chat' }).click();
  await expect(settings).toBeHidden();
  await ask(page, 'Preset question');
  const body = lastChatBody(fake);
  expect(body?.messages?.[0]).toEqual({ role: 'system', content: 'Be terse.' });
  expect(body?.temperature).toBe(0.9);
});

test('a system prompt saved by name is there to pick in another conversation', async ({ page, launch, fake }) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await ask(page, 'Snippet source');
  await page.getByRole('button', { name: 'Conversation settings' }).click();
  await panel(page).getByLabel('System prompt').fill('Review code like a careful senior engineer.');
  await panel(page).getByRole('textbox', { name: 'Name for this prompt' }).fill('Reviewer');
  await panel(page).getByRole('button', { name: 'Save prompt' }).click();
  await expect(panel(page).getByRole('status')).toHaveText('Saved “Reviewer”.');
  await panel(page).getByRole('button', { name: 'Cancel' }).click();

  await page.keyboard.press('Control+n');
  await ask(page, 'Snippet user');
  await page.getByRole('button', { name: 'Conversation settings' }).click();
  await panel(page).getByRole('combobox', { name: 'Saved prompts' }).selectOption('Reviewer');
  await expect(panel(page).getByLabel('System prompt')).toHaveValue('Review code like a careful senior engineer.');
  await panel(page).getByRole('button', { name: 'Save', exact: true }).click();
  await ask(page, 'Second snippet question');
  expect(lastChatBody(fake)?.messages?.[0]).toEqual({
    role: 'system',
    content: 'Review code like a careful senior engineer.',
  });
});
