// Every shortcut of the shared table (shared/shortcuts.ts), pressed as a person would, each checked by what it does;
// and the Keyboard Shortcuts sheet that lists them. The checks are a record keyed by the table's ids, so a shortcut
// added to the table does not compile here until it has a check.

import type { Page } from '@playwright/test';
import { type ShortcutId, formatAccelerator, parseAccelerator, shortcut, shortcuts } from '../shared/shortcuts';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { assistantMessages, chooseModel, expect, pasteKey, sendMessage, test } from './support/fixtures';

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const conversation = (page: Page, title: RegExp) => sidebar(page).getByRole('button', { name: title });
const finished = /\d+ tokens · \$/;

/** The table's accelerator as Playwright's keyboard spells it (Linux: the primary key is Ctrl). */
function keysOf(id: ShortcutId): string {
  const combo = parseAccelerator(shortcut(id).accelerator);
  const key = combo.key.length === 1 && combo.shift ? combo.key.toUpperCase() : combo.key;
  return [combo.primary ? 'Control' : '', combo.alt ? 'Alt' : '', combo.shift ? 'Shift' : '', key]
    .filter(Boolean)
    .join('+');
}

const press = (page: Page, id: ShortcutId) => page.keyboard.press(keysOf(id));

async function chat(page: Page, text: string) {
  await page.getByRole('button', { name: 'New chat' }).click();
  await sendMessage(page, text);
  await expect(assistantMessages(page).last()).toContainText(finished, { timeout: 30_000 });
}

/** Back to the conversation every check starts from, with the focus on the page rather than in a field. */
async function backToBase(page: Page) {
  await conversation(page, /Walk the table/).click();
  await expect(assistantMessages(page).last()).toContainText('Walk the table');
  await page.locator('body').focus();
}

/** True when the page's own handlers left the keys to the window (its zoom, Electron's menu roles). */
async function pageLeavesAlone(page: Page, keys: string): Promise<boolean> {
  await page.evaluate(() => {
    const w = window as unknown as { lastPrevented?: boolean };
    delete w.lastPrevented;
    // Registered after the app's own window listeners, so it runs after them.
    window.addEventListener('keydown', (event) => (w.lastPrevented = event.defaultPrevented), { once: true });
  });
  await page.keyboard.press(keys);
  return page.evaluate(() => (window as unknown as { lastPrevented?: boolean }).lastPrevented === false);
}

const checks: Record<ShortcutId, (page: Page) => Promise<void>> = {
  'new-chat': async (page) => {
    await press(page, 'new-chat');
    await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
    await expect(assistantMessages(page)).toHaveCount(0);
    await expect(composer(page)).toBeFocused();
  },
  'new-compare': async (page) => {
    await press(page, 'new-compare');
    const palette = page.getByRole('dialog', { name: 'Add a model to the compare' });
    await expect(palette).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
    await expect(page.getByRole('heading', { name: 'New compare', level: 1 })).toBeVisible();
    // Back to the conversation for the checks after this one.
    await press(page, 'new-chat');
    await expect(page.getByRole('heading', { name: 'New compare', level: 1 })).toBeHidden();
  },
  search: async (page) => {
    await press(page, 'search');
    const dialog = page.getByRole('dialog', { name: 'Search conversations' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  },
  find: async (page) => {
    await press(page, 'find');
    const field = page.getByRole('searchbox', { name: 'Find in this conversation' });
    await expect(field).toBeFocused();
    await page.getByRole('button', { name: 'Close find' }).click();
    await expect(field).toBeHidden();
  },
  'undo-delete': async (page) => {
    const row = page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('listitem')
      .filter({ hasText: 'Delete me later' });
    await row.hover();
    await row.getByRole('button', { name: 'Delete conversation' }).click();
    await expect(conversation(page, /Delete me later/)).toHaveCount(0);
    await page.locator('body').focus();
    await press(page, 'undo-delete');
    await expect(conversation(page, /Delete me later/)).toBeVisible();
  },
  'model-palette': async (page) => {
    const palette = page.getByRole('dialog', { name: 'Choose a model' });
    await press(page, 'model-palette');
    await expect(palette).toBeVisible();
    // The same keys close it again.
    await press(page, 'model-palette');
    await expect(palette).toBeHidden();
  },
  stop: async (page) => {
    await page.getByRole('button', { name: 'New chat' }).click();
    await chooseModel(page, fakeModels.slow);
    await sendMessage(page, 'A long one to stop');
    const reply = assistantMessages(page).last();
    await expect(reply).toContainText('You said', { timeout: 15_000 });
    await press(page, 'stop');
    await expect(reply).toContainText('Stopped');
  },
  'copy-last-reply': async (page) => {
    await press(page, 'copy-last-reply');
    await expect(page.getByText('Copied the last reply.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('You said: “Walk the table”');
  },
  'attach-files': async (page) => {
    // The system's file chooser opens; the chosen file waits in the tray above the message, and comes off again.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'attach-files')]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Shortcut notes\n') });
    const tray = page.getByRole('list', { name: 'Attachments' });
    await expect(tray.getByRole('listitem', { name: /notes\.txt/ })).toBeVisible();
    await tray.getByRole('button', { name: 'Remove notes.txt' }).click();
    await expect(tray).toBeHidden();
  },
  'toggle-sidebar': async (page) => {
    // Only a narrow window folds the sidebar away.
    await page.setViewportSize({ width: 800, height: 600 });
    const toggle = page.getByRole('button', { name: 'Conversations' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await press(page, 'toggle-sidebar');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await page.setViewportSize({ width: 1280, height: 800 });
  },
  settings: async (page) => {
    await press(page, 'settings');
    const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  },
  spend: async (page) => {
    await press(page, 'spend');
    const view = page.getByRole('dialog', { name: 'Spend' });
    await expect(view).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(view).toBeHidden();
  },
  'toggle-theme': async (page) => {
    const theme = () => page.locator('html').getAttribute('data-theme');
    // The browser says light, so from "system" the shortcut goes dark, then back.
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await theme()).toBe('system');
    await press(page, 'toggle-theme');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await press(page, 'toggle-theme');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  },
  'zoom-in': async (page) => expect(await pageLeavesAlone(page, keysOf('zoom-in'))).toBe(true),
  'zoom-out': async (page) => expect(await pageLeavesAlone(page, keysOf('zoom-out'))).toBe(true),
  'zoom-reset': async (page) => expect(await pageLeavesAlone(page, keysOf('zoom-reset'))).toBe(true),
  'shortcuts-sheet': async (page) => {
    await press(page, 'shortcuts-sheet');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
  },
};

test('each shortcut of the shared table does what it says', async ({ page, context, launch }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();
  await chat(page, 'Delete me later');
  await chat(page, 'Walk the table');

  for (const entry of shortcuts) {
    await test.step(`${entry.label} (${entry.accelerator})`, async () => {
      await backToBase(page);
      await checks[entry.id](page);
    });
  }
});

test('the Keyboard Shortcuts sheet lists the whole table by group, from its keys and from Settings; Esc closes it', async ({
  page,
  launch,
}) => {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(composer(page)).toBeVisible();

  await page.locator('body').focus();
  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const entry of shortcuts) {
    const row = sheet.getByRole('region', { name: entry.group }).getByRole('row', { name: new RegExp(entry.label) });
    await expect(row).toContainText(formatAccelerator(entry.accelerator, 'other'));
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // From Settings: the sheet opens above it, and Esc closes the topmost first.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings', exact: true });
  await settings.getByRole('button', { name: /Keyboard shortcuts/ }).click();
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(settings).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // In the smallest window (720 × 480) the sheet is taller than the window: it opens at its heading, with its Close
  // button (which has the focus) in sight at its foot, and the table scrolls between them.
  await page.setViewportSize({ width: 720, height: 480 });
  await page.locator('body').focus();
  await page.keyboard.press('Control+/');
  await expect(sheet.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport({ ratio: 1 });
  const close = sheet.getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  await expect(close).toBeInViewport({ ratio: 1 });
  await sheet.getByRole('row', { name: /Keyboard shortcuts/ }).scrollIntoViewIfNeeded();
  await expect(close).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});
