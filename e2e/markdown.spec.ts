// Replies as rendered Markdown, as a person reads them: highlighted code with Copy, tables, the Thinking block,
// and model output that tries to run code or load an image staying inert.

import { MARKDOWN_REPLY, MARKDOWN_REPLY_CODE } from './fake-openrouter/markdown-reply';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { assistantMessages, chooseModel, expect, pasteKey, sendMessage, test } from './support/fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a Markdown reply: highlighted code copied exactly, a table, raw HTML as text, no javascript: link', async ({
  page,
  launch,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await chooseModel(page, fakeModels.markdown);
  await sendMessage(page, 'Show me a release checklist');

  const reply = assistantMessages(page).last();
  await expect(reply.getByRole('heading', { name: 'Release checklist' })).toBeVisible();
  await expect(reply.getByRole('button', { name: 'Copy as Markdown' })).toBeAttached();

  const table = reply.locator('table');
  await expect(table).toHaveCount(1);
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('th').first()).toHaveText('Step');

  const code = reply.getByTestId('code-block');
  await expect(code.getByTestId('code-language')).toHaveText('ts');
  await expect(code.locator('pre .hljs-keyword').first()).toHaveText('export');
  await expect(code.locator('pre')).toHaveText(MARKDOWN_REPLY_CODE);
  // Long lines scroll sideways inside the block; they never wrap.
  expect(await code.locator('pre').evaluate((pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);
  await code.getByRole('button', { name: 'Copy' }).click();
  await expect(code.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MARKDOWN_REPLY_CODE);

  // Math is drawn (MathML), one formula inline and one on its own; the dollar amounts stay text.
  await expect(reply.locator('math:not([display="block"])')).toHaveCount(1);
  await expect(reply.locator('math[display="block"]')).toHaveCount(1);
  await expect(reply.locator('math[display="block"] mfrac')).toHaveCount(1);
  await expect(reply).toContainText('a build costs $5 and a release $10.');

  // Raw HTML is its text; nothing in the page became an image or ran.
  await expect(reply).toContainText("<img src=x onerror=alert('pwned')>");
  await expect(page.locator('img')).toHaveCount(0);
  // The javascript: link is plain text; the one http(s) link opens outside the app.
  await expect(reply.getByText('this link')).toBeVisible();
  await expect(reply.getByRole('link', { name: 'this link' })).toHaveCount(0);
  const links = reply.getByRole('link');
  await expect(links).toHaveCount(1);
  await expect(links).toHaveAttribute('href', 'https://example.com/releases');
  await expect(links).toHaveAttribute('target', '_blank');
  await expect(links).toHaveAttribute('rel', 'noopener noreferrer');

  // The whole reply copies as the Markdown it was written in.
  await reply.hover();
  await reply.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(reply.locator('[data-copy-state="copied"]').getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MARKDOWN_REPLY);
  expect(dialogs).toEqual([]);
});

test('reasoning streams into an open Thinking block that folds once the answer starts', async ({ page, launch }) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await chooseModel(page, fakeModels.markdownReasoning);
  // The page records each state of the Thinking block as it happens, so a slow test machine cannot miss one.
  await page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { thinkingLog: string[] }).thinkingLog = log;
    new MutationObserver(() => {
      const reply = Array.from(document.querySelectorAll('article[aria-label="Assistant message"]')).at(-1);
      const details = reply?.querySelector('details');
      if (!reply || !(details instanceof HTMLDetailsElement)) return;
      const answer = reply.querySelector(':scope > [data-testid="markdown"] h1') ? 'answer' : 'no answer';
      const state = `${details.open ? 'open' : 'closed'} | ${details.querySelector('summary')?.textContent} | ${answer}`;
      if (log.at(-1) !== state) log.push(state);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await sendMessage(page, 'Think first, then answer');

  const reply = assistantMessages(page).last();
  // The Thinking block is the reply's first disclosure.
  const thinking = reply.locator('details').first();
  await expect(reply.getByRole('button', { name: 'Copy as Markdown' })).toBeAttached();
  const log = await page.evaluate(() => (window as unknown as { thinkingLog: string[] }).thinkingLog);
  expect(log).toContain('open | Thinking… | no answer');
  const answered = log.filter((state) => state.endsWith('| answer'));
  expect(answered.length).toBeGreaterThan(0);
  expect(answered.every((state) => state.startsWith('closed | Thought for '))).toBe(true);
  await expect(thinking.locator('summary')).toHaveText(/^Thought for (under a second|\d+(\.\d)? s)$/);

  // The reader can open it again; it holds the reasoning as it streamed.
  await thinking.locator('summary').click();
  await expect(thinking).toHaveAttribute('open', '');
  await expect(thinking).toContainText('I should echo it back');
});
