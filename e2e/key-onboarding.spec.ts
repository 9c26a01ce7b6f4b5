// Pasting a key and living with it: checked live before it is stored, kept in the real keychain, shown only as its
// last four characters, replaceable and removable, and never written anywhere else.

import type { Page } from '@playwright/test';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import {
  assistantMessages,
  chooseModel,
  expect,
  pasteKey,
  sendMessage,
  statusBar,
  test,
  userMessages,
} from './support/fixtures';
import { expectSecretNowhere } from './support/leak-check';

const welcome = (page: Page) => page.getByRole('heading', { name: 'Welcome to Switchboard' });
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });

test('first run: a malformed key is refused before any request, a revoked one is explained, a valid one is kept', async ({
  page,
  fake,
  launch,
  profileDir,
  hosts,
}) => {
  const host = await launch();
  await page.goto(host.url);
  await expect(welcome(page)).toBeVisible();
  await expect(page.getByText('kept in your operating system’s keychain and sent only to OpenRouter')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Get an OpenRouter key' })).toHaveAttribute(
    'href',
    'https://openrouter.ai/settings/keys',
  );

  await pasteKey(page, 'sk-proj-not-an-openrouter-key');
  await expect(page.getByRole('alert')).toContainText('another service');
  expect(fake.requests.filter((r) => r.path.endsWith('/key'))).toHaveLength(0);

  await pasteKey(page, fakeKeys.revoked);
  await expect(page.getByRole('alert')).toContainText('OpenRouter rejected this key');
  await expect(page.getByRole('alert')).toContainText('revoked');
  await expect(welcome(page)).toBeVisible();

  await pasteKey(page, fakeKeys.valid);
  const status = statusBar(page);
  await expect(status).toContainText('Remaining credit: $20.50');
  await expect(status).toContainText('sk-or-v1-d9e...899');
  const keyCheck = fake.requests.filter((r) => r.path.endsWith('/key')).at(-1);
  expect(keyCheck?.headers.authorization).toBe(`Bearer ${fakeKeys.valid}`);

  await sendMessage(page, 'Does it work?');
  await expect(assistantMessages(page).last()).toContainText('You said: “Does it work?”');
  // The remaining credit refreshes after the reply (the fake lowers it by the reply's cost).
  await expect.poll(() => fake.requests.filter((r) => r.path.endsWith('/key')).length).toBeGreaterThan(1);

  await expectSecretNowhere(fakeKeys.valid, { profileDir, hosts, page });
});

test('restart finds the key in the keychain; settings show only its last four; remove goes back to welcome', async ({
  page,
  launch,
  profileDir,
  hosts,
}) => {
  let host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(statusBar(page)).toContainText('Remaining credit');

  host = await launch();
  await page.goto(host.url);
  await expect(composer(page)).toBeVisible();
  await expect(welcome(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('heading', { name: 'API key' })).toBeVisible();
  await expect(settings).toContainText(`sk-or-…${fakeKeys.valid.slice(-4)}`);
  await expect(settings).toContainText('sk-or-v1-d9e...899');
  await settings.getByRole('button', { name: 'Refresh' }).click();
  await expect(settings).toContainText('$20.50');
  await expectSecretNowhere(fakeKeys.valid, { profileDir, hosts, page });

  await settings.getByRole('button', { name: 'Remove key' }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(welcome(page)).toBeVisible();

  // Removal deleted the keychain entry: a restart asks again.
  host = await launch();
  await page.goto(host.url);
  await expect(welcome(page)).toBeVisible();
});

test('replacing the key keeps every conversation', async ({ page, launch }) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await sendMessage(page, 'Keep this conversation');
  await expect(assistantMessages(page).last()).toContainText('You said');

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Replace key' }).click();
  await settings.getByLabel('OpenRouter API key').fill(fakeKeys.unlimited);
  await settings.getByRole('button', { name: 'Save key' }).click();
  await expect(statusBar(page)).toContainText('Remaining credit: no limit');
  await expect(settings).toContainText(`sk-or-…${fakeKeys.unlimited.slice(-4)}`);
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Keep this conversation' }),
  ).toBeVisible();
});

test('OpenRouter unreachable while checking: nothing saved, or saved unverified on request', async ({
  page,
  launch,
}) => {
  const host = await launch({ openRouterBaseUrl: 'http://127.0.0.1:9/api/v1' });
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(page.getByRole('alert')).toContainText('could not be reached');
  await expect(welcome(page)).toBeVisible();
  await page.getByRole('button', { name: 'Save anyway, check later' }).click();
  await expect(statusBar(page)).toContainText('Key not verified');
});

test('OpenRouter failing while checking: told to try again, nothing saved', async ({ page, launch }) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.serverError);
  await expect(page.getByRole('alert')).toContainText('having trouble');
  await expect(welcome(page)).toBeVisible();
});

test('a key revoked during chat sends the person back to the key screen; Retry then answers the same question', async ({
  page,
  fake,
  launch,
}) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(statusBar(page)).toContainText('Remaining credit');

  // The owner deletes the key on openrouter.ai while Switchboard is open.
  fake.revokeKey(fakeKeys.valid);
  await sendMessage(page, 'A question worth keeping');
  await expect(welcome(page)).toBeVisible();
  await expect(page.getByText('OpenRouter rejected the saved key')).toBeVisible();
  await pasteKey(page, fakeKeys.unlimited);
  // The question was saved before OpenRouter refused the key: it stays in the thread, and Retry re-runs it in
  // place (putting it back in the composer would send it upstream twice).
  await expect(composer(page)).toHaveValue('');
  await expect(userMessages(page)).toHaveCount(1);
  const failed = assistantMessages(page).last();
  await failed.hover();
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(assistantMessages(page).last()).toContainText('You said: “A question worth keeping”');
  await expect(userMessages(page)).toHaveCount(1);
});

test('a key revoked while the app was closed is caught at the next start', async ({ page, fake, launch }) => {
  let host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(statusBar(page)).toContainText('Remaining credit');
  fake.revokeKey(fakeKeys.valid);
  host = await launch();
  await page.goto(host.url);
  await expect(page.getByText('OpenRouter rejected the saved key')).toBeVisible();
});

test('no keychain: says so, offers this session only, never writes the key to disk', async ({
  page,
  launch,
  profileDir,
  hosts,
}) => {
  const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };
  let host = await launch({ extraEnv: noKeychain });
  await page.goto(host.url);
  await expect(welcome(page)).toBeVisible();
  await expect(page.getByText('The system keychain is not available right now')).toBeVisible();
  await pasteKey(page, fakeKeys.valid);
  await expect(page.getByRole('alert')).toContainText('keychain');
  await page.getByRole('button', { name: 'Use this key for this session only' }).click();
  await expect(statusBar(page)).toContainText('Session-only key');

  await chooseModel(page, fakeModels.default);
  await sendMessage(page, 'Session only');
  await expect(assistantMessages(page).last()).toContainText('You said: “Session only”');
  await expectSecretNowhere(fakeKeys.valid, { profileDir, hosts, page });

  // Gone at quit.
  host = await launch({ extraEnv: noKeychain });
  await page.goto(host.url);
  await expect(welcome(page)).toBeVisible();
});
