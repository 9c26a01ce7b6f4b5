import { defineConfig } from 'vitest/config';

// Unit tests live beside the code they test; end-to-end specs (e2e/*.spec.ts) belong to Playwright.
export default defineConfig({
  test: {
    include: ['{shared,electron,renderer,e2e,build}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
