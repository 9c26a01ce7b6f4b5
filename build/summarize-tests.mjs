// Prints what `npm test` ran, from the runners' JSON reports, and ends with one "N passed, N failed, N skipped" line.
// Exit code: non-zero when any test or any other check (passed as arguments after the report folder) failed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [reportDir, ...failedSteps] = process.argv.slice(2);
const read = (name) => {
  const file = join(reportDir, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

const vitest = read('vitest.json');
if (vitest) {
  const skipped = vitest.numPendingTests + vitest.numTodoTests;
  lines.push(`unit (vitest): ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${skipped} skipped`);
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests + (vitest.numFailedTestSuites ?? 0);
  totals.skipped += skipped;
} else {
  lines.push('unit (vitest): no report — the runner did not finish');
  failedSteps.push('unit report');
}

const playwright = read('playwright.json');
if (playwright) {
  const s = playwright.stats;
  const passed = s.expected + s.flaky;
  lines.push(
    `end-to-end (playwright): ${passed} passed, ${s.unexpected} failed, ${s.skipped} skipped${s.flaky ? ` (${s.flaky} flaky)` : ''}`,
  );
  for (const error of playwright.errors ?? []) lines.push(`  error: ${String(error.message).split('\n')[0]}`);
  totals.passed += passed;
  totals.failed += s.unexpected + (playwright.errors?.length ?? 0);
  totals.skipped += s.skipped;
} else {
  lines.push('end-to-end (playwright): no report — the runner did not finish');
  failedSteps.push('end-to-end report');
}

console.log('\n== summary');
for (const line of lines) console.log(line);
if (failedSteps.length) console.log(`failed checks: ${failedSteps.join(', ')}`);
console.log(`total: ${totals.passed} passed, ${totals.failed + failedSteps.length} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || failedSteps.length > 0 || totals.passed === 0 ? 1 : 0);
