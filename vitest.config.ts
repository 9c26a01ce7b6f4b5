import { defineConfig } from 'vitest/config';

// Unit tests live beside the code they test; end-to-end specs (e2e/*.spec.ts) belong to Playwright.
export default defineConfig({
  test: {
    include: ['{shared,electron,renderer,e2e,build}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    // Some set-ups start a web host as a process (tsx compiles it first); on a busy machine that outlasted Vitest's
    // 10 s default for hooks while the helper itself waits up to 60 s (e2e/support/web-host-process.ts).
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
