// The model palette through the web host against the OpenRouter fake: open with Ctrl+K, search with typos, filter,
// choose and switch models mid-conversation, fit a 900×600 window, and keep the catalogue for an offline restart.

import type { Page } from '@playwright/test';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { assistantMessages, chooseModel, expect, pasteKey, sendMessage, test } from './support/fixtures';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Choose a model' });
const search = (page: Page) => palette(page).getByRole('combobox', { name: 'Search models' });
const list = (page: Page) => palette(page).getByRole('listbox', { name: 'Models' });
const options = (page: Page) => list(page).getByRole('option');
const selected = (page: Page) => list(page).getByRole('option', { selected: true });

async function start(page: Page, launch: () => Promise<{ url: string }>) {
  const host = await launch();
  await page.goto(host.url);
  await pasteKey(page, fakeKeys.valid);
  await expect(page.getByRole('textbox', { name: 'Message', exact: true })).toBeVisible();
}

/** Every element of the page whose visible part (after clipping by scrolling ancestors) lies outside the window. */
async function outsideViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = window.innerWidth;
    const height = window.innerHeight;
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      let { left, top, right, bottom } = rect;
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = parent.getBoundingClientRect();
        left = Math.max(left, clip.left);
        top = Math.max(top, clip.top);
        right = Math.min(right, clip.right);
        bottom = Math.min(bottom, clip.bottom);
      }
      if (right <= left || bottom <= top) continue;
      if (left < -0.5 || top < -0.5 || right > width + 0.5 || bottom > height + 0.5) {
        out.push(`${element.tagName.toLowerCase()}.${element.className} ${Math.round(right)}×${Math.round(bottom)}`);
      }
    }
    return out;
  });
}

test('Ctrl+K opens the palette on the current model; a misspelled partial name finds the model; Esc closes', async ({
  page,
  launch,
}) => {
  await start(page, launch);
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await expect(search(page)).toBeFocused();
  // The current model is highlighted and marked when the palette opens.
  await expect(selected(page)).toContainText(fakeModels.default);
  await expect(selected(page)).toContainText('current');
  await expect(palette(page).getByRole('complementary')).toContainText('16K tokens');

  await search(page).fill('sonet 4.5');
  await expect(options(page).first()).toContainText('anthropic/claude-sonnet-4.5');
  await search(page).fill('70b llama free');
  await expect(options(page).first()).toContainText('meta-llama/llama-3.3-70b-instruct:free');

  await search(page).fill('qqqqzzzz');
  await expect(palette(page).getByText('No models match “qqqqzzzz”.')).toBeVisible();
  await palette(page).getByRole('button', { name: 'Clear search' }).click();
  await expect(options(page).first()).toBeVisible();

  await search(page).press('Escape');
  await expect(palette(page)).toBeHidden();
  // The model chip in the header opens it too.
  await page.getByRole('button', { name: /^Model: GPT-4o-mini/ }).click();
  await expect(palette(page)).toBeVisible();
});

test('Page Down and the arrows keep the highlighted model in view; the palette reopens on a current model far down the list', async ({
  page,
  launch,
}) => {
  await start(page, launch);
  await page.keyboard.press('Control+k');
  await expect(selected(page)).toContainText(fakeModels.default);
  // Far past the first screen: the list scrolls with the highlight.
  for (let i = 0; i < 12; i++) await search(page).press('PageDown');
  await search(page).press('ArrowUp');
  await expect(selected(page)).toBeInViewport();
  const chosen = (await selected(page).getByTestId('model-id').textContent()) ?? '';
  expect(chosen).not.toBe(fakeModels.default);
  await search(page).press('Enter');
  await expect(palette(page)).toBeHidden();

  await page.keyboard.press('Control+k');
  await expect(selected(page)).toContainText(chosen);
  await expect(selected(page)).toContainText('current');
  await expect(selected(page)).toBeInViewport();
  // Back up to the top with the arrows: the first model comes into view again.
  for (let i = 0; i < 80; i++) await search(page).press('ArrowUp');
  await expect(options(page).first()).toBeInViewport();
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');

  // Sorted by name, the current model sits well down the list (recents no longer lift it to the top).
  await palette(page).getByRole('combobox', { name: 'Sort' }).selectOption('name');
  await search(page).press('Escape');
  await page.keyboard.press('Control+k');
  await expect(selected(page)).toContainText(chosen);
  await expect(selected(page)).toBeInViewport();
  expect(await list(page).evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
});

test('the free filter lists only free models; an empty result offers to clear the filters', async ({
  page,
  launch,
}) => {
  await start(page, launch);
  await page.keyboard.press('Control+k');
  const all = await palette(page)
    .getByText(/^\d+ models/)
    .textContent();
  await palette(page).getByRole('button', { name: 'Free', exact: true }).click();
  await expect(palette(page).getByText(/^\d+ of \d+ models/)).toBeVisible();
  const prices = await palette(page).getByTestId('model-price').allTextContents();
  expect(prices.length).toBeGreaterThan(2);
  expect(new Set(prices)).toEqual(new Set(['free']));
  // The old-format :free entry (no supported_parameters, no input_modalities) is listed, not dropped.
  await search(page).fill('reflection');
  await expect(options(page).first()).toContainText('mattshumer/reflection-70b:free');

  await search(page).fill('claude');
  await expect(palette(page).getByText('No models match “claude” with these filters.')).toBeVisible();
  await palette(page).getByRole('button', { name: 'Clear filters' }).click();
  await expect(options(page).first()).toContainText('anthropic/claude');
  await search(page).fill('');
  await expect(palette(page).getByText(all ?? '')).toBeVisible();
});

test('choosing a model sends with it; switching mid-conversation keeps each earlier reply’s own model', async ({
  page,
  launch,
  fake,
}) => {
  await start(page, launch);
  await page.keyboard.press('Control+k');
  await search(page).fill('claude sonnet 4.5');
  await expect(selected(page)).toContainText('anthropic/claude-sonnet-4.5');
  await search(page).press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Message', exact: true })).toBeFocused();
  await expect(page.getByRole('button', { name: /^Model: Claude Sonnet 4\.5/ })).toBeVisible();

  await sendMessage(page, 'First question');
  await expect(assistantMessages(page).first()).toContainText('You said: “First question”');
  const chats = () => fake.requests.filter((request) => request.path.endsWith('/chat/completions'));
  expect((chats().at(-1)?.body as { model?: string }).model).toBe('anthropic/claude-sonnet-4.5');

  await chooseModel(page, fakeModels.vision);
  await sendMessage(page, 'Second question');
  await expect(assistantMessages(page).nth(1)).toContainText('You said: “Second question”');
  expect((chats().at(-1)?.body as { model?: string }).model).toBe(fakeModels.vision);
  await expect(assistantMessages(page).first().getByTitle('Answered by anthropic/claude-sonnet-4.5')).toBeVisible();
  await expect(assistantMessages(page).nth(1).getByTitle(`Answered by ${fakeModels.vision}`)).toBeVisible();

  // The context gauge reads the conversation against the chosen model's context.
  await expect(page.getByRole('meter', { name: 'Context used' })).toHaveAttribute('aria-valuemax', '128000');
});

test('at 900×600 the palette and the header fit the window and every column is readable', async ({ page, launch }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  await start(page, launch);
  expect(await outsideViewport(page)).toEqual([]);
  await page.keyboard.press('Control+k');
  await search(page).fill('gpt');
  await expect(options(page).first()).toBeVisible();
  expect(await outsideViewport(page)).toEqual([]);
  // Prices, sizes and ids are not cut off by their row.
  for (const row of (await options(page).all()).slice(0, 5)) {
    const rowBox = await row.boundingBox();
    const priceBox = await row.getByTestId('model-price').boundingBox();
    expect(rowBox && priceBox && priceBox.x + priceBox.width <= rowBox.x + rowBox.width).toBe(true);
    const clipped = await row
      .getByTestId(/^model-(price|size)$/)
      .evaluateAll((elements) =>
        elements
          .filter((element) => element.scrollWidth > element.clientWidth + 1)
          .map((element) => element.textContent),
      );
    expect(clipped).toEqual([]);
  }
  // The detail panel is there too, with its link to the model's page on OpenRouter.
  await expect(palette(page).getByRole('link', { name: 'OpenRouter page' })).toHaveAttribute(
    'href',
    /^https:\/\/openrouter\.ai\/openai\/gpt/,
  );
});

test('restarting with OpenRouter unreachable still lists the cached models with their fetch date; stars and the default stay', async ({
  page,
  launch,
}) => {
  await start(page, launch);
  await page.keyboard.press('Control+k');
  await search(page).fill('deepseek r1');
  await expect(selected(page)).toContainText('deepseek/deepseek-r1');
  await palette(page).getByRole('button', { name: 'Favorite', exact: true }).click();
  await palette(page).getByRole('button', { name: 'Make default' }).click();
  await expect(palette(page).getByRole('button', { name: 'Default for new chats' })).toBeDisabled();
  await search(page).press('Escape');

  const offline = await launch({ openRouterBaseUrl: 'http://127.0.0.1:9/api/v1' });
  await page.goto(offline.url);
  await expect(page.getByRole('button', { name: /^Model: R1\./ })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(palette(page).getByText(/\d+ models · catalogue from .*\d{4}/)).toBeVisible();
  // The favorite comes first; the default is the current model of a new chat.
  await expect(options(page).first()).toContainText('deepseek/deepseek-r1');
  await expect(
    options(page)
      .first()
      .getByRole('button', { name: /Remove .* from favorites/ }),
  ).toBeAttached();
  await search(page).fill('gemini 2.5 flash');
  await expect(list(page)).toContainText('google/gemini-2.5-flash');

  // Refreshing while offline says why and keeps the cached list.
  await palette(page).getByRole('button', { name: 'Refresh' }).click();
  await expect(palette(page).getByText(/Could not refresh: .*Showing the catalogue from/)).toBeVisible();
  await expect(list(page)).toContainText('google/gemini-2.5-flash');
});
