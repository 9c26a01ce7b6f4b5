// The walking skeleton, as a person uses it: paste a key, chat, stop a reply, restart, find the history.

import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { expectSecretNowhere } from './support/leak-check';
import {
  assistantMessages,
  chooseModel,
  clickStop,
  expect,
  pasteKey,
  replyOpening,
  sendMessage,
  statusBar,
  test,
  userMessages,
} from './support/fixtures';

test('paste a key, stream a reply, stop one midway, restart and find the conversation', async ({
  page,
  fake,
  launch,
  profileDir,
  hosts,
}) => {
  let host = await launch();
  await page.goto(host.url);

  await expect(page.getByRole('heading', { name: 'Welcome to Switchboard' })).toBeVisible();
  // Pasted keys often carry a trailing newline or spaces; they are trimmed, not refused.
  await pasteKey(page, `  ${fakeKeys.valid}\n`);
  await expect(statusBar(page)).toContainText('Remaining credit: $20.50');

  await sendMessage(page, 'Hello there, Switchboard');
  const expected = replyOpening('Hello there, Switchboard');
  await expect(assistantMessages(page).last()).toContainText(expected);
  await expect(assistantMessages(page).last()).toContainText('café, naïve, 你好, 🚀');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();

  // The request carried the key and attribution, and asked for a bounded answer.
  const chat = fake.requests.find((r) => r.path.endsWith('/chat/completions'));
  expect(chat?.headers.authorization).toBe(`Bearer ${fakeKeys.valid}`);
  expect(chat?.headers['http-referer']).toBeTruthy();
  expect(chat?.headers['x-openrouter-title']).toBe('Switchboard');
  expect((chat?.body as { max_tokens?: number }).max_tokens).toBeGreaterThan(0);

  // A slow reply, stopped midway: the fake sees the client go away, and the partial text stays.
  await chooseModel(page, fakeModels.slow);
  await sendMessage(page, 'Tell me a long story');
  const streaming = assistantMessages(page).last();
  // Stopped only once the text the checks below need has arrived (the whole echo, over 20 characters): the slow
  // model sends a word every 50 ms, and a busy machine can take longer to show them.
  await expect(streaming).toContainText('You said: “Tell me a long story”', { timeout: 15_000 });
  await clickStop(page);
  await fake.waitFor((r) => r.path.endsWith('/chat/completions') && r.clientDisconnected, 10_000);
  await expect(streaming).toContainText('Stopped');
  const partial = (await streaming.textContent()) ?? '';

  // And another message afterwards works normally.
  await chooseModel(page, fakeModels.default);
  await sendMessage(page, 'One more question');
  await expect(assistantMessages(page).last()).toContainText(replyOpening('One more question'));

  // Restart the host with the same profile and keychain entry: no key prompt, the conversation is still there.
  host = await launch();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Switchboard' })).toHaveCount(0);
  const conversations = page.getByRole('navigation', { name: 'Conversations' });
  await conversations.getByRole('button', { name: 'Hello there, Switchboard' }).click();
  await expect(userMessages(page)).toHaveCount(3);
  await expect(userMessages(page).nth(1)).toContainText('Tell me a long story');
  await expect(assistantMessages(page).nth(0)).toContainText(expected);
  await expect(assistantMessages(page).nth(1)).toContainText('Stopped');
  // No usage chunk arrives for a stopped stream; its cost was settled from OpenRouter's generation record.
  await expect(assistantMessages(page).nth(1)).toContainText(/\d+ tokens · \$/);
  expect(partial.length).toBeGreaterThan(20);
  await expect(assistantMessages(page).nth(1)).toContainText(
    partial
      .replace(/Stopped.*$/s, '')
      .trim()
      .slice(0, 40),
  );

  // The key is in the keychain only: not in the profile, the host's logs, the page or its storage.
  await expectSecretNowhere(fakeKeys.valid, { profileDir, hosts, page });
});
