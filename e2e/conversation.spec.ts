// The chat as a person uses it all day: several conversations streaming at once, Stop by key and by a careless
// double-click, drafts across restarts, a crash mid-reply, versions and edits, and a very long conversation.

import { type Page } from '@playwright/test';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { assistantMessages, chooseModel, expect, pasteKey, sendMessage, test, userMessages } from './support/fixtures';
import { seededQuestion, seedLongConversation } from './support/seed-history';

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const conversation = (page: Page, title: string | RegExp) => sidebar(page).getByRole('button', { name: title });
const chatCompletions = (fake: { requests: { path: string }[] }) =>
  fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
/** A finished reply carries its meta line: tokens and cost. */
const finished = /\d+ tokens · \$/;

async function start(page: Page, launch: () => Promise<{ url: string }>) {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();
}

test('two conversations stream at once: leaving one never cancels it, and both finish complete', async ({
  page,
  fake,
  launch,
}) => {
  test.setTimeout(120_000);
  await start(page, launch);
  await chooseModel(page, fakeModels.slow);
  await sendMessage(page, 'First long story');
  await expect(assistantMessages(page).last()).toContainText('You said', { timeout: 15_000 });

  await page.getByRole('button', { name: 'New chat' }).click();
  // A new chat starts on the default model.
  await chooseModel(page, fakeModels.slow);
  await sendMessage(page, 'Second long story');
  await expect(assistantMessages(page).last()).toContainText('Second long story', { timeout: 15_000 });
  await expect(conversation(page, /First long story.*replying/)).toBeVisible();
  await expect(conversation(page, /Second long story.*replying/)).toBeVisible();

  // Back to the first: its reply is still being written, live.
  await conversation(page, /First long story/).click();
  const first = assistantMessages(page).last();
  await expect(first).toContainText('First long story');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();

  await expect(first).toContainText(finished, { timeout: 60_000 });
  await expect(first).not.toContainText('Stopped');
  // The second finished while the person read the first: it is marked as new until opened.
  await expect(conversation(page, /Second long story.*new reply/)).toBeVisible({ timeout: 60_000 });
  await conversation(page, /Second long story/).click();
  await expect(assistantMessages(page).last()).toContainText(finished);
  await expect(conversation(page, /Second long story.*new reply/)).toHaveCount(0);
  expect(chatCompletions(fake).filter((r) => (r as { clientDisconnected?: boolean }).clientDisconnected)).toEqual([]);
});

test('Esc stops the reply in the open conversation', async ({ page, fake, launch }) => {
  await start(page, launch);
  await chooseModel(page, fakeModels.slow);
  await sendMessage(page, 'Tell me a long story');
  const reply = assistantMessages(page).last();
  await expect(reply).toContainText('You said', { timeout: 15_000 });
  await composer(page).press('Escape');
  await fake.waitFor((r) => r.path.endsWith('/chat/completions') && r.clientDisconnected, 10_000);
  await expect(reply).toContainText('Stopped');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
});

test('double-clicking Send sends once and does not stop the reply it started', async ({ page, fake, launch }) => {
  await start(page, launch);
  await chooseModel(page, fakeModels.slow);
  await composer(page).fill('One question, clicked twice');
  await page.getByRole('button', { name: 'Send' }).dblclick();
  const reply = assistantMessages(page).last();
  // Still writing well after the second click — the whole echo arrived and Stop now takes clicks — so that click
  // landed on Stop, which did not take it. (Checked at once after the first words, a stop still on its way would pass.)
  await expect(reply).toContainText('You said: “One question, clicked twice”', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveAttribute('data-armed', 'true');
  await expect(reply).not.toContainText('Stopped');
  expect(chatCompletions(fake)).toHaveLength(1);
  expect(chatCompletions(fake).filter((r) => (r as { clientDisconnected?: boolean }).clientDisconnected)).toEqual([]);
  await expect(userMessages(page)).toHaveCount(1);
});

test('drafts are kept per conversation, across switching and a restart', async ({ page, launch }) => {
  await start(page, launch);
  await sendMessage(page, 'Hello there');
  await expect(assistantMessages(page).last()).toContainText(finished);
  await composer(page).fill('A follow-up I have not sent');
  await page.getByRole('button', { name: 'New chat' }).click();
  await expect(composer(page)).toHaveValue('');
  await composer(page).fill('Something for a new chat');
  // Saved once typing pauses; the page says when the host has it.
  await expect(page.getByTestId('composer')).toHaveAttribute('data-draft-saved', 'true');

  const host = await launch();
  await page.goto(host.url);
  await expect(composer(page)).toHaveValue('Something for a new chat');
  await conversation(page, /Hello there/).click();
  await expect(composer(page)).toHaveValue('A follow-up I have not sent');
});

test('a host killed mid-reply shows the reply as interrupted, and Retry completes it', async ({ page, launch }) => {
  test.setTimeout(90_000);
  let host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await chooseModel(page, fakeModels.slow);
  await sendMessage(page, 'Write slowly please');
  // Past the first checkpoint (every 500 ms), so there is partial text to keep.
  await expect(assistantMessages(page).last()).toContainText('You said', { timeout: 15_000 });
  await page.waitForFunction(
    () => (document.querySelector('article[aria-label="Assistant message"]')?.textContent ?? '').length > 200,
  );
  await host.kill();

  host = await launch();
  await page.goto(host.url);
  await conversation(page, /Write slowly please/).click();
  const reply = assistantMessages(page).last();
  // The cut attempt keeps its text (and, once OpenRouter's generation record settles it, what it cost).
  await expect(reply).toContainText('Interrupted');
  await chooseModel(page, fakeModels.default);
  await reply.hover();
  await reply.getByRole('button', { name: 'Retry' }).click();
  await expect(assistantMessages(page).last()).not.toContainText('Interrupted', { timeout: 60_000 });
  await expect(assistantMessages(page).last()).toContainText(finished, { timeout: 60_000 });
  await expect(userMessages(page)).toHaveCount(1);
});

test('regenerate with another model, then flip between versions, each with its own model and cost', async ({
  page,
  fake,
  launch,
}) => {
  await start(page, launch);
  await sendMessage(page, 'Compare the models');
  const reply = assistantMessages(page).last();
  await expect(reply).toContainText(finished);
  await expect(reply).toContainText('gpt-4o-mini');

  await reply.hover();
  await reply.getByRole('button', { name: 'Regenerate with another model' }).click();
  const menu = page.getByRole('menu', { name: 'Regenerate with' });
  await menu.getByLabel('Other model id').fill(fakeModels.vision);
  await menu.getByLabel('Other model id').press('Enter');
  await expect(assistantMessages(page).last()).toContainText('2/2');
  await expect(assistantMessages(page).last()).toContainText(finished);
  await expect(assistantMessages(page).last()).toContainText('gpt-4o ·');
  const second = (await assistantMessages(page).last().textContent()) ?? '';
  expect(chatCompletions(fake)).toHaveLength(2);
  // The question was reused, not sent again: one user message upstream each time.
  const lastBody = chatCompletions(fake).at(-1) as unknown as { body: { messages: { role: string }[] } };
  expect(lastBody.body.messages.filter((m) => m.role === 'user')).toHaveLength(1);

  await assistantMessages(page).last().getByRole('button', { name: 'Previous version' }).click();
  await expect(assistantMessages(page).last()).toContainText('1/2');
  await expect(assistantMessages(page).last()).toContainText('gpt-4o-mini ·');
  await expect(assistantMessages(page).last()).toContainText(finished);
  await assistantMessages(page).last().getByRole('button', { name: 'Next version' }).click();
  await expect(assistantMessages(page).last()).toContainText('2/2');
  expect(second).toMatch(finished);
  await expect(userMessages(page)).toHaveCount(1);
});

test('edit a question and resend; the old branch is a version to flip back to', async ({ page, launch }) => {
  await start(page, launch);
  await sendMessage(page, 'First question');
  await expect(assistantMessages(page).last()).toContainText(finished);
  await sendMessage(page, 'Second question');
  await expect(assistantMessages(page).last()).toContainText('Second question');
  await expect(assistantMessages(page).last()).toContainText(finished);

  // Up in the empty composer edits the last message of yours.
  await composer(page).press('ArrowUp');
  const editor = page.getByRole('textbox', { name: 'Edited message' });
  await expect(editor).toBeFocused();
  await editor.fill('Second question, put better');
  await editor.press('Enter');
  await expect(assistantMessages(page).last()).toContainText('Second question, put better');
  await expect(assistantMessages(page).last()).toContainText(finished);
  await expect(userMessages(page)).toHaveCount(2);
  await expect(userMessages(page).last()).toContainText('2/2');

  await userMessages(page).last().getByRole('button', { name: 'Previous version' }).click();
  await expect(userMessages(page).last()).toContainText('1/2');
  await expect(userMessages(page).last()).toContainText('Second question');
  await expect(assistantMessages(page).last()).toContainText('You said: “Second question”');
});

test('a 10,000-message conversation opens at its end and loads older pages while scrolling up', async ({
  page,
  profileDir,
  launch,
}) => {
  test.setTimeout(120_000);
  // A key first (it lives in the keychain, not the profile), then the history, written while no host runs.
  let host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();
  await host.stop();
  seedLongConversation(profileDir, 10_000, 'A very long conversation');

  const frames: number[] = [];
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(frame.payload.length)));
  host = await launch();
  await page.goto(host.url);
  await conversation(page, 'A very long conversation').click();
  // The end is on screen, and only a page of it is in the DOM.
  await expect(page.getByText(seededQuestion(4_999), { exact: true })).toBeInViewport();
  expect(await page.getByRole('article').count()).toBeLessThan(60);
  // The whole history never crossed the socket: no frame near the size of 10,000 messages.
  expect(Math.max(...frames)).toBeLessThan(500_000);

  const log = page.getByRole('log', { name: 'Messages' });
  // Reading upwards a wheel turn a frame until the list asks for the next older page, then pausing: from that moment
  // to well after the page has landed above, what is on screen stays where it was. (A row is found by its
  // text: the page landing may re-create a row's element, which the reader cannot see.)
  const reading = await log.evaluate(async (scroller) => {
    const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
    const articles = () => Array.from(scroller.querySelectorAll('article'));
    const onScreen = () => {
      const box = scroller.getBoundingClientRect();
      return articles().find((article) => {
        const rect = article.getBoundingClientRect();
        return rect.bottom > box.top + 10 && rect.top < box.bottom - 10;
      });
    };
    const asking = () => scroller.parentElement?.textContent?.includes('Loading earlier messages') ?? false;
    scroller.dispatchEvent(new WheelEvent('wheel', { deltaY: -200, bubbles: true }));
    const started = performance.now();
    while (performance.now() - started < 20_000) {
      if (!asking()) {
        scroller.scrollTop = Math.max(0, scroller.scrollTop - 200);
        await nextFrame();
        continue;
      }
      const anchor = onScreen();
      if (!anchor) throw new Error('no message on screen');
      const text = anchor.textContent;
      const top = anchor.getBoundingClientRect().top;
      const height = scroller.scrollHeight;
      const drifts: (number | null)[] = [];
      for (let frame = 0; frame < 120 && drifts.length < 9; frame++) {
        await nextFrame();
        const same = articles().find((article) => article.textContent === text);
        const drift = same ? same.getBoundingClientRect().top - top : null;
        if (drifts.length > 0 || scroller.scrollHeight > height + 2_000) drifts.push(drift);
        else if (drift === null || Math.abs(drift) >= 2) return [drift];
      }
      return drifts;
    }
    return [];
  });
  expect(reading.length, 'an older page landed above').toBeGreaterThan(0);
  // A page landing without its rows counted as "above" would move the view by the whole page (~7,800 px here). What
  // remains is the list correcting a row's estimated height when it is first drawn (a 351 px row estimated at 244 px
  // moved the view by 107 px here, once); the README lists it as not done.
  for (const drift of reading) expect(Math.abs(drift ?? Infinity)).toBeLessThan(200);

  // The first page ends at turn 4,975; a question before 4,950 comes from the second older page or beyond.
  const older = page.getByText(/^Seeded question number 49[0-4]\d$/).first();
  await log.hover();
  // Each wheel turn scrolls up; older pages arrive as the top comes near, until the wanted question shows.
  await expect(async () => {
    await page.mouse.wheel(0, -3_000);
    await expect(older).toBeVisible({ timeout: 250 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByText(seededQuestion(4_999), { exact: true })).not.toBeInViewport();
  await expect(page.getByRole('button', { name: 'Jump to latest ↓' })).toBeVisible();
  await page.getByRole('button', { name: 'Jump to latest ↓' }).click();
  await expect(page.getByText(seededQuestion(4_999), { exact: true })).toBeInViewport();
});

test('a reply says when it was retried, cut at the length limit (with Continue), or only asked for a tool', async ({
  page,
  fake,
  launch,
}) => {
  test.setTimeout(90_000);
  await start(page, launch);
  // Two 502s before any token: the core retries by itself, and says so on the reply while it waits.
  await chooseModel(page, fakeModels.flaky502);
  await sendMessage(page, 'Try until it works');
  await expect(assistantMessages(page).last()).toContainText(/Retrying in \d+ s \(attempt 1 of 2\)/);
  await expect(assistantMessages(page).last()).toContainText(finished, { timeout: 30_000 });
  await expect(assistantMessages(page).last()).not.toContainText('Retrying');

  await chooseModel(page, fakeModels.length);
  await sendMessage(page, 'A long answer please');
  const cut = assistantMessages(page).last();
  await expect(cut).toContainText('Cut off at the length limit.');
  const before = fake.requests.length;
  const replies = await assistantMessages(page).count();
  const textOf = async () => ((await cut.textContent()) ?? '').split('Cut off at the length limit.')[0] ?? '';
  const partial = await textOf();
  await cut.getByRole('button', { name: 'Continue' }).click();
  // Continue asks the model to go on from the partial reply (an assistant prefill) and grows the same reply.
  const request = await fake.waitFor(
    (r) => r.path.endsWith('/chat/completions') && fake.requests.indexOf(r) >= before,
    10_000,
  );
  const sent = (request.body as { messages: { role: string; content: string }[] }).messages;
  expect(sent.at(-1)?.role).toBe('assistant');
  expect(sent.at(-1)?.content).toContain('You said: “A long answer please”');
  await expect(assistantMessages(page)).toHaveCount(replies);
  await expect(cut).not.toContainText('Writing…', { timeout: 30_000 });
  await expect(cut).toContainText(finished);
  // The same reply, longer: the fake cuts every request at 20 tokens, so this one is cut again further on.
  expect((await textOf()).length).toBeGreaterThan(partial.length);
  expect(await textOf()).toContain(partial.trim().slice(0, 60));

  await chooseModel(page, fakeModels.toolCall);
  await sendMessage(page, 'What is the weather?');
  const tool = assistantMessages(page).last();
  await expect(tool).toContainText('asked to call a tool');
  await expect(tool).toContainText('doesn’t run tools');
  await tool.getByText('get_weather').click();
  await expect(tool.locator('pre')).toContainText('{');
});

test('keyboard: Ctrl+Shift+C copies the last reply, Ctrl+N starts a new chat', async ({ page, context, launch }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await start(page, launch);
  await sendMessage(page, 'Copy me');
  await expect(assistantMessages(page).last()).toContainText(finished);
  await page.keyboard.press('Control+Shift+C');
  await expect(page.getByText('Copied the last reply.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('You said: “Copy me”');

  await page.keyboard.press('Control+n');
  await expect(assistantMessages(page)).toHaveCount(0);
  await expect(composer(page)).toBeFocused();
  await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
});
