import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/support/chromium';

// End-to-end tests drive the real renderer through the loopback web host in Debian's Chromium (never a downloaded
// browser), against the local OpenRouter fake. Electron specs run only where an Electron binary exists.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright-artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  projects: [
    {
      name: 'web',
      testMatch: /^(?!.*electron).*\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
        trace: 'retain-on-failure',
      },
    },
    { name: 'electron', testMatch: /electron.*\.spec\.ts$/ },
  ],
});
