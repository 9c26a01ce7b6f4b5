// Core: decides, once per start, whether the history database may be used — and holds every history-backed service
// back until it has. A damaged file is moved aside untouched and the person chooses: restore the newest backup, or
// start a new, empty history.
//
// When the check runs: `PRAGMA quick_check` reads every page. On a 100,000-message history (70 MB) it took ≈0.29 s
// on the calling thread and ≈0.49 s as shipped (a worker thread, including the worker's start), against ≈2 ms to
// open the file without it (`npm run bench`; 1,000 messages: ≈5 ms). Too long to freeze the main process at every
// start, yet damage happens while the app is closed too (disk errors, sync tools, a crash mid-checkpoint), so a
// clean-shutdown marker could not make skipping it safe. So it runs at every start, off the main thread, while the
// transport comes up and the key is checked; every history channel waits for its verdict. Nothing opens the file
// for writing before that verdict, whether the last shutdown was clean or not.

import type Database from 'better-sqlite3';
import BetterSqlite3 from 'better-sqlite3';
import type { HistoryBackup, HistoryDamage, HistoryStatus } from '../../../shared/domain';
import { type AppError, AppFailure, type Result, fail, ok } from '../../../shared/result';
import type { HistoryRecoverInput } from '../../../shared/schemas';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BackupEntry } from '../../../shared/portability';
import {
  type SnapshotKind,
  listBackupEntries,
  newestBackup,
  restoreBackup,
  rotateSnapshots,
  snapshotPath,
} from '../db/backup-files';
import { fileSize, moveAside } from '../db/damaged-files';
import { type IntegrityVerdict, checkIntegrity, checkIntegritySync } from '../db/integrity-check';
import { assertKnownVersion } from '../db/migrate';
import { type Migration, allMigrations } from '../db/migrations';
import { createParentDir, openDatabase } from '../db/open-database';
import { isDamagedDatabaseError, toStorageError } from '../db/storage-error';
import type { Logger } from '../logger';

export interface HistoryGateOptions<S> {
  file: string;
  logger: Logger;
  /** Builds the services that use the database; called once the file is known to be sound. */
  build(db: Database.Database): S;
  /** Only tests pass these. */
  migrations?: readonly Migration[];
  check?: (file: string) => Promise<IntegrityVerdict>;
  now?: () => Date;
}

type State<S> =
  | { kind: 'checking' }
  | {
      kind: 'ready';
      db: Database.Database;
      services: S;
      damage: HistoryDamage | null;
      restoredFrom: HistoryBackup | null;
    }
  | { kind: 'needs-recovery'; damage: HistoryDamage; backup: HistoryBackup }
  | { kind: 'unavailable'; error: AppError }
  | { kind: 'closed' };

const awaitingChoice: AppError = {
  code: 'storage_error',
  message:
    'Your history database was damaged and has been moved aside. Choose whether to restore the backup or start a new history first.',
};

export class HistoryGate<S> {
  private state: State<S> = { kind: 'checking' };
  private readonly decided: Promise<void>;
  private readonly migrations: readonly Migration[];
  private readonly now: () => Date;

  /**
   * Throws an AppFailure, as before this gate existed, for what no choice can fix: a folder that cannot be created,
   * a history from a newer Switchboard (left untouched), a file that cannot be opened at all.
   */
  constructor(private readonly options: HistoryGateOptions<S>) {
    this.migrations = options.migrations ?? allMigrations;
    this.now = options.now ?? (() => new Date());
    createParentDir(options.file);
    const next = this.inspect();
    this.decided =
      next === 'check'
        ? this.check().catch((error: unknown) => {
            this.options.logger.error('history check failed', error);
            if (this.state.kind === 'checking')
              this.state = { kind: 'unavailable', error: toStorageError(error).error };
          })
        : Promise.resolve();
  }

  /** The services, once the history is sound; otherwise a storage_error saying why. */
  async services(): Promise<Result<S>> {
    await this.decided;
    const state = this.state;
    switch (state.kind) {
      case 'ready':
        return ok(state.services);
      case 'needs-recovery':
        return { ok: false, error: awaitingChoice };
      case 'unavailable':
        return { ok: false, error: state.error };
      default:
        return fail('storage_error', 'Switchboard is closing its history database.');
    }
  }

  /** The services if they exist right now, without waiting (shutdown uses this). */
  current(): S | null {
    return this.state.kind === 'ready' ? this.state.services : null;
  }

  async status(): Promise<HistoryStatus> {
    await this.decided;
    return this.describe();
  }

  async recover(input: HistoryRecoverInput): Promise<Result<HistoryStatus>> {
    await this.decided;
    const state = this.state;
    // A second click, or a second window, after the choice was made: answer with where things stand.
    if (state.kind === 'ready') return ok(this.describe());
    if (state.kind !== 'needs-recovery') return fail('storage_error', 'There is no damaged history to recover.');

    if (input.choice === 'start-fresh') {
      this.open(state.damage, null);
      return ok(this.describe());
    }
    restoreBackup(state.backup, this.options.file);
    const verdict = checkIntegritySync(this.options.file);
    if (verdict.kind !== 'ok') {
      // Keep the bad copy for inspection, out of the way; the backup file itself is untouched.
      moveAside(this.options.file, this.now());
      return fail(
        'storage_error',
        `The backup ${state.backup.path} is damaged as well (${verdict.reason}). Start a new history instead.`,
      );
    }
    this.open(state.damage, state.backup);
    return ok(this.describe());
  }

  /**
   * A consistent copy of the live history, taken with SQLite's online backup API (pages copied in steps, so replies
   * keep streaming meanwhile), written under a temporary name and renamed when whole; then old snapshots rotate.
   */
  async snapshot(kind: SnapshotKind): Promise<Result<BackupEntry>> {
    await this.decided;
    const state = this.state;
    if (state.kind !== 'ready') return fail('storage_error', 'There is no open history to back up.');
    const target = snapshotPath(this.options.file, kind, this.now());
    const partial = `${target}.partial`;
    try {
      mkdirSync(dirname(target), { recursive: true });
      await state.db.backup(partial);
      renameSync(partial, target);
    } catch (err) {
      rmSync(partial, { force: true });
      return { ok: false, error: toStorageError(err, target).error };
    }
    rotateSnapshots(this.options.file);
    const entry = listBackupEntries(this.options.file).find((e) => e.path === target);
    return entry ? ok(entry) : fail('storage_error', `The backup ${target} could not be found after writing it.`);
  }

  /**
   * Replaces the history with one of its backups, chosen by the person. The backup is checked first; the history as
   * it is now is backed up too (a `before-restore` snapshot), so a restore can itself be undone.
   */
  async restoreFrom(path: string): Promise<Result<HistoryStatus>> {
    await this.decided;
    const backup = listBackupEntries(this.options.file).find((entry) => entry.path === path);
    if (!backup) return fail('not_found', 'That backup no longer exists.');
    const verdict = checkIntegritySync(backup.path);
    if (verdict.kind !== 'ok') {
      return fail(
        'storage_error',
        `The backup ${backup.fileName} is damaged (${verdict.reason}); nothing was changed.`,
      );
    }
    const version = this.backupVersion(backup.path);
    if (!version.ok) return version;
    if (this.state.kind === 'ready') {
      const safety = await this.snapshot('before-restore');
      if (!safety.ok) return safety;
      this.close();
    }
    try {
      restoreBackup(backup, this.options.file);
    } catch (err) {
      this.open(null, null);
      return { ok: false, error: toStorageError(err, this.options.file).error };
    }
    this.open(null, { path: backup.path, takenAt: backup.takenAt });
    return ok(this.describe());
  }

  private backupVersion(path: string): Result<true> {
    let db: Database.Database | null = null;
    try {
      db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
      assertKnownVersion(db, this.migrations);
      return ok(true);
    } catch (err) {
      return { ok: false, error: toStorageError(err, path).error };
    } finally {
      db?.close();
    }
  }

  close(): void {
    if (this.state.kind === 'ready') this.state.db.close();
    this.state = { kind: 'closed' };
  }

  private describe(): HistoryStatus {
    const state = this.state;
    switch (state.kind) {
      case 'ready':
        return { state: 'ready', damage: state.damage, restoredFrom: state.restoredFrom };
      case 'needs-recovery':
        return { state: 'needs-recovery', damage: state.damage, newestBackup: state.backup };
      case 'unavailable':
        return { state: 'unavailable', error: state.error };
      default:
        return { state: 'unavailable', error: { code: 'storage_error', message: 'Switchboard is closing.' } };
    }
  }

  /** What can be decided from the files alone, synchronously; 'check' when the full integrity check must run. */
  private inspect(): 'decided' | 'check' {
    const { file } = this.options;
    const size = fileSize(file);
    const walSize = fileSize(`${file}-wal`) ?? 0;
    const hasBackup = newestBackup(file) !== null;

    // A missing file is a first run unless something says there was history before. An empty file never is: SQLite
    // writes its header at once, so 0 bytes means lost content (a crash while creating it loses nothing by saying so).
    if (size === null && walSize === 0 && !hasBackup) {
      this.open(null, null);
      return 'decided';
    }
    if (size === null || size === 0) {
      const reason =
        size === null
          ? 'The history database file is missing, but backups of it exist.'
          : `The history database file is empty (0 bytes)${walSize > 0 ? ', while its write-ahead log still holds data' : ''}.`;
      this.quarantine(reason);
      return 'decided';
    }

    // Synchronously, as before: a file from a newer app is refused at start, untouched.
    const header = this.readHeader();
    if (header !== 'readable') {
      this.quarantine(header.reason);
      return 'decided';
    }
    return 'check';
  }

  private async check(): Promise<void> {
    const verdict = await (this.options.check ?? checkIntegrity)(this.options.file);
    if (this.state.kind === 'closed') return;
    if (verdict.kind === 'damaged') return this.quarantine(`The integrity check failed: ${verdict.reason}`);
    if (verdict.kind === 'unchecked') {
      this.state = {
        kind: 'unavailable',
        error: {
          code: 'storage_error',
          message: `Switchboard could not check its history database (${verdict.reason}). It was left untouched; restart Switchboard to try again.`,
        },
      };
      return;
    }
    this.open(null, null);
  }

  /** Reads the header and schema version from a read-only connection, which never writes the file or its WAL. */
  private readHeader(): 'readable' | { reason: string } {
    let db: Database.Database | null = null;
    try {
      db = new BetterSqlite3(this.options.file, { readonly: true, fileMustExist: true });
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      assertKnownVersion(db, this.migrations);
      return 'readable';
    } catch (err) {
      if (isDamagedDatabaseError(err))
        return { reason: `The file is not a readable database (${(err as Error).message}).` };
      throw toStorageError(err, this.options.file);
    } finally {
      db?.close();
    }
  }

  private quarantine(reason: string): void {
    const { file, logger } = this.options;
    let movedTo: string | null;
    try {
      movedTo = moveAside(file, this.now());
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      this.state = {
        kind: 'unavailable',
        error: {
          code: 'storage_error',
          message: `Switchboard's history database at ${file} is damaged, and it could not be moved aside (${detail}). It was left untouched.`,
        },
      };
      return;
    }
    logger.warn(`history database damaged: ${reason} Moved to ${movedTo ?? '(no file)'}.`);
    const damage: HistoryDamage = { file, movedTo, reason };
    const backup = newestBackup(file);
    if (backup) this.state = { kind: 'needs-recovery', damage, backup };
    // With nothing to restore there is nothing to choose: start fresh, and the renderer shows where the file went.
    else this.open(damage, null);
  }

  private open(damage: HistoryDamage | null, restoredFrom: HistoryBackup | null): void {
    try {
      const db = openDatabase(this.options.file, { migrations: this.migrations, logger: this.options.logger });
      try {
        this.state = { kind: 'ready', db, services: this.options.build(db), damage, restoredFrom };
      } catch (err) {
        db.close();
        throw err;
      }
    } catch (err) {
      const error = err instanceof AppFailure ? err.error : toStorageError(err, this.options.file).error;
      // A failed upgrade names the copy taken before it: the log keeps that even if the page is closed unread.
      this.options.logger.warn(`history database unavailable: ${error.message}`);
      this.state = { kind: 'unavailable', error };
    }
  }
}
