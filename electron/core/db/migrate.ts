// Core: brings a history database up to the newest schema: refuses newer files, backs up older ones, all steps in one transaction.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppFailure } from '../../../shared/result';
import { upgradeBackupPath } from './backup-files';
import { allMigrations, type Migration } from './migrations';
import { toStorageError } from './storage-error';

export interface MigrateOptions {
  /** Where backups go; next to the database file when omitted. */
  backupDir?: string;
}

export interface MigrationReport {
  fromVersion: number;
  toVersion: number;
  applied: string[];
  /** Path of the copy taken before migrating, or null when nothing needed one (fresh file, or up to date). */
  backupFile: string | null;
  /** Time the steps took (their one transaction), 0 when none ran. */
  durationMs: number;
}

/**
 * What a migration did, as log lines: a start-up that changed the schema says from which version to which, where the
 * copy taken before it is, and each step it ran, so a support request can tell what happened to the file. Nothing
 * for a database already up to date. Paths and step names only: no row of the history ever reaches a log.
 */
export function describeMigration(file: string, report: MigrationReport): string[] {
  if (report.applied.length === 0) return [];
  const head =
    report.fromVersion === 0
      ? `history database ${file} created at schema ${report.toVersion} in ${report.durationMs} ms`
      : `history database ${file} upgraded from schema ${report.fromVersion} to ${report.toVersion} in ` +
        `${report.durationMs} ms; ` +
        (report.backupFile ? `the copy taken before it is ${report.backupFile}` : 'no copy was taken (in memory)');
  return [head, ...report.applied.map((step) => `history database: applied schema step ${step}`)];
}

export function readSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function newestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((step, i) => {
    const previous = migrations[i - 1];
    if (!Number.isInteger(step.version) || step.version <= 0 || (previous && step.version <= previous.version)) {
      throw new AppFailure({
        code: 'internal',
        message: `Schema step "${step.name}" (${step.version}) is out of order; versions must strictly increase.`,
      });
    }
  });
}

/**
 * Refuses a file written by a newer Switchboard before anything writes to it (even switching to WAL rewrites the
 * header), so the newer app still finds its history intact.
 */
export function assertKnownVersion(db: Database, migrations: readonly Migration[] = allMigrations): number {
  const version = readSchemaVersion(db);
  if (version > newestVersion(migrations)) {
    throw new AppFailure({
      code: 'storage_error',
      message:
        `This history (${db.name}) was written by a newer Switchboard (schema ${version}); ` +
        `this version only knows schema ${newestVersion(migrations)}. Update the app. The file was left untouched.`,
    });
  }
  return version;
}

/** VACUUM INTO is synchronous and takes a consistent snapshot including WAL content, unlike a plain file copy. */
function backUp(db: Database, fromVersion: number, backupDir: string | undefined): string {
  const target = upgradeBackupPath(db.name, fromVersion, backupDir);
  mkdirSync(dirname(target), { recursive: true });
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

export function migrate(
  db: Database,
  migrations: readonly Migration[] = allMigrations,
  options: MigrateOptions = {},
): MigrationReport {
  assertOrdered(migrations);
  const fromVersion = assertKnownVersion(db, migrations);
  const pending = migrations.filter((step) => step.version > fromVersion);
  const last = pending.at(-1);
  if (!last) return { fromVersion, toVersion: fromVersion, applied: [], backupFile: null, durationMs: 0 };

  let backupFile: string | null = null;
  // user_version 0 means a brand-new file: nothing to protect. In-memory databases have no file to back up.
  if (fromVersion > 0 && !db.memory) {
    try {
      backupFile = backUp(db, fromVersion, options.backupDir);
    } catch (err) {
      const cause = toStorageError(err, db.name);
      throw new AppFailure({
        code: 'storage_error',
        message: `Could not back up the history database before upgrading it, so it was not upgraded. ${cause.message}`,
      });
    }
  }

  const started = performance.now();
  try {
    db.transaction(() => {
      for (const step of pending) step.up(db);
      // Inside the transaction, so a failed step leaves the old version number as well as the old schema.
      db.pragma(`user_version = ${last.version}`);
    })();
  } catch (err) {
    const cause = toStorageError(err, db.name);
    const backupNote = backupFile ? ` A backup taken before the attempt is at ${backupFile}.` : '';
    throw new AppFailure({
      code: 'storage_error',
      message: `Could not upgrade the history database; it was left as it was.${backupNote} ${cause.message}`,
    });
  }

  return {
    fromVersion,
    toVersion: last.version,
    applied: pending.map((s) => `${s.version}-${s.name}`),
    backupFile,
    durationMs: Math.round(performance.now() - started),
  };
}
