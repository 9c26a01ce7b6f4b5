// Cost, as a person checks it: what each reply cost (to the digit OpenRouter billed), the conversation's total, a
// stopped reply's cost settling in place, a Spend view that still counts a deleted conversation, its CSV, and a
// budget that asks before a message that may pass it.

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { sumUsd, toUsd } from '../shared/money';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './fake-openrouter/server';
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
} from './support/fixtures';

/** What the fake billed for the nth chat request, asked of GET /generation as any OpenRouter user could. */
async function billed(fake: FakeOpenRouter, nth: number, key: string): Promise<string> {
  const chats = fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
  const id = chats[nth]?.generationId;
  if (!id) throw new Error(`no generation for chat request ${nth}`);
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await fetch(`${fake.baseUrl}/generation?id=${id}`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    if (response.ok) {
      const body = (await response.json()) as { data: { total_cost: number } };
      const usd = toUsd(body.data.total_cost);
      if (usd !== null) return usd;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the fake never settled ${id}`);
}

const costButton = (page: Page) =>
  assistantMessages(page)
    .last()
    .getByTitle(/show the breakdown$/i);

async function openSpendView(page: Page) {
  await page.keyboard.press('Control+Shift+S');
  const view = page.getByRole('dialog', { name: 'Spend' });
  await expect(view).toBeVisible();
  await expect(view.getByText('Reading the spending history…')).toHaveCount(0);
  return view;
}

test('paid and free replies show what the fake billed, to the digit; the header and the Spend view add them up; the CSV matches', async ({
  page,
  fake,
  launch,
}) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(statusBar(page)).toContainText('Remaining credit: $20.50');

  // Before sending on a paid model, an estimate sits beside Send, marked as one.
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('What does SQLite cost?');
  await expect(page.getByTitle(/^Estimate: /)).toContainText('≈');
  await expect(page.getByTitle(/^Estimate: /)).toContainText('est.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(assistantMessages(page).last()).toContainText(replyOpening('What does SQLite cost?'));
  const paid = await billed(fake, 0, fakeKeys.valid);
  await expect(costButton(page)).toHaveAttribute('title', new RegExp(`^\\$${paid.replace('.', '\\.')} `));
  await costButton(page).click();
  const breakdown = assistantMessages(page).last().getByRole('definition').first();
  await expect(breakdown).toHaveText(`$${paid} (charged by OpenRouter)`);
  await expect(assistantMessages(page).last().getByLabel('Cost breakdown')).toContainText('Prompt');
  await expect(assistantMessages(page).last().getByLabel('Cost breakdown')).toContainText('Completion');

  // A free model: "free", and no estimate beside Send.
  await chooseModel(page, fakeModels.free);
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('And for free?');
  await expect(page.getByTitle(/^Estimate: /)).toHaveCount(0);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(assistantMessages(page).last()).toContainText(replyOpening('And for free?'));
  await expect(costButton(page)).toHaveText('free');

  await chooseModel(page, fakeModels.vision);
  await sendMessage(page, 'One more, on a dearer model');
  await expect(assistantMessages(page).last()).toContainText(replyOpening('One more, on a dearer model'));
  const dearer = await billed(fake, 2, fakeKeys.valid);
  const total = sumUsd([paid, '0', dearer]);
  await expect(page.getByTitle(/^This conversation has cost /)).toHaveAttribute(
    'title',
    new RegExp(`^This conversation has cost \\$${total.replace('.', '\\.')} in all`),
  );

  const view = await openSpendView(page);
  await expect(view.locator('dl > div').filter({ hasText: 'All time' }).first().locator('dd')).toHaveAttribute(
    'title',
    `$${total}`,
  );
  await expect(view.getByRole('table', { name: 'Spend by model' })).toContainText('gpt-4o-mini');
  // Beside the local figures, what OpenRouter reports for the key (GET /key).
  await expect(view.getByText('What OpenRouter reports for this key')).toBeVisible();
  await expect(view.locator('dl > div').filter({ hasText: 'Left under the key’s limit' })).toContainText('$');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path()) ?? '', 'utf8')
    .trim()
    .split('\r\n');
  expect(csv[0]?.split(',').at(-1)).toBe('cost_usd');
  expect(csv.slice(1).map((line) => line.split(',').at(-1))).toEqual([paid, '0', dearer]);
  await expect(view.getByRole('status')).toHaveText('Exported 3 ledger rows.');
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
});

test('a stopped reply shows "cost pending", then its settled cost in place; deleted, the Spend view still counts it', async ({
  page,
  launch,
}) => {
  // Accounting that settles slowly, so "cost pending" is there to be seen.
  const slowAccounting = await startFakeOpenRouter({ generationDelayMs: 2500, chunkDelayMs: 5 });
  try {
    const host = await launch({ openRouterBaseUrl: slowAccounting.baseUrl });
    await page.goto(host.url);
    await pasteKey(page, fakeKeys.unlimited);
    await chooseModel(page, fakeModels.slow);
    await sendMessage(page, 'Tell me a long story about money');
    await expect(assistantMessages(page).last()).toContainText('You said', { timeout: 15_000 });
    await clickStop(page);
    await expect(assistantMessages(page).last()).toContainText('Stopped');
    await expect(costButton(page)).toHaveText('cost pending…');

    const settled = await billed(slowAccounting, 0, fakeKeys.unlimited);
    // No reopening: the figure replaces "cost pending" where it is.
    await expect(costButton(page)).toHaveAttribute('title', `$${settled} — show the breakdown`, { timeout: 15_000 });
    await expect(page.getByTitle(/^This conversation has cost /)).toHaveAttribute(
      'title',
      new RegExp(`\\$${settled.replace('.', '\\.')}`),
    );

    // Deleted at once (with Undo for a few seconds): the Spend view counts it all the same.
    await page.getByRole('button', { name: 'Delete conversation' }).first().click();
    await expect(assistantMessages(page)).toHaveCount(0);

    // From the status bar this time.
    await page.getByRole('button', { name: /This month/ }).click();
    const view = page.getByRole('dialog', { name: 'Spend' });
    const row = view
      .getByRole('table', { name: 'Spend by conversation' })
      .getByRole('row', { name: /deleted conversation/ });
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell').last()).toHaveAttribute('title', `$${settled}`);
    await expect(view.locator('dl > div').filter({ hasText: 'All time' }).first().locator('dd')).toHaveAttribute(
      'title',
      `$${settled}`,
    );
  } finally {
    await slowAccounting.close();
  }
});

test('a stopped reply whose charge never arrives ends up showing an estimate, marked as one and counted nowhere', async ({
  page,
  launch,
}) => {
  // Three rounds of lookups (each retries its 404s for ~7.5 s) before the core gives up.
  test.setTimeout(120_000);
  // Accounting that never settles: GET /generation answers 404 for the whole test.
  const neverBilled = await startFakeOpenRouter({ generationDelayMs: 3_600_000, chunkDelayMs: 5 });
  try {
    const host = await launch({
      openRouterBaseUrl: neverBilled.baseUrl,
      // Rounds 100 ms apart instead of 30 s and 2 min, so the last one comes within the test.
      extraEnv: { SWITCHBOARD_SETTLEMENT_DELAYS_MS: '100,100' },
    });
    await page.goto(host.url);
    await pasteKey(page, fakeKeys.unlimited);
    await chooseModel(page, fakeModels.slow);
    await sendMessage(page, 'Tell me a story nobody bills');
    await expect(assistantMessages(page).last()).toContainText('You said', { timeout: 15_000 });
    await clickStop(page);
    await expect(assistantMessages(page).last()).toContainText('Stopped');
    await expect(costButton(page)).toHaveText('cost pending…');

    // No reopening: once the lookups give up, the estimate replaces "cost pending" where it is.
    await expect(costButton(page)).toHaveText(/^≈(\$|<\$)[\d.,]+ \(estimate\)$/, { timeout: 60_000 });
    const generationLookups = neverBilled.requests.filter((r) => r.path.startsWith('/api/v1/generation'));
    expect(generationLookups.length).toBeGreaterThanOrEqual(3);
    await costButton(page).click();
    await expect(assistantMessages(page).last().getByRole('definition').first()).toContainText(
      "an estimate from catalogue prices: OpenRouter never reported this reply's charge",
    );

    // An estimate is not a charge: the ledger and so the Spend view have nothing for it.
    const view = await openSpendView(page);
    await expect(view.locator('dl > div').filter({ hasText: 'All time' }).first().locator('dd')).toHaveText('$0');
    await expect(view.getByText('0 ledger rows')).toBeVisible();
  } finally {
    await neverBilled.close();
  }
});

test('with a budget below the estimate, sending asks first; 80 % of it warns once', async ({ page, fake, launch }) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.unlimited);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Monthly budget (USD)').fill('abc');
  await settings.getByRole('button', { name: 'Save budget' }).click();
  await expect(settings.getByText('Enter an amount in dollars, like 20 or 12.50.')).toBeVisible();
  await settings.getByLabel('Monthly budget (USD)').fill('0.00001');
  await settings.getByRole('button', { name: 'Save budget' }).click();
  await expect(settings.getByText('Budget saved.')).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: /This month: \$0 of \$0\.00001/ })).toBeVisible();

  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Is this within budget?');
  await page.getByRole('button', { name: 'Send' }).click();
  const question = page.getByRole('alertdialog', { name: 'Send anyway?' });
  await expect(question).toContainText('This may take you over your $0.00001 monthly budget. Send anyway?');
  await question.getByRole('button', { name: 'Don’t send' }).click();
  await expect(question).toHaveCount(0);
  expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);
  await expect(page.getByRole('textbox', { name: 'Message', exact: true })).toHaveValue('Is this within budget?');

  await page.getByRole('button', { name: 'Send' }).click();
  await question.getByRole('button', { name: 'Send anyway' }).click();
  await expect(assistantMessages(page).last()).toContainText(replyOpening('Is this within budget?'));

  // Past 80 %: one warning, which does not come back once dismissed.
  const notice = page.getByRole('status').filter({ hasText: 'monthly budget' });
  await expect(notice).toContainText('of your $0.00001 monthly budget');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Again');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('alertdialog', { name: 'Send anyway?' }).getByRole('button', { name: 'Send anyway' }).click();
  await expect(assistantMessages(page).last()).toContainText(replyOpening('Again'));
  await expect(page.getByRole('progressbar', { name: /Monthly budget used/ })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test('delete all history asks whether the spending history goes too; kept by default, gone when ticked', async ({
  page,
  launch,
}) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.unlimited);
  await sendMessage(page, 'Something to spend on');
  await expect(assistantMessages(page).last()).toContainText(replyOpening('Something to spend on'));

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'Delete all history…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete all history?' });
  await expect(confirm).toContainText('What replies cost stays in your spending history unless you choose below.');
  await confirm.getByLabel(/Also delete spending history/).check();
  await confirm.getByLabel(/Type delete to confirm/).fill('delete');
  await confirm.getByRole('button', { name: 'Delete all history' }).click();
  await expect(confirm).toHaveCount(0);
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();

  const view = await openSpendView(page);
  await expect(view.locator('dl > div').filter({ hasText: 'All time' }).first().locator('dd')).toHaveText('$0');
  await expect(view.getByText('0 ledger rows')).toBeVisible();
});
