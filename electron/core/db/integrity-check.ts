// Core: runs SQLite's `PRAGMA quick_check` on the history file from a read-only connection in a worker thread.
//
// Why a worker: the check is one synchronous SQLite call that reads every page (≈0.3 s at 100,000 messages, see
// `npm run bench`); on the main thread it would freeze the web host or the Electron main process for that long.
// Why read-only: a damaged file must stay byte-for-byte what the person had, and a read-only connection never
// writes the file or its WAL (it does not even checkpoint on close).

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { isDamagedDatabaseError } from './storage-error';

export type IntegrityVerdict =
  | { kind: 'ok' }
  | { kind: 'damaged'; reason: string }
  /** The check itself could not run (locked, unreadable): not evidence of damage. */
  | { kind: 'unchecked'; reason: string };

interface CheckOutcome {
  rows?: string[];
  code?: string;
  message?: string;
}

/** quick_check answers one row per problem found, or a single row "ok". */
function runCheck(Database: typeof BetterSqlite3, file: string): CheckOutcome {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return { rows: db.prepare('PRAGMA quick_check').pluck().all() as string[] };
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    return { code: typeof e.code === 'string' ? e.code : undefined, message: String(e.message ?? err) };
  } finally {
    db?.close();
  }
}

// The same steps as runCheck, as plain JavaScript evaluated by the worker: no bundler or TypeScript loader is
// involved, so it runs alike under tsx, Vitest and the bundled Electron main. The module path is resolved by the
// caller, where module resolution is known to work.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let db = null;
let outcome;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  outcome = { rows: db.prepare('PRAGMA quick_check').pluck().all() };
} catch (err) {
  outcome = { code: typeof err.code === 'string' ? err.code : undefined, message: String(err.message || err) };
} finally {
  if (db) db.close();
}
parentPort.postMessage(outcome);
`;

function inWorker(file: string): Promise<CheckOutcome> {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { modulePath, file } });
    worker.once('message', (outcome: CheckOutcome) => {
      resolve(outcome);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`integrity check worker exited with ${code}`)));
  });
}

function toVerdict(outcome: CheckOutcome): IntegrityVerdict {
  if (outcome.rows) {
    const problems = outcome.rows;
    if (problems.length === 1 && problems[0] === 'ok') return { kind: 'ok' };
    return { kind: 'damaged', reason: problems.slice(0, 5).join('; ') };
  }
  const err = { code: outcome.code };
  // A short read means the file ends inside a page it claims to have: truncated, so damaged.
  if (isDamagedDatabaseError(err) || outcome.code === 'SQLITE_IOERR_SHORT_READ') {
    return { kind: 'damaged', reason: `${outcome.code}: ${outcome.message ?? ''}` };
  }
  return { kind: 'unchecked', reason: `${outcome.code ?? 'error'}: ${outcome.message ?? ''}` };
}

/** Checks the file off the main thread; falls back to the main thread if a worker cannot be started here. */
export async function checkIntegrity(file: string): Promise<IntegrityVerdict> {
  let outcome: CheckOutcome;
  try {
    outcome = await inWorker(file);
  } catch {
    outcome = runCheck(BetterSqlite3, file);
  }
  return toVerdict(outcome);
}

/** The same check on the calling thread, for callers that must block (restoring a backup) and for the benchmark. */
export function checkIntegritySync(file: string): IntegrityVerdict {
  return toVerdict(runCheck(BetterSqlite3, file));
}
