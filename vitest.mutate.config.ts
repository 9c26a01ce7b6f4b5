import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// The unit tests Stryker reruns for each mutant (npm run mutate): those beside the code. The e2e/ folder's Vitest
// files start web hosts and the OpenRouter fake as processes, which would run once per mutant they cover.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['{shared,electron,renderer}/**/*.test.{ts,tsx}'] },
});
