// Attachments, as a person uses them through the web host against the fake: paste a screenshot and send it, attach a
// PDF, drop files on the chat, use the paperclip, get a picture back from an image model (and keep it across a
// restart), keep a picture waiting in the tray across a restart, be told before sending that a model cannot read images, have an oversized file and a photo cut
// short refused while the draft stays, and export a conversation with its picture, delete it, and import it back with the picture.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import sharp from 'sharp';
import type { Locator, Page } from '@playwright/test';
import { attachmentLimits, maxAttachmentBytes } from '../shared/attachments';
import { GENERATED_IMAGE_PNG_BASE64 } from './fake-openrouter/generated-image';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { assistantMessages, chooseModel, expect, pasteKey, test, userMessages } from './support/fixtures';

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });
const tray = (page: Page) => page.getByRole('list', { name: 'Attachments' });
const chip = (page: Page, name: string | RegExp) => tray(page).getByRole('listitem', { name });

/** A real PNG (the fake's own 16×16 picture), as a screenshot on the clipboard would be. */
const pngBytes = Buffer.from(GENERATED_IMAGE_PNG_BASE64, 'base64');

/** A small, well-formed one-page PDF, its cross-reference table pointing at each object's real offset. */
function onePagePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function start(page: Page, launch: () => Promise<{ url: string }>) {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();
}

/**
 * Pastes a picture as a person does: it is on the system clipboard (as a screenshot tool leaves it), and Ctrl+V goes
 * into the message field. Chromium names a pasted picture `image.png`.
 */
async function pasteImage(page: Page) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) })]);
  }, GENERATED_IMAGE_PNG_BASE64);
  await composer(page).focus();
  await page.keyboard.press('Control+v');
}

/** Drags files from the file manager over the conversation and lets go. */
async function dropFiles(page: Page, target: Locator, files: { name: string; type: string; text: string }[]) {
  const data = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) transfer.items.add(new File([file.text], file.name, { type: file.type }));
    return transfer;
  }, files);
  await target.dispatchEvent('dragenter', { dataTransfer: data });
  await target.dispatchEvent('dragover', { dataTransfer: data });
  return {
    drop: () => target.dispatchEvent('drop', { dataTransfer: data }),
  };
}

async function chooseFiles(page: Page, files: string[] | { name: string; mimeType: string; buffer: Buffer }[]) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Attach files' }).click(),
  ]);
  await chooser.setFiles(files);
}

const lastChatRequest = (fake: { requests: { path: string; body: unknown }[] }) =>
  fake.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.body as {
    messages: { role: string; content: unknown }[];
    plugins?: unknown[];
  };

test('an oversized file is refused with the limit before anything is sent; the draft and the other files stay', async ({
  page,
  launch,
  fake,
}) => {
  await start(page, launch);
  await composer(page).fill('Here is the whole archive');
  // Files on disk, as the chooser would give them (and no 25 MB through the test's own protocol).
  const archive = test.info().outputPath('archive.png');
  const notes = test.info().outputPath('notes.txt');
  writeFileSync(archive, Buffer.alloc(maxAttachmentBytes + 1024, 1));
  writeFileSync(notes, 'Keep me\n');
  await chooseFiles(page, [archive, notes]);
  const big = chip(page, /^archive\.png/);
  await expect(big).toHaveAccessibleName('archive.png, not attached');
  await expect(big.getByRole('alert')).toContainText('“archive.png” is larger than 25 MB');
  await expect(chip(page, /^notes\.txt/)).toBeVisible();
  await expect(composer(page)).toHaveValue('Here is the whole archive');
  expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);

  // It comes off by keyboard too, leaving the rest.
  await big.focus();
  await page.keyboard.press('Delete');
  await expect(big).toHaveCount(0);
  await expect(chip(page, /^notes\.txt/)).toBeVisible();
  await expect(composer(page)).toBeFocused();
});

test('a photo cut short (its header sound, its pixels not) is refused in the tray by name before Send; the rest stay', async ({
  page,
  launch,
  fake,
}) => {
  await start(page, launch);
  await composer(page).fill('What is in this photo?');
  // A real JPEG with its last 40 % missing, as a download cut short leaves it: its header says 640×480.
  const whole = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7' } })
    .jpeg({ quality: 90 })
    .toBuffer();
  const cut = test.info().outputPath('beach.jpg');
  const notes = test.info().outputPath('notes.txt');
  writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
  writeFileSync(notes, 'Keep me\n');
  await chooseFiles(page, [cut, notes]);
  const broken = chip(page, /^beach\.jpg/);
  await expect(broken).toHaveAccessibleName('beach.jpg, not attached');
  await expect(broken.getByRole('alert')).toContainText('“beach.jpg” could not be read as an image');
  await expect(chip(page, /^notes\.txt/)).toHaveAccessibleName(/^notes\.txt, \d+ B$/);
  await expect(composer(page)).toHaveValue('What is in this photo?');
  expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);
});

test('files dragged over the chat show where they will land, and dropping attaches them all', async ({
  page,
  launch,
}) => {
  await start(page, launch);
  const chat = page.getByRole('main');
  const dragged = await dropFiles(page, chat, [
    { name: 'a.txt', type: 'text/plain', text: 'first' },
    { name: 'b.md', type: 'text/markdown', text: '# second' },
  ]);
  await expect(page.getByText('Drop to attach: images, PDFs, text files')).toBeVisible();
  await dragged.drop();
  await expect(page.getByText('Drop to attach: images, PDFs, text files')).toBeHidden();
  await expect(chip(page, /^a\.txt/)).toBeVisible();
  await expect(chip(page, /^b\.md/)).toBeVisible();
});

test('a long paste becomes a text file, which can go back into the message as plain text', async ({ page, launch }) => {
  await start(page, launch);
  const log = 'error: something failed\n'.repeat(Math.ceil(attachmentLimits.longPasteChars / 20));
  await composer(page).fill('Why does this fail?');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), log);
  await composer(page).press('Control+v');
  const pasted = chip(page, /^Pasted text\.txt/);
  await expect(pasted).toBeVisible();
  await expect(composer(page)).toHaveValue('Why does this fail?');
  await pasted.getByRole('button', { name: 'Paste as text' }).click();
  await expect(pasted).toHaveCount(0);
  await expect(composer(page)).toHaveValue(`Why does this fail?\n${log}`);
});

test('the tray with files and a refusal fits at 1280×800 and at 720×480, light and dark pass axe-core (screenshots attached)', async ({
  page,
  launch,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await start(page, launch);
  const onDisk = (name: string, bytes: Buffer | string) => {
    const path = testInfo.outputPath(name);
    writeFileSync(path, bytes);
    return path;
  };
  await chooseFiles(page, [
    onDisk('holiday-panorama-stitched-from-forty-photos.png', Buffer.alloc(maxAttachmentBytes + 1024, 1)),
    onDisk('quarterly-report-2026-final-v3.pdf', onePagePdf()),
    onDisk('notes.md', '# Notes\n'.repeat(200)),
  ]);
  await composer(page).fill('What do these say?');
  await expect(chip(page, /^holiday-panorama/).getByRole('alert')).toBeVisible();
  await expect(tray(page).getByRole('listitem')).toHaveCount(3);
  await expect(tray(page).locator('[aria-busy="true"]')).toHaveCount(0);

  for (const size of [
    { width: 1280, height: 800 },
    { width: 720, height: 480 },
  ]) {
    await page.setViewportSize(size);
    await page.mouse.move(0, 0);
    // Nothing reaches past the window, and the message field is still on screen below the tray.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    const field = (await composer(page).boundingBox())!;
    expect(field.y + field.height).toBeLessThanOrEqual(size.height);
    for (let pass = 0; pass < 2; pass++) {
      const theme = await page.locator('html').getAttribute('data-theme');
      await page.keyboard.press('Control+Shift+L');
      await expect(page.locator('html')).not.toHaveAttribute('data-theme', theme ?? '');
      const now = (await page.locator('html').getAttribute('data-theme')) ?? 'system';
      await testInfo.attach(`attachments ${size.width}×${size.height}, ${now}`, {
        body: await page.screenshot(),
        contentType: 'image/png',
      });
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const found = results.violations.map((v) => ({
        rule: v.id,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
      }));
      expect(found, `${size.width}×${size.height}, ${now}`).toEqual([]);
    }
  }
});

test('paste a screenshot and send it: the request carries it as an image_url part with its data', async ({
  page,
  launch,
  fake,
}) => {
  await start(page, launch);
  await pasteImage(page);
  const shot = chip(page, /^image\.png/);
  await expect(shot.locator('img')).toBeVisible();
  await composer(page).fill('What is in this picture?');
  await page.getByRole('button', { name: 'Send' }).click();

  const question = userMessages(page).last();
  await expect(question.getByRole('button', { name: 'View image.png full size' })).toBeVisible();
  await expect(assistantMessages(page).last()).toContainText(/\d+ tokens · \$/, { timeout: 30_000 });
  const user = lastChatRequest(fake)
    .messages.filter((m) => m.role === 'user')
    .at(-1)!;
  expect(user.content).toEqual([
    { type: 'text', text: 'What is in this picture?' },
    { type: 'image_url', image_url: { url: expect.stringMatching(/^data:image\/(png|jpeg|webp);base64,/) } },
  ]);

  // Full size in a dialog, by keyboard; Esc closes it.
  await question.getByRole('button', { name: 'View image.png full size' }).focus();
  await page.keyboard.press('Enter');
  const viewer = page.getByRole('dialog', { name: /image\.png/ });
  await expect(viewer.getByRole('img', { name: 'image.png' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
});

test('a picture waiting in the tray is still there after a restart, with the text, and goes when sent', async ({
  page,
  launch,
  fake,
}) => {
  await start(page, launch);
  await pasteImage(page);
  await expect(chip(page, /^image\.png/).locator('img')).toBeVisible();
  await composer(page).fill('Is this still here?');
  // Saved once typing pauses; the page says when the host has it (the tray's files were kept before the text).
  await expect(page.getByTestId('composer')).toHaveAttribute('data-draft-saved', 'true');

  const host = await launch();
  await page.goto(host.url);
  await expect(composer(page)).toHaveValue('Is this still here?');
  const kept = chip(page, /^image\.png/).locator('img');
  await expect(kept).toBeVisible();
  await expect
    .poll(() => kept.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Send' }).click();
  await expect(userMessages(page).last().getByRole('button', { name: 'View image.png full size' })).toBeVisible();
  await expect(assistantMessages(page).last()).toContainText(/\d+ tokens · \$/, { timeout: 30_000 });
  expect(
    lastChatRequest(fake)
      .messages.filter((m) => m.role === 'user')
      .at(-1)!.content,
  ).toEqual([
    { type: 'text', text: 'Is this still here?' },
    { type: 'image_url', image_url: { url: expect.stringMatching(/^data:image\/(png|jpeg|webp);base64,/) } },
  ]);
  await expect(tray(page)).toBeHidden();
});

test('a PDF chosen with the paperclip goes as a file part, read the way the person chose', async ({
  page,
  launch,
  fake,
}) => {
  await start(page, launch);
  await chooseFiles(page, [{ name: 'report.pdf', mimeType: 'application/pdf', buffer: onePagePdf() }]);
  await expect(chip(page, /^report\.pdf/)).toContainText('1 page');
  // gpt-4o-mini reads files itself; OCR is offered with its price.
  const engine = page.getByRole('combobox', { name: 'Read PDFs:' });
  await expect(engine).toHaveValue('native');
  await expect(engine.getByRole('option', { name: /OCR, for scans \(\$2 per 1,000 pages\)/ })).toBeAttached();
  await engine.selectOption('cloudflare-ai');
  await composer(page).fill('Summarise the report');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(userMessages(page).last()).toContainText('report.pdf');
  await expect(assistantMessages(page).last()).toContainText(/\d+ tokens · \$/, { timeout: 30_000 });

  const body = lastChatRequest(fake);
  const user = body.messages.filter((m) => m.role === 'user').at(-1)!;
  expect(user.content).toContainEqual({
    type: 'file',
    file: { filename: 'report.pdf', file_data: expect.stringMatching(/^data:application\/pdf;base64,JVBERi0/) },
  });
  expect(body.plugins).toContainEqual({ id: 'file-parser', pdf: { engine: 'cloudflare-ai' } });
});

test('a model that cannot read images refuses before sending, and the palette offers ones that can', async ({
  page,
  launch,
  fake,
}) => {
  await start(page, launch);
  await chooseModel(page, fakeModels.reasoning);
  await pasteImage(page);
  await expect(chip(page, /^image\.png/).locator('img')).toBeVisible();
  await composer(page).fill('Explain this chart');
  await expect(page.getByRole('alert').filter({ hasText: 'does not accept images' })).toContainText(
    'R1 does not accept images — pick one that does, or remove them.',
  );
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  await composer(page).press('Enter');
  expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);

  await page.getByRole('button', { name: 'Show models that accept images' }).click();
  const palette = page.getByRole('dialog', { name: 'Choose a model' });
  await expect(palette.getByRole('button', { name: 'Reads images' })).toHaveAttribute('aria-pressed', 'true');
  await palette.getByRole('combobox', { name: 'Search models' }).fill(fakeModels.vision);
  await palette.getByRole('combobox', { name: 'Search models' }).press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'does not accept images' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
});

test('an image model’s picture shows in its reply, saves with Save as…, and is still there after a restart', async ({
  page,
  launch,
}) => {
  await start(page, launch);
  await chooseModel(page, fakeModels.imageOutput);
  await composer(page).fill('Draw a blue square');
  await page.getByRole('button', { name: 'Send' }).click();
  const reply = assistantMessages(page).last();
  const picture = reply.getByRole('list', { name: 'Generated images' }).getByRole('img');
  await expect(picture).toBeVisible({ timeout: 30_000 });
  expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16);

  const download = page.waitForEvent('download');
  await reply.getByRole('button', { name: 'Save as…' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/\.png$/);
  // The picture as the model sent it, byte for byte.
  expect(readFileSync(await saved.path()).equals(pngBytes)).toBe(true);

  const host = await launch();
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: /Draw a blue square/ })
    .click();
  await expect(
    assistantMessages(page).last().getByRole('list', { name: 'Generated images' }).getByRole('img'),
  ).toBeVisible();
});

test('a conversation with a picture exports as a zip with it; deleted and imported back, the picture shows again', async ({
  page,
  launch,
  profileDir,
}) => {
  test.setTimeout(120_000);
  await start(page, launch);
  await pasteImage(page);
  await expect(chip(page, /^image\.png/).locator('img')).toBeVisible();
  await composer(page).fill('Keep this picture for later');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(assistantMessages(page).last()).toContainText(/\d+ tokens · \$/, { timeout: 30_000 });

  await page.getByRole('button', { name: 'Export conversation' }).click();
  const dialog = page.getByRole('dialog', { name: /^Export “/ });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'JSON (.json)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Keep this picture for later \([\w-]{8}\)\.zip$/);
  const exported = join(profileDir, 'exported.zip');
  await file.saveAs(exported);
  await page.keyboard.press('Escape');

  // Deleted, and gone for good after a restart: its picture's files are collected from the profile folder.
  const sidebar = page.getByRole('navigation', { name: 'Conversations' });
  const row = sidebar.getByRole('listitem').filter({ hasText: 'Keep this picture for later' });
  await row.hover();
  await row.getByRole('button', { name: 'Delete conversation' }).click();
  await expect(sidebar.getByRole('button', { name: /Keep this picture/ })).toHaveCount(0);
  const host = await launch();
  await page.goto(host.url);
  await expect(composer(page)).toBeVisible();
  const storedFiles = () =>
    readdirSync(join(profileDir, 'attachments'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
      .length;
  await expect.poll(storedFiles).toBe(0);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const chooser = page.waitForEvent('filechooser');
  await settings.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(exported);
  await expect(settings.getByRole('status')).toHaveText(/Imported 1 conversation \(2 messages\)/);
  await settings.getByRole('button', { name: 'Close' }).click();

  await sidebar.getByRole('button', { name: /Keep this picture for later/ }).click();
  const view = userMessages(page).last().getByRole('button', { name: 'View image.png full size' });
  await expect(view).toBeVisible();
  // The thumbnail is served again from the restored store, decoded by the browser.
  await expect.poll(() => view.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect(storedFiles()).toBeGreaterThan(0);
});
