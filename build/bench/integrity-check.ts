// Benchmark: the start-up integrity check (`PRAGMA quick_check`) on a 100,000-message history, against the same
// check at 1,000 messages, and — as the core runs it, in a worker thread — against opening the file without it.
// Both histories are written through the core's own repositories (the seeder the end-to-end specs use), so pages,
// indexes and FTS look like real use.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyFileName } from '../../electron/core/core';
import { checkIntegrity, checkIntegritySync } from '../../electron/core/db/integrity-check';
import { openDatabase } from '../../electron/core/db/open-database';
import { seedLongConversation } from '../../e2e/support/seed-history';
import type { Measurement } from './measure';

async function expectSound(file: string, inWorker = true): Promise<void> {
  const verdict = inWorker ? await checkIntegrity(file) : checkIntegritySync(file);
  if (verdict.kind !== 'ok') throw new Error(`benchmark history is not sound: ${JSON.stringify(verdict)}`);
}

export async function integrityCheck(measure: Measurement): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-integrity-'));
  const small = join(dir, 'small', historyFileName);
  const large = join(dir, 'large', historyFileName);
  try {
    seedLongConversation(join(dir, 'small'), 1_000, 'Small history');
    seedLongConversation(join(dir, 'large'), 100_000, 'Large history');
    const mb = (file: string) => (statSync(file).size / 1024 / 1024).toFixed(1);
    console.log(`integrity check: histories of 1,000 (${mb(small)} MB) and 100,000 messages (${mb(large)} MB)`);

    await measure({
      name: 'integrity check (quick_check alone, calling thread), 100,000 messages vs. 1,000 messages',
      unit: 'ms',
      baseline: () => expectSound(small, false),
      candidate: () => expectSound(large, false),
    });
    await measure({
      name: 'opening a 100,000-message history: the start-up check as shipped (worker thread) vs. no check',
      unit: 'ms',
      baseline: async () => openDatabase(large).close(),
      candidate: () => expectSound(large),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
