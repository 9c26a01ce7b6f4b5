// A person caps how long replies may get in one conversation, from the header; the cap is what OpenRouter is asked
// for, and Automatic goes back to the model's own maximum.

import { fakeKeys } from './fake-openrouter/scenarios';
import { assistantMessages, expect, pasteKey, replyOpening, sendMessage, test } from './support/fixtures';

test('reply length: cap a conversation at 500 tokens, then back to automatic', async ({ page, launch, fake }) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  const lastMaxTokens = () =>
    (fake.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.body as { max_tokens?: number })
      ?.max_tokens;

  await sendMessage(page, 'First question');
  await expect(assistantMessages(page).last()).toContainText(replyOpening('First question'));
  const automatic = lastMaxTokens() ?? 0;
  expect(automatic).toBeGreaterThan(500);

  await page.getByRole('button', { name: 'Reply length: automatic' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reply length' });
  await dialog.getByRole('radio', { name: /At most/ }).check();
  await dialog.getByRole('spinbutton', { name: 'Most tokens per reply' }).fill('0');
  await expect(dialog.getByRole('alert')).toContainText('from 1 to 1,000,000');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await dialog.getByRole('spinbutton', { name: 'Most tokens per reply' }).fill('500');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await sendMessage(page, 'Second question');
  await expect(assistantMessages(page).last()).toContainText(replyOpening('Second question'));
  expect(lastMaxTokens()).toBe(500);

  // The cap belongs to the conversation: it is still there after a restart.
  const restarted = await launch();
  await page.goto(restarted.url);
  await page.getByRole('button', { name: 'First question' }).first().click();
  await page.getByRole('button', { name: 'Reply length: 500 tokens' }).click();
  await page
    .getByRole('dialog', { name: 'Reply length' })
    .getByRole('radio', { name: /Automatic/ })
    .check();
  await page.getByRole('dialog', { name: 'Reply length' }).getByRole('button', { name: 'Save' }).click();
  await sendMessage(page, 'Third question');
  await expect(assistantMessages(page).last()).toContainText(replyOpening('Third question'));
  expect(lastMaxTokens()).toBe(automatic);
});
