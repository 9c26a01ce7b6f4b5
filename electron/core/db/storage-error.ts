// Core: turns SQLite failures into AppFailures a person can act on; every repository call goes through `guardStorage`.

import { AppFailure } from '../../../shared/result';

/** better-sqlite3's SqliteError carries SQLite's (extended) result code name, e.g. `SQLITE_FULL`, `SQLITE_IOERR_WRITE`. */
function sqliteCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

const where = (file: string | undefined) => (file ? ` at ${file}` : '');

/** Raised when the file is not a database or its pages are corrupt; the wording promises we did not touch it. */
export function damagedDatabaseFailure(file: string | undefined): AppFailure {
  return new AppFailure({
    code: 'storage_error',
    message:
      `Switchboard's history database${where(file)} is damaged and cannot be read. ` +
      'It was left untouched: move or rename it to start a fresh history, or restore it from a backup.',
  });
}

export function isDamagedDatabaseError(err: unknown): boolean {
  const code = sqliteCode(err);
  return code !== null && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Maps any error thrown while using the database to an AppFailure. AppFailures pass through unchanged so
 * nested guards do not rewrite a precise message into a vague one.
 */
export function toStorageError(err: unknown, file?: string): AppFailure {
  if (err instanceof AppFailure) return err;
  const code = sqliteCode(err);
  const detail = err instanceof Error ? err.message : String(err);
  const storage = (message: string) => new AppFailure({ code: 'storage_error', message });

  if (code === null) return storage(`Switchboard could not use its history database${where(file)}: ${detail}`);
  if (code.startsWith('SQLITE_FULL')) {
    return storage(
      'The disk is full: Switchboard could not save to its history database. Free some space and try again.',
    );
  }
  if (isDamagedDatabaseError(err)) return damagedDatabaseFailure(file);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return storage(
      `The history database${where(file)} is locked by another program (another Switchboard window?). Close it and try again.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_CANTOPEN')) {
    return storage(`Switchboard cannot write its history database${where(file)}: check the folder's permissions.`);
  }
  // A foreign-key violation here means the row it points at was deleted meanwhile (e.g. a conversation deleted mid-turn).
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new AppFailure({ code: 'not_found', message: 'That conversation no longer exists.' });
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return storage(`Switchboard could not read or write its history database${where(file)} (${code}). Check the disk.`);
  }
  return storage(`Switchboard's history database reported an error (${code}): ${detail}`);
}

/** Runs a database operation and rethrows whatever it throws as an AppFailure. */
export function guardStorage<T>(file: string | undefined, operation: () => T): T {
  try {
    return operation();
  } catch (err) {
    throw toStorageError(err, file);
  }
}
