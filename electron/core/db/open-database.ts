// Core: opens (or creates) the history database, checks it is readable and not from a newer app, then migrates it.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppFailure } from '../../../shared/result';
import type { Logger } from '../logger';
import { assertKnownVersion, describeMigration, migrate } from './migrate';
import { allMigrations, type Migration } from './migrations';
import { damagedDatabaseFailure, isDamagedDatabaseError, toStorageError } from './storage-error';

export interface OpenDatabaseOptions {
  /** Where pre-migration backups go; next to the file when omitted. */
  backupDir?: string;
  /** Only tests pass this, to simulate older or newer schemas. */
  migrations?: readonly Migration[];
  /** Hears what a migration did (versions, backup path, steps); the app passes the core's logger. */
  logger?: Pick<Logger, 'info'>;
}

/** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
const busyTimeoutMs = 5_000;

export function createParentDir(file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppFailure({
      code: 'storage_error',
      message: `Switchboard could not create the folder for its history database (${dirname(file)}): ${reason}`,
    });
  }
}

/**
 * Reads the header and the schema before anything writes: a file that is not a database, or whose first pages are
 * corrupt, fails here while it is still byte-for-byte what the person had.
 */
function checkReadable(db: Database, file: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (err) {
    if (isDamagedDatabaseError(err)) throw damagedDatabaseFailure(file);
    throw toStorageError(err, file);
  }
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  const migrations = options.migrations ?? allMigrations;
  createParentDir(file);

  let db: Database;
  try {
    db = new BetterSqlite3(file);
  } catch (err) {
    throw toStorageError(err, file);
  }

  try {
    // busy_timeout only affects this connection, never the file, so it is safe before the checks.
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    checkReadable(db, file);
    assertKnownVersion(db, migrations);

    db.pragma('journal_mode = WAL');
    // NORMAL is durable across app crashes in WAL mode; only a power cut can drop the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const report = migrate(db, migrations, { backupDir: options.backupDir });
    for (const line of describeMigration(file, report)) options.logger?.info(line);
    return db;
  } catch (err) {
    db.close();
    if (isDamagedDatabaseError(err)) throw damagedDatabaseFailure(file);
    throw toStorageError(err, file);
  }
}
