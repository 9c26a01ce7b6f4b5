import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/support/chromium';
import type { AppHostOptions } from './e2e/support/fixtures';

// End-to-end tests drive the real renderer through the loopback web host in Debian's Chromium (never a downloaded
// browser), against the local OpenRouter fake. The "electron" project runs the same specs against the Electron app
// (plus electron.spec.ts, the desktop-only checks) where an Electron binary exists, and skips each with the reason
// elsewhere.
const chromium = {
  browserName: 'chromium' as const,
  headless: true,
  launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
  trace: 'retain-on-failure' as const,
};

export default defineConfig<AppHostOptions>({
  testDir: 'e2e',
  outputDir: 'test-results/playwright-artifacts',
  // Timeouts detect a hung test; they measure nothing (the benches do). They are generous so a machine loaded by other
  // work (the suite is run three times in a row beside CPU hogs) fails only what is really stuck.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  projects: [
    { name: 'web', testMatch: /^(?!.*electron).*\.spec\.ts$/, use: { ...chromium, appHost: 'web' } },
    { name: 'electron', testMatch: /\.spec\.ts$/, use: { ...chromium, appHost: 'electron' } },
  ],
});
