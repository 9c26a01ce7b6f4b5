// A person pastes far too much text: the composer says so before anything is sent, keeps the draft, and the host
// stays up for the message they send next.

import { fakeKeys } from './fake-openrouter/scenarios';
import { assistantMessages, expect, pasteKey, replyOpening, sendMessage, test } from './support/fixtures';

test('a 5 MB paste is refused in the composer with the limit, the draft is kept, and chat goes on', async ({
  page,
  launch,
  hosts,
}) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);

  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  const huge = 'All work and no play. '.repeat(240_000); // about 5 MB
  await composer.fill(huge);
  await expect(page.getByRole('alert').filter({ hasText: 'the limit is 200,000' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  await composer.press('Enter');
  // Nothing went out: no message appeared, the draft is whole, the host did not log a refused frame.
  await expect(page.getByRole('article')).toHaveCount(0);
  expect(await composer.inputValue()).toHaveLength(huge.length);
  expect(hosts[0]?.output()).not.toContain('bad frame');

  await sendMessage(page, 'A short question instead');
  await expect(assistantMessages(page).last()).toContainText(replyOpening('A short question instead'));
});
