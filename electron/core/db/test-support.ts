// Test helpers (Node): a fresh temporary folder per test, removed afterwards, and a way to catch an AppFailure.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { AppFailure } from '../../../shared/result';

export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-db-'));
    dirs.push(dir);
    return dir;
  };
}

/** Runs `fn`, expecting it to throw an AppFailure, and returns that failure for assertions. */
export function failureOf(fn: () => unknown): AppFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppFailure) return err;
    throw err;
  }
  throw new Error('expected an AppFailure');
}
