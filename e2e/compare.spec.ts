// Compare (issue 13), as a person uses it through the web host against the fake: three models answer one message
// at once (the fake sees the three requests overlap), each column shows what the fake billed for its own reply, the
// next message continues every column's own thread, a failing model fails only its column, the compare comes back
// as it was after a restart, and "Continue with this one" carries a column on as an ordinary conversation.

import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import { sumUsd, toUsd } from '../shared/money';
import { contentText, replyFor } from './fake-openrouter/reply-text';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import type { FakeOpenRouter, RecordedRequest } from './fake-openrouter/server';
import { expect, pasteKey, replyOpening, statusBar, test } from './support/fixtures';
import {
  column,
  columns,
  compareRows,
  conversationRows,
  openWithKey,
  sendToAll,
  startCompare,
} from './support/compare-steps';

const chats = (fake: FakeOpenRouter) => fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
/** What the fake billed for one generation, asked of GET /generation as any OpenRouter user could. */
async function billed(fake: FakeOpenRouter, request: RecordedRequest, key: string): Promise<string> {
  const id = request.generationId;
  if (!id) throw new Error('that request has no generation');
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await fetch(`${fake.baseUrl}/generation?id=${id}`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    if (response.ok) {
      const usd = toUsd(((await response.json()) as { data: { total_cost: number } }).data.total_cost);
      if (usd !== null) return usd;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the fake never settled ${id}`);
}

const names = ['OpenAI: GPT-4o-mini', 'OpenAI: GPT-4o', 'Anthropic: Claude 3.5 Haiku'];
const models = [fakeModels.default, fakeModels.vision, 'anthropic/claude-3.5-haiku'];

test('three models answer at once, each column costs what the fake billed, the next message continues each thread, and it all survives a restart', async ({
  page,
  fake,
  launch,
}) => {
  let host = await launch();
  await openWithKey(page, host.url);

  // The default model is the first column; the palette adds the other two.
  await startCompare(page, models.slice(1));
  await expect(columns(page)).toHaveCount(3);
  const first = 'Which sorting algorithm suits ten items?';
  await sendToAll(page, first);
  for (const name of names) {
    await expect(column(page, name).getByRole('article', { name: 'Assistant message' })).toContainText(
      replyOpening(first),
    );
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);

  // The three requests were in flight together: each began before any had ended.
  await expect.poll(() => chats(fake).filter((r) => r.endedAt !== null).length).toBe(3);
  const round1 = chats(fake);
  expect(Math.max(...round1.map((r) => r.startedAt))).toBeLessThan(Math.min(...round1.map((r) => r.endedAt!)));

  // Each column shows, to the digit, what the fake billed for its own model's generation; the round adds them up.
  const costs: string[] = [];
  for (const [index, model] of models.entries()) {
    const request = round1.find((r) => (r.body as { model: string }).model === model)!;
    const paid = await billed(fake, request, fakeKeys.valid);
    costs.push(paid);
    await expect(column(page, names[index]!).getByTitle(/show the breakdown$/i)).toHaveAttribute(
      'title',
      `$${paid} — show the breakdown`,
    );
  }
  await expect(page.getByTitle(/^Every column's last reply: /)).toHaveAttribute(
    'title',
    `Every column's last reply: $${sumUsd(costs)}`,
  );

  // The next message goes to every column with that column's own history: its question and its own answer.
  const second = 'And for ten thousand items?';
  await sendToAll(page, second);
  for (const name of names) {
    await expect(column(page, name).getByRole('article', { name: 'Assistant message' })).toHaveCount(2);
    await expect(column(page, name).getByRole('article', { name: 'Assistant message' }).last()).toContainText(
      replyOpening(second),
    );
  }
  const round2 = chats(fake).slice(3);
  expect(round2).toHaveLength(3);
  for (const model of models) {
    const body = round2.find((r) => (r.body as { model: string }).model === model)!.body as {
      messages: { role: string; content: unknown }[];
    };
    // Content may be parts (a cache breakpoint on Claude's); the text is what counts.
    expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(contentText(body.messages[0]!.content)).toBe(first);
    expect(contentText(body.messages[1]!.content)).toContain(replyOpening(first));
    expect(contentText(body.messages[2]!.content)).toBe(second);
  }

  // After a restart the compare is in the sidebar, marked as one, and opens exactly as it was.
  host = await launch();
  await page.goto(host.url);
  const row = compareRows(page);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Compare');
  // Its columns are not listed as conversations of their own.
  await expect(conversationRows(page)).toHaveCount(0);
  await row.getByRole('button', { name: new RegExp(first) }).click();
  await expect(columns(page)).toHaveCount(3);
  for (const [index, name] of names.entries()) {
    const replies = column(page, name).getByRole('article', { name: 'Assistant message' });
    await expect(replies).toHaveCount(2);
    await expect(replies.first().getByTitle(/show the breakdown$/i)).toHaveAttribute(
      'title',
      `$${costs[index]} — show the breakdown`,
    );
  }

  // "Continue with this one": GPT-4o's column becomes an ordinary conversation that goes on from its own thread.
  await column(page, names[1]!).getByRole('button', { name: 'Continue with this one' }).click();
  await expect(page.getByRole('textbox', { name: 'Message', exact: true })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Assistant message' })).toHaveCount(2);
  const third = 'Which one would you pick?';
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill(third);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('article', { name: 'Assistant message' }).last()).toContainText(replyOpening(third));
  const next = chats(fake).at(-1)!.body as { model: string; messages: { role: string; content: unknown }[] };
  expect(next.model).toBe(fakeModels.vision);
  expect(next.messages.map((m) => contentText(m.content).slice(0, 20))).toEqual(
    [first, replyOpening(first), second, replyOpening(second), third].map((text) => text.slice(0, 20)),
  );
  // The compare stays in history; the continued conversation is listed as an ordinary one.
  await expect(row).toHaveCount(1);
  await expect(conversationRows(page)).toHaveCount(1);
});

test('a column added from a chosen column’s history starts with that thread, unbilled, and its model answers the next round with it', async ({
  page,
  fake,
  launch,
}) => {
  const host = await launch();
  await openWithKey(page, host.url);

  await startCompare(page, [fakeModels.vision]);
  const first = 'Name a stable sort';
  await sendToAll(page, first);
  for (const name of names.slice(0, 2)) {
    await expect(column(page, name).getByRole('article', { name: 'Assistant message' })).toContainText(
      replyOpening(first),
    );
  }
  await expect.poll(() => chats(fake).filter((r) => r.endedAt !== null).length).toBe(2);

  // GPT-4o's thread, by keyboard: the choice, then Add model and the palette.
  const from = page.getByRole('combobox', { name: 'New column starts from' });
  await from.focus();
  await from.selectOption({ label: `${names[1]}’s thread` });
  await page.getByRole('button', { name: 'Add model' }).click();
  const palette = page.getByRole('dialog', { name: 'Add a model to the compare' });
  await palette.getByRole('combobox', { name: 'Search models' }).fill(models[2]!);
  await expect(palette.getByRole('listbox', { name: 'Models' }).getByRole('option', { selected: true })).toContainText(
    models[2]!,
  );
  await palette.getByRole('combobox', { name: 'Search models' }).press('Enter');
  await expect(columns(page)).toHaveCount(3);

  // The copy is there at once, and nothing was sent for it: the reply was paid for in GPT-4o's column.
  const added = column(page, names[2]!);
  await expect(added.getByRole('article', { name: 'Your message' })).toHaveText(first);
  await expect(added.getByRole('article', { name: 'Assistant message' })).toContainText(replyOpening(first));
  await expect(added.getByTitle(/show the breakdown$/i)).toHaveCount(0);
  expect(chats(fake)).toHaveLength(2);
  // The choice goes back to the first message for the next column.
  await expect(from).toHaveValue('');

  // The next round: the new model is sent the copied thread and the new question.
  const second = 'Why that one?';
  await sendToAll(page, second);
  await expect(added.getByRole('article', { name: 'Assistant message' })).toHaveCount(2);
  await expect(added.getByRole('article', { name: 'Assistant message' }).last()).toContainText(replyOpening(second));
  const request = chats(fake).find((r) => (r.body as { model: string }).model === models[2])!;
  const body = request.body as { messages: { role: string; content: unknown }[] };
  expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  expect(contentText(body.messages[0]!.content)).toBe(first);
  expect(contentText(body.messages[1]!.content)).toContain(replyOpening(first));
  expect(contentText(body.messages[2]!.content)).toBe(second);
});

test('Merge goes through the budget check like any send: it asks first, Don’t send sends nothing, Send anyway merges', async ({
  page,
  fake,
  launch,
}) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.unlimited);
  await expect(statusBar(page)).toContainText('Remaining credit');

  await startCompare(page, [fakeModels.vision]);
  const question = 'Which is faster, quicksort or mergesort?';
  await sendToAll(page, question);
  for (const name of names.slice(0, 2)) {
    await expect(column(page, name).getByRole('article', { name: 'Assistant message' })).toContainText(
      replyOpening(question),
    );
  }
  await expect.poll(() => chats(fake).filter((r) => r.endedAt !== null).length).toBe(2);

  // A budget the merge may pass.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Monthly budget (USD)').fill('0.00001');
  await settings.getByRole('button', { name: 'Save budget' }).click();
  await expect(settings.getByText('Budget saved.')).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).click();

  const merge = async () => {
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge the answers' });
    await dialog.getByRole('combobox', { name: 'Model' }).selectOption(fakeModels.vision);
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  };
  await merge();
  const ask = page.getByRole('alertdialog', { name: 'Send anyway?' });
  await expect(ask).toContainText('monthly budget');
  await ask.getByRole('button', { name: 'Don’t send' }).click();
  await expect(ask).toHaveCount(0);
  expect(chats(fake)).toHaveLength(2);
  // Nothing was sent: the compare is still on screen.
  await expect(columns(page)).toHaveCount(2);

  await merge();
  await ask.getByRole('button', { name: 'Send anyway' }).click();
  const merged = page.getByRole('article', { name: 'Assistant message' });
  await expect(merged).toHaveCount(1);
  await expect(merged).toContainText('You said');
  const body = chats(fake).at(-1)!.body as { model: string; messages: { content: unknown }[] };
  expect(body.model).toBe(fakeModels.vision);
  expect(contentText(body.messages[0]!.content)).toContain('=== Answer 2 (openai/gpt-4o) ===');
});

test('a failing model shows its own error and Retry while the other columns complete', async ({
  page,
  fake,
  launch,
}) => {
  const host = await launch();
  await openWithKey(page, host.url);

  await startCompare(page, [fakeModels.error429, fakeModels.vision]);
  await expect(columns(page)).toHaveCount(3);
  const question = 'Is this one going to fail?';
  await sendToAll(page, question);
  await expect(column(page, names[0]!).getByRole('article', { name: 'Assistant message' })).toContainText(
    replyOpening(question),
  );
  await expect(column(page, names[1]!).getByRole('article', { name: 'Assistant message' })).toContainText(
    replyOpening(question),
  );
  const failing = columns(page).nth(1);
  await expect(failing.getByRole('alert')).toContainText(/Failed/);
  const retry = failing.getByRole('button', { name: /^Retry / });
  await expect(retry).toBeVisible();
  // No banner over the whole screen (the chat's, with its Dismiss): the failure belongs to its column.
  await expect(page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Dismiss' }) })).toHaveCount(0);

  const before = chats(fake).length;
  await retry.click();
  await expect.poll(() => chats(fake).length).toBe(before + 1);
  expect((chats(fake).at(-1)!.body as { model: string }).model).toBe(fakeModels.error429);
  await expect(failing.getByRole('button', { name: /^Retry / })).toBeVisible();
  // The columns that answered kept their replies.
  await expect(column(page, names[1]!).getByRole('article', { name: 'Assistant message' })).toHaveCount(1);

  // Merge: the two answers (not the failed column) in a prompt that can be edited, sent to the chosen model as the
  // first message of an ordinary conversation, whose reply shows what the fake billed.
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge the answers' });
  const prompt = dialog.getByRole('textbox', { name: 'Merge prompt' });
  await expect(prompt).toHaveValue(/=== Answer 1 \(openai\/gpt-4o-mini\) ===/);
  await expect(prompt).toHaveValue(/=== Answer 2 \(openai\/gpt-4o\) ===/);
  await expect(prompt).not.toHaveValue(/error-429/);
  const edited = `${await prompt.inputValue()}\nKeep it short.`;
  await prompt.fill(edited);
  await dialog.getByRole('combobox', { name: 'Model' }).selectOption(fakeModels.vision);
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Message', exact: true })).toBeVisible();
  const merged = page.getByRole('article', { name: 'Assistant message' });
  await expect(merged).toHaveCount(1);
  await expect(merged).toContainText('You said');
  const request = chats(fake).at(-1)!;
  const body = request.body as { model: string; messages: { role: string; content: unknown }[] };
  expect(body.model).toBe(fakeModels.vision);
  expect(body.messages.map((m) => contentText(m.content))).toEqual([edited]);
  const paid = await billed(fake, request, fakeKeys.valid);
  await expect(merged.getByTitle(/show the breakdown$/i)).toHaveAttribute('title', `$${paid} — show the breakdown`);
});

test('three columns with an error: side by side at 1280×800, stacked at 720×480, light and dark pass axe-core (screenshots attached)', async ({
  page,
  launch,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const host = await launch();
  await openWithKey(page, host.url);
  await startCompare(page, [fakeModels.error429, 'anthropic/claude-3.5-haiku']);
  const question = 'Lay the columns out, please';
  await sendToAll(page, question);
  await expect(column(page, names[2]!).getByRole('article', { name: 'Assistant message' })).toContainText(
    replyOpening(question),
  );
  await expect(column(page, names[0]!).getByRole('article', { name: 'Assistant message' })).toContainText(
    replyOpening(question),
  );
  await expect(
    columns(page)
      .nth(1)
      .getByRole('button', { name: /^Retry / }),
  ).toBeVisible();

  const boxes = async () => {
    const found = [];
    for (let i = 0; i < 3; i++) found.push((await columns(page).nth(i).boundingBox())!);
    return found;
  };
  const noSideways = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  for (const size of [
    { width: 1280, height: 800 },
    { width: 720, height: 480 },
  ]) {
    await page.setViewportSize(size);
    await page.mouse.move(0, 0);
    const [a, b, c] = await boxes();
    if (size.width === 1280) {
      // Side by side: one row, left to right.
      expect(a!.y).toBe(b!.y);
      expect(b!.y).toBe(c!.y);
      expect(a!.x).toBeLessThan(b!.x);
      expect(b!.x).toBeLessThan(c!.x);
    } else {
      // Stacked: one column per row, each as wide as the others.
      expect(a!.x).toBe(b!.x);
      expect(b!.x).toBe(c!.x);
      expect(a!.y).toBeLessThan(b!.y);
    }
    expect(await noSideways()).toBe(true);
    for (let pass = 0; pass < 2; pass++) {
      const theme = await page.locator('html').getAttribute('data-theme');
      await page.keyboard.press('Control+Shift+L');
      await expect(page.locator('html')).not.toHaveAttribute('data-theme', theme ?? '');
      const now = (await page.locator('html').getAttribute('data-theme')) ?? 'system';
      await testInfo.attach(`compare ${size.width}×${size.height}, ${now}`, {
        body: await page.screenshot(),
        contentType: 'image/png',
      });
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const found = results.violations.map((v) => ({
        rule: v.id,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
      }));
      expect(found, `${size.width}×${size.height}, ${now}`).toEqual([]);
      expect(results.passes.map((r) => r.id)).toContain('color-contrast');
    }
  }
});

test('a saved compare set starts a compare of its models with one click, also after a restart', async ({
  page,
  launch,
}) => {
  let host = await launch();
  await openWithKey(page, host.url);
  await startCompare(page, [fakeModels.vision]);
  const sets = page.getByRole('group', { name: 'Compare sets' });
  await sets.getByRole('button', { name: 'Save these models as a set' }).click();
  await sets.getByRole('textbox', { name: 'Set name' }).fill('cheap vs best');
  await sets.getByRole('button', { name: 'Save set' }).click();
  await expect(sets.getByRole('button', { name: 'cheap vs best', exact: true })).toBeVisible();

  host = await launch();
  await page.goto(host.url);
  // With a saved set, the header's button opens the compare screen with the sets (no palette in the way).
  await page.getByRole('button', { name: 'Compare models' }).click();
  await expect(page.getByRole('dialog', { name: 'Add a model to the compare' })).toHaveCount(0);
  await page
    .getByRole('group', { name: 'Compare sets' })
    .getByRole('button', { name: 'cheap vs best', exact: true })
    .click();
  await expect(columns(page)).toHaveCount(2);
  await expect(column(page, names[0]!)).toBeVisible();
  await expect(column(page, names[1]!)).toBeVisible();
  const question = 'Cheap or best?';
  await sendToAll(page, question);
  for (const name of names.slice(0, 2)) {
    await expect(column(page, name).getByRole('article', { name: 'Assistant message' })).toContainText(
      replyOpening(question),
    );
  }
});

test('a long reply growing below sight is drawn as it is scrolled to, and kept whole when it ends', async ({
  page,
  launch,
}) => {
  test.setTimeout(90_000);
  // Stacked columns in the smallest window: the slow model's column soon runs past the bottom of what can be seen.
  await page.setViewportSize({ width: 720, height: 480 });
  const host = await launch();
  await openWithKey(page, host.url);
  await startCompare(page, [fakeModels.slow]);
  const question = 'Tell me everything about streaming';
  await sendToAll(page, question);
  const reply = column(page, 'Switchboard Test: Slow stream').getByRole('article', { name: 'Assistant message' });
  await expect(reply).toContainText(replyOpening(question));
  const shown = async () => (await reply.textContent())?.length ?? 0;

  // The model goes on (a word every 50 ms) while its end is below sight: what is on the page stops growing.
  let held = 0;
  await expect
    .poll(
      async () => {
        const before = await shown();
        await page.waitForTimeout(1_000);
        held = await shown();
        return held === before && (await reply.getAttribute('aria-busy')) === 'true';
      },
      { timeout: 15_000 },
    )
    .toBe(true);

  // Scrolled down to the column's end, its text catches up and goes on growing where the reader is.
  await columns(page).first().hover();
  await page.mouse.wheel(0, 10_000);
  await expect.poll(shown, { timeout: 5_000 }).toBeGreaterThan(held);
  await expect(reply).toHaveAttribute('aria-busy', 'true');

  // Ended, the whole reply is there, as the fake sent it.
  const full = replyFor(question, { long: true });
  await expect(reply).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  for (const paragraph of full.split('\n\n').slice(-2))
    await expect(reply).toContainText(paragraph.replace(/\*\*/g, ''));
});

test('a compare exports from its header: Markdown, one file per column with its model’s answer; JSON, one conversation per column', async ({
  page,
  launch,
}) => {
  const host = await launch();
  await openWithKey(page, host.url);
  await startCompare(page, models.slice(1, 2));
  const question = 'Export both columns, please';
  await sendToAll(page, question);
  for (const name of names.slice(0, 2)) {
    await expect(column(page, name).getByRole('article', { name: 'Assistant message' })).toContainText(
      replyOpening(question),
    );
  }

  await page.getByRole('button', { name: 'Export compare' }).click();
  const dialog = page.getByRole('dialog', { name: `Export “${question}”` });
  let download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Markdown (.zip)' }).click();
  let file = await download;
  expect(file.suggestedFilename()).toMatch(/^Export both columns, please \([\w-]{8}\)\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync(await file.path())));
  const texts = Object.values(files).map((bytes) => strFromU8(bytes));
  expect(texts).toHaveLength(2);
  for (const [index, model] of models.slice(0, 2).entries()) {
    const text = texts[index]!;
    expect(text).toContain(`### You\n\n${question}`);
    expect(text).toContain(`### Assistant (${model}`);
  }

  download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'JSON (.json)' }).click();
  file = await download;
  const json = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
    conversations: { model: string; messages: { role: string; content: string }[] }[];
  };
  expect(json.conversations.map((conversation) => conversation.model)).toEqual(models.slice(0, 2));
  for (const conversation of json.conversations) {
    expect(conversation.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(conversation.messages[1]!.content).toContain(replyOpening(question));
  }
});
