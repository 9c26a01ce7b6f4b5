// History that moves and survives, as a person uses it: export everything, import it into a fresh profile and find
// the same conversations, models and costs; back up, keep chatting, restore; and a hostile file that changes nothing.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { assistantMessages, chooseModel, expect, pasteKey, sendMessage, test } from './support/fixtures';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const conversation = (page: Page, title: string | RegExp) => sidebar(page).getByRole('button', { name: title });
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });
/** A finished reply carries its meta line: tokens and cost. */
const finished = /\d+ tokens · \$/;
const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings' });

async function start(page: Page, url: string) {
  await page.goto(url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();
}

async function chat(page: Page, model: string, text: string) {
  await page.getByRole('button', { name: 'New chat' }).click();
  await chooseModel(page, model);
  await sendMessage(page, text);
  await expect(assistantMessages(page).last()).toContainText(finished, { timeout: 30_000 });
}

/** What a person can check of a conversation: its replies' meta lines (model, tokens, cost) and texts. */
async function readConversation(page: Page, title: string) {
  await conversation(page, title).click();
  await expect(assistantMessages(page).last()).toContainText(finished);
  const replies = assistantMessages(page);
  return {
    meta: await replies.getByTestId('reply-meta').allInnerTexts(),
    text: await replies.allInnerTexts(),
  };
}

/** The parts of a conversation a Markdown export carries: the texts, and each reply's model, tokens and cost. */
function whatMarkdownKeeps({ meta, text }: { meta: string[]; text: string[] }) {
  const kept = (line: string) =>
    line.split(' · ').filter((part, i) => i === 0 || /^[\d,]+ tokens$/.test(part) || part.startsWith('$'));
  return { meta: meta.map(kept), text: text.map((t, i) => t.replace(meta[i] ?? '', '')) };
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(settings(page)).toBeVisible();
}

test('export all, then import into a fresh profile: the same conversations, models and costs', async ({
  page,
  launch,
}) => {
  test.setTimeout(120_000);
  const first = await launch();
  await start(page, first.url);
  await chat(page, fakeModels.default, 'Portable question one');
  await chat(page, fakeModels.usageA, 'Portable question two');
  const before = {
    one: await readConversation(page, 'Portable question one'),
    two: await readConversation(page, 'Portable question two'),
  };

  await openSettings(page);
  const download = page.waitForEvent('download');
  await settings(page).getByRole('button', { name: 'Export all (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^switchboard-history-\d{4}-\d\d-\d\d\.json$/);
  const dir = mkdtempSync(join(tmpdir(), 'sb-export-'));
  const exported = join(dir, file.suggestedFilename());
  await file.saveAs(exported);
  await expect(settings(page).getByRole('status')).toHaveText(/Exported 2 conversations to switchboard-history-/);

  // A fresh profile: no history at all.
  const freshProfile = mkdtempSync(join(tmpdir(), 'sb-e2e-fresh-'));
  try {
    const second = await launch({ extraEnv: { SWITCHBOARD_PROFILE_DIR: freshProfile } });
    await page.goto(second.url);
    await expect(composer(page)).toBeVisible();
    await expect(conversation(page, 'Portable question one')).toHaveCount(0);

    await openSettings(page);
    const chooser = page.waitForEvent('filechooser');
    await settings(page).getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(exported);
    await expect(settings(page).getByRole('status')).toHaveText(
      /Imported 2 conversations \(4 messages\) from switchboard-history-/,
    );
    // Twice is the same as once.
    const again = page.waitForEvent('filechooser');
    await settings(page).getByRole('button', { name: 'Import…' }).click();
    await (await again).setFiles(exported);
    await expect(settings(page).getByRole('status')).toHaveText(
      /Imported 0 conversations .* 2 conversations were already here/,
    );
    await settings(page).getByRole('button', { name: 'Close' }).click();

    await expect(sidebar(page).getByRole('button', { name: /Portable question/ })).toHaveCount(2);
    expect(await readConversation(page, 'Portable question one')).toEqual(before.one);
    expect(await readConversation(page, 'Portable question two')).toEqual(before.two);
  } finally {
    rmSync(freshProfile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

test('one conversation exports from its header as Markdown', async ({ page, launch }) => {
  const host = await launch();
  await start(page, host.url);
  await chat(page, fakeModels.default, 'Markdown me please');
  await page.getByRole('button', { name: 'Export conversation' }).click();
  const dialog = page.getByRole('dialog', { name: /^Export “/ });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Markdown (.md)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Markdown me please \([\w-]{8}\)\.md$/);
  const path = await file.path();
  const text = (await import('node:fs')).readFileSync(path, 'utf8');
  expect(text).toContain('# Markdown me please');
  expect(text).toContain('### You\n\nMarkdown me please');
  expect(text).toMatch(/### Assistant \(openai\/gpt-4o-mini · [\d,]+ tokens · \$[\d.e-]+\)/);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('export all as a Markdown zip, import the zip into a fresh profile: one conversation per file', async ({
  page,
  launch,
}) => {
  test.setTimeout(120_000);
  const first = await launch();
  await start(page, first.url);
  await chat(page, fakeModels.default, 'Zipped question one');
  await chat(page, fakeModels.usageA, 'Zipped question two');
  const before = {
    one: await readConversation(page, 'Zipped question one'),
    two: await readConversation(page, 'Zipped question two'),
  };

  await openSettings(page);
  const download = page.waitForEvent('download');
  await settings(page).getByRole('button', { name: 'Export all (Markdown zip)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^switchboard-history-\d{4}-\d\d-\d\d\.zip$/);
  const dir = mkdtempSync(join(tmpdir(), 'sb-export-md-'));
  const exported = join(dir, file.suggestedFilename());
  await file.saveAs(exported);

  const freshProfile = mkdtempSync(join(tmpdir(), 'sb-e2e-fresh-md-'));
  try {
    const second = await launch({ extraEnv: { SWITCHBOARD_PROFILE_DIR: freshProfile } });
    await page.goto(second.url);
    await expect(composer(page)).toBeVisible();
    await expect(conversation(page, /Zipped question/)).toHaveCount(0);

    await openSettings(page);
    const chooser = page.waitForEvent('filechooser');
    await settings(page).getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(exported);
    await expect(settings(page).getByRole('status')).toHaveText(
      /Imported 2 conversations \(4 messages\) from switchboard-history-/,
    );
    await settings(page).getByRole('button', { name: 'Close' }).click();

    // Newest activity first, as they were.
    await expect(sidebar(page).getByRole('button', { name: /Zipped question/ })).toHaveText([
      /Zipped question two/,
      /Zipped question one/,
    ]);
    // Markdown keeps the thread and each reply's model, tokens and cost (not its provider or timing: JSON keeps those).
    expect(whatMarkdownKeeps(await readConversation(page, 'Zipped question one'))).toEqual(
      whatMarkdownKeeps(before.one),
    );
    expect(whatMarkdownKeeps(await readConversation(page, 'Zipped question two'))).toEqual(
      whatMarkdownKeeps(before.two),
    );
  } finally {
    rmSync(freshProfile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

test('back up now, keep chatting, restore the backup after confirming', async ({ page, launch }) => {
  test.setTimeout(90_000);
  const host = await launch();
  await start(page, host.url);
  await chat(page, fakeModels.default, 'Before the backup');

  await openSettings(page);
  await settings(page).getByRole('button', { name: 'Back up now' }).click();
  const backups = settings(page).getByRole('list', { name: 'Backups' });
  await expect(backups.getByRole('listitem').filter({ hasText: 'Made by hand' })).toHaveCount(1);
  // The web host cannot open a folder: it shows where the backups are.
  await settings(page).getByRole('button', { name: 'Show in folder' }).click();
  await expect(settings(page).getByText('Backups are kept in')).toContainText(/backups$/);
  await settings(page).getByRole('button', { name: 'Close' }).click();

  await chat(page, fakeModels.default, 'After the backup');
  await expect(conversation(page, 'After the backup')).toBeVisible();

  await openSettings(page);
  await backups
    .getByRole('listitem')
    .filter({ hasText: 'Made by hand' })
    .getByRole('button', { name: /^Restore the backup from / })
    .click();
  const confirm = page.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(confirm).toContainText('backed up first');
  await confirm.getByRole('button', { name: 'Restore' }).click();

  // The page starts again from the restored history.
  await expect(conversation(page, 'Before the backup')).toBeVisible();
  await expect(conversation(page, 'After the backup')).toHaveCount(0);
  // And the history as it was before the restore is one of the backups now.
  await openSettings(page);
  await expect(backups.getByRole('listitem').filter({ hasText: 'Before a restore' })).toHaveCount(1);
});

test('a hostile import shows what is wrong with the file and changes nothing', async ({ page, launch }) => {
  const host = await launch();
  await start(page, host.url);
  await chat(page, fakeModels.default, 'Already here');
  const dir = mkdtempSync(join(tmpdir(), 'sb-hostile-'));
  try {
    const deep = join(dir, 'conversations.json');
    writeFileSync(deep, '['.repeat(200_000));
    await openSettings(page);
    const chooser = page.waitForEvent('filechooser');
    await settings(page).getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(deep);
    await expect(settings(page).getByRole('alert')).toHaveText(
      /Could not import conversations\.json\. The file is nested more than 64 levels deep.*Nothing was imported\./,
    );
    await settings(page).getByRole('button', { name: 'Dismiss' }).click();

    const cut = join(dir, 'export.json');
    writeFileSync(cut, '{"format":"switchboard-history","version":1,"conversations":[{"id":"x","title":"Cut');
    const second = page.waitForEvent('filechooser');
    await settings(page).getByRole('button', { name: 'Import…' }).click();
    await (await second).setFiles(cut);
    await expect(settings(page).getByRole('alert')).toHaveText(/cut off.*Nothing was imported\./);
    await settings(page).getByRole('button', { name: 'Close' }).click();
    await expect(conversation(page, 'Already here')).toBeVisible();
    // One conversation row (group headings are list items too, without a button).
    await expect(
      sidebar(page)
        .getByRole('listitem')
        .filter({ has: page.getByRole('button') }),
    ).toHaveCount(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
