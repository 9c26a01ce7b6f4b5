import { defineConfig } from '@playwright/test';

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
        launchOptions: {
          executablePath: process.env.SWITCHBOARD_CHROMIUM ?? '/usr/bin/chromium',
          // Without these Chromium keeps dialing Google services this machine cannot reach.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
        trace: 'retain-on-failure',
      },
    },
    { name: 'electron', testMatch: /electron.*\.spec\.ts$/ },
  ],
});
