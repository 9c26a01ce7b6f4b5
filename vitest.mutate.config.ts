import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// The tests Stryker reruns for each mutant (npm run mutate): the unit tests beside the code, and e2e/core-*.test.ts,
// which drive a whole core in this process over real HTTP to the OpenRouter fake (the only tests of the composition
// root's wiring). The e2e/ folder's other Vitest files start web hosts as processes, which would run once per mutant.
// MUTATE_TESTS (comma-separated globs) narrows them further, e.g. to a folder's own tests for a quick run whose score
// is then a lower bound: a mutant those tests miss may still be caught by another folder's tests.
const narrowed = process.env.MUTATE_TESTS?.split(',').filter((glob) => glob !== '');

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: narrowed?.length ? narrowed : ['{shared,electron,renderer}/**/*.test.{ts,tsx}', 'e2e/core-*.test.ts'],
    // Instrumented code on a busy machine runs several times slower: chat-stream.test.ts's every-split-point test
    // outlasted the usual 20 s and failed the dry run. A mutant that hangs is still stopped by Stryker's own timeout.
    testTimeout: 120_000,
  },
});
