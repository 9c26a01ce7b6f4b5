// E2E support: the steps of a compare as a person takes them (start one through the palette, write to every column),
// and where its columns are on the page; shared by the compare specs.

import type { Page } from '@playwright/test';
import { fakeKeys } from '../fake-openrouter/scenarios';
import { expect, pasteKey, statusBar } from './fixtures';

export const columns = (page: Page) => page.getByRole('region', { name: /^Column: / });
export const column = (page: Page, name: string) => page.getByRole('region', { name: `Column: ${name}`, exact: true });

/** The sidebar's rows, told apart by what their Delete deletes. */
const sidebarRows = (page: Page, noun: 'compare' | 'conversation') =>
  page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `Delete ${noun}`, exact: true }) });
export const compareRows = (page: Page) => sidebarRows(page, 'compare');
export const conversationRows = (page: Page) => sidebarRows(page, 'conversation');

/** Opens the app, pastes a valid key and waits until the key's credit is known (the budget check asks only then). */
export async function openWithKey(page: Page, url: string) {
  await page.goto(url);
  await pasteKey(page, fakeKeys.valid);
  await expect(statusBar(page)).toContainText('Remaining credit');
}

/** From the header: the palette adds each model after the current one (the default model). */
export async function startCompare(page: Page, models: string[]) {
  await page.getByRole('button', { name: 'Compare models' }).click();
  for (const [index, model] of models.entries()) {
    if (index > 0) await page.getByRole('button', { name: 'Add model' }).click();
    const palette = page.getByRole('dialog', { name: 'Add a model to the compare' });
    const search = palette.getByRole('combobox', { name: 'Search models' });
    await search.fill(model);
    await expect(
      palette.getByRole('listbox', { name: 'Models' }).getByRole('option', { selected: true }),
    ).toContainText(model);
    await search.press('Enter');
    await expect(palette).toBeHidden();
  }
}

export async function sendToAll(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message to every column' }).fill(text);
  await page.getByRole('button', { name: 'Send to all' }).click();
}
