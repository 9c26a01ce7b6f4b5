import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// `npm run coverage`: line coverage of the renderer's store (renderer/src/store), per file, from the store's own unit
// tests — behaviour tests of the slices' actions over a fake api. A report, not a gate in `npm test`. Other folders:
// npm run coverage -- <test folder> --coverage.include='<folder>/**/*.ts'
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['renderer/src/store/**/*.test.ts'],
    coverage: {
      enabled: true,
      provider: 'v8',
      include: ['renderer/src/store/**/*.ts'],
      // use-app-store.ts is only the app's instance over the real transport; the slices it assembles are measured
      // through createAppStore, which the tests build over a fake api.
      exclude: ['**/*.test.ts', '**/test-support/**', 'renderer/src/store/use-app-store.ts'],
      // Wide enough that every file's name shows whole.
      reporter: [['text', { maxCols: 140 }]],
      reportsDirectory: 'reports/coverage',
    },
  },
});
