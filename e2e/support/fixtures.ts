// Test support: a Playwright `test` whose fixtures give each test its own OpenRouter fake, profile folder and
// keychain entry, and a way to (re)start the app against them. The app is the host the Playwright project names
// (`appHost`): the real web host process in Chromium, or the Electron desktop app where an Electron binary exists —
// the same specs drive both. Without Electron, every test of the Electron project is skipped with the reason.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page, test as base, expect } from '@playwright/test';
import { replyFor } from '../fake-openrouter/reply-text';
import { type FakeOpenRouter, startFakeOpenRouter } from '../fake-openrouter/server';
import { type ElectronSetup, currentWindowPage, prepareElectronHost, startElectronHost } from './electron-host';
import { type WebHostProcess, startWebHostProcess } from './web-host-process';

export type AppHostKind = 'web' | 'electron';

/** Set per Playwright project (playwright.config.ts). */
export interface AppHostOptions {
  appHost: AppHostKind;
}

interface WorkerFixtures extends AppHostOptions {
  /** Electron and its app folder, readied once per worker; null for the web host. */
  electronSetup: ElectronSetup | null;
}

export interface AppFixtures {
  fake: FakeOpenRouter;
  profileDir: string;
  /** Starts the app host (stopping any previous one: a restart keeps the profile and keychain entry). */
  launch(options?: { openRouterBaseUrl?: string; extraEnv?: Record<string, string> }): Promise<WebHostProcess>;
  /** Every web host process this test started, for log assertions. */
  hosts: WebHostProcess[];
}

interface HostFixtures {
  /** Skips the test, with the reason, when its host cannot run here. */
  hostAvailable: void;
  /** The Electron window of the latest launch (Electron host only). */
  electronWindow: { current: Page | null };
}

export const test = base.extend<AppFixtures & HostFixtures, WorkerFixtures>({
  appHost: ['web', { option: true, scope: 'worker' }],
  electronSetup: [
    async ({ appHost }, use) => {
      await use(appHost === 'electron' ? prepareElectronHost() : null);
    },
    { scope: 'worker' },
  ],
  hostAvailable: [
    async ({ electronSetup }, use, testInfo) => {
      testInfo.skip(electronSetup !== null && electronSetup.reason !== null, electronSetup?.reason ?? '');
      await use();
    },
    { auto: true },
  ],
  electronWindow: async ({}, use) => {
    await use({ current: null });
  },
  page: async ({ appHost, page, electronWindow }, use) => {
    await use(appHost === 'web' ? page : currentWindowPage(() => electronWindow.current));
  },
  fake: async ({}, use) => {
    const fake = await startFakeOpenRouter({ generationDelayMs: 200, chunkDelayMs: 5 });
    await use(fake);
    await fake.close();
  },
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-e2e-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  hosts: async ({}, use) => {
    const hosts: WebHostProcess[] = [];
    await use(hosts);
    for (const host of hosts) await host.stop();
  },
  launch: async ({ fake, profileDir, hosts, electronSetup, electronWindow }, use) => {
    const keychainAccount = `e2e-${randomUUID()}`;
    await use(async (options = {}) => {
      for (const host of hosts) await host.stop();
      const env = {
        openRouterBaseUrl: options.openRouterBaseUrl ?? fake.baseUrl,
        profileDir,
        keychainAccount,
        extraEnv: options.extraEnv,
      };
      let host: WebHostProcess;
      if (electronSetup?.reason === null) {
        const electron = await startElectronHost(electronSetup, env);
        electronWindow.current = electron.window;
        host = electron;
      } else {
        host = await startWebHostProcess(env);
      }
      hosts.push(host);
      return host;
    });
  },
});

export { expect };

/**
 * For a test of something only the web host has (its page token, a second browser tab, the browser's Notification
 * API): skipped, saying so, when the Electron app is the host.
 */
export function webHostOnly(appHost: AppHostKind, what: string): void {
  test.skip(appHost === 'electron', `web host only: ${what}`);
}

/** Pastes a key on the welcome screen and saves it. */
export async function pasteKey(page: Page, key: string): Promise<void> {
  await page.getByLabel('OpenRouter API key').fill(key);
  await page.getByRole('button', { name: 'Save key' }).click();
}

/** Types a message into the composer and sends it. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

/** Opens the model palette with Ctrl+K, types the id and takes the first result (an exact id always comes first). */
export async function chooseModel(page: Page, model: string): Promise<void> {
  // The shortcut works once the main screen is there (its model chip shows it is).
  await expect(page.getByRole('button', { name: /^Model: / })).toBeVisible();
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Choose a model' }).getByRole('combobox', { name: 'Search models' });
  await search.fill(model);
  await expect(page.getByRole('listbox', { name: 'Models' }).getByRole('option', { selected: true })).toContainText(
    model,
  );
  await search.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Choose a model' })).toBeHidden();
}

/**
 * Clicks Stop once it takes clicks: it ignores them for its first moments on screen (the rest of a double-click on
 * Send), so a click the moment it appears could do nothing on a busy machine.
 */
export async function clickStop(page: Page): Promise<void> {
  const stop = page.getByRole('button', { name: 'Stop' });
  await expect(stop).toHaveAttribute('data-armed', 'true');
  await stop.click();
}

export const assistantMessages = (page: Page) => page.getByRole('article', { name: 'Assistant message' });
export const userMessages = (page: Page) => page.getByRole('article', { name: 'Your message' });
/** The status bar: the key, its credit and this month's spending (other live regions come and go beside it). */
export const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Key and spending' });

/** The first line of the fake's reply to `prompt`: plain text, so it reads the same once rendered as Markdown. */
export const replyOpening = (prompt: string): string => replyFor(prompt).split('\n')[0] ?? '';
