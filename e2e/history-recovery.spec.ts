// A damaged history, as a person meets it: start the app, see what happened and where the file went, restore the
// backup, and find the old conversation again.

import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFileName } from '../electron/core/core';
import { fakeKeys } from './fake-openrouter/scenarios';
import { assistantMessages, expect, pasteKey, replyOpening, sendMessage, test } from './support/fixtures';

const pageSize = 4096;

test('restores the newest backup after the history database was damaged', async ({ page, launch, profileDir }) => {
  let host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await sendMessage(page, 'Remember this conversation');
  await expect(assistantMessages(page).last()).toContainText(replyOpening('Remember this conversation'));
  // The reply is complete (and saved) once Send is back.
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  await host.stop();

  // A backup as the app takes before an upgrade, then a page in the middle of the live file overwritten.
  const file = join(profileDir, historyFileName);
  copyFileSync(file, `${file}.bak-v10`);
  const bytes = readFileSync(file);
  const middle = Math.floor(bytes.length / pageSize / 2);
  bytes.fill(0xa5, middle * pageSize, (middle + 1) * pageSize);
  writeFileSync(file, bytes);

  host = await launch();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Your history needs attention' })).toBeVisible();
  const moved = readdirSync(profileDir).find((name) => name.startsWith(`${historyFileName}.damaged-`));
  expect(moved).toBeTruthy();
  await expect(page.getByText(join(profileDir, moved!))).toBeVisible();
  expect(readFileSync(join(profileDir, moved!)).equals(bytes)).toBe(true);

  await page.getByRole('button', { name: /^Restore the backup from / }).click();
  const conversations = page.getByRole('navigation', { name: 'Conversations' });
  await conversations.getByRole('button', { name: 'Remember this conversation' }).click();
  await expect(assistantMessages(page).first()).toContainText(replyOpening('Remember this conversation'));
  // The restored history takes new writes; the damaged file stays exactly as it was found.
  expect(readFileSync(join(profileDir, moved!)).equals(bytes)).toBe(true);
});
