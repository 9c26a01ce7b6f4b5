// Bad input and bad days: each failure gets a specific, readable message, and nothing already written is lost.

import { type Page } from '@playwright/test';
import { replyFor } from './fake-openrouter/reply-text';
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
  webHostOnly,
} from './support/fixtures';

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });

async function openWithKey(page: Page, url: string, key: string = fakeKeys.valid): Promise<void> {
  await page.goto(url);
  await pasteKey(page, key);
  await expect(composer(page)).toBeVisible();
}

test('a provider failing mid-stream keeps the partial reply, explains, and survives a reload', async ({
  page,
  launch,
}) => {
  const host = await launch();
  await openWithKey(page, host.url);
  await chooseModel(page, fakeModels.midStreamError);
  await sendMessage(page, 'Please fail halfway');

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The model provider had a problem answering');
  const reply = assistantMessages(page).last();
  await expect(reply).toContainText('Failed');
  const partial = replyFor('Please fail halfway').slice(0, 20);
  await expect(reply).toContainText(partial);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.reload();
  await page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: 'Please fail halfway' })
    .click();
  await expect(userMessages(page)).toHaveCount(1);
  await expect(assistantMessages(page).last()).toContainText(partial);
  await expect(assistantMessages(page).last()).toContainText('Failed');
});

test('no credits, rate limits and refusals each say what happened and keep the question', async ({ page, launch }) => {
  const host = await launch();
  await openWithKey(page, host.url, fakeKeys.noCredits);
  // The app can only ask first once it knows the key's remaining credit (as a person would see it in the status bar);
  // sending before that answer arrives goes straight out, as it should.
  await expect(statusBar(page)).toContainText('Remaining credit: $0.00');
  await sendMessage(page, 'Am I broke?');
  // No credit left under the key's limit: the app asks first; sent anyway, OpenRouter's refusal is explained.
  const askFirst = page.getByRole('alertdialog', { name: 'Send anyway?' });
  await expect(askFirst).toContainText("left under your key's spending limit");
  await askFirst.getByRole('button', { name: 'Send anyway' }).click();
  await expect(page.getByRole('alert')).toContainText('balance is too low');
  await expect(userMessages(page).last()).toContainText('Am I broke?');

  await chooseModel(page, fakeModels.error429);
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Replace key' }).click();
  await settings.getByLabel('OpenRouter API key').fill(fakeKeys.valid);
  await settings.getByRole('button', { name: 'Save key' }).click();
  await expect(statusBar(page)).toContainText('$20.50');
  await settings.getByRole('button', { name: 'Close' }).click();

  await sendMessage(page, 'Too fast?');
  await expect(page.getByRole('alert')).toContainText('Too many requests');
  await expect(page.getByRole('alert')).toContainText('Wait 17 seconds');
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();

  await chooseModel(page, fakeModels.error403);
  await sendMessage(page, 'Something flagged');
  await expect(page.getByRole('alert')).toContainText('OpenRouter refused this request');
});

test('OpenRouter unreachable mid-session: a clear message, and the question is kept', async ({
  page,
  fake,
  launch,
}) => {
  const host = await launch();
  await openWithKey(page, host.url);
  await fake.close();
  await sendMessage(page, 'Anyone there?');
  await expect(page.getByRole('alert')).toContainText('Could not reach OpenRouter');
  await expect(userMessages(page).last()).toContainText('Anyone there?');
});

test('a page without the run token cannot use the host', async ({ page, launch, appHost }) => {
  webHostOnly(appHost, 'the run token in the page address');
  const host = await launch();
  await page.goto(host.url.replace(/#token=.*/, '#token=0000'));
  await expect(page.getByText('This page needs the address printed by Switchboard')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to Switchboard' })).toHaveCount(0);
  expect(host.output()).toContain('refused a connection with a missing or wrong token');
});
