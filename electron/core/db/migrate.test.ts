import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result';
import { describeMigration, migrate, readSchemaVersion } from './migrate';
import { allMigrations, type Migration } from './migrations';
import { initMigration } from './migrations/0010-init';
import { openDatabase } from './open-database';
import { failureOf } from '../test-support/app-failure';
import { useTempDir } from '../test-support/temp-dir';

const addNotes: Migration = {
  version: 20,
  name: 'notes',
  up(db) {
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
  },
};

const brokenStep: Migration = {
  version: 20,
  name: 'broken',
  up(db) {
    db.exec('CREATE TABLE half_done (x TEXT) STRICT');
    throw new Error('step failed halfway');
  },
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function tableNames(db: BetterSqlite3.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
}

/** A database left at schema 10 with one conversation in it, as an older Switchboard would have left it. */
function olderDatabase(file: string): void {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  migrate(db, [initMigration]);
  db.prepare("INSERT INTO conversations VALUES ('c1', 'Old chat', 'openai/gpt-4o', 1, 1)").run();
  db.close();
}

describe('migrate', () => {
  const tempDir = useTempDir();

  it('runs every step on a fresh database and takes no backup', () => {
    const dir = tempDir();
    const db = new BetterSqlite3(join(dir, 'fresh.sqlite3'));
    try {
      const report = migrate(db);
      expect(report).toEqual({
        fromVersion: 0,
        toVersion: allMigrations.at(-1)?.version,
        applied: allMigrations.map((step) => `${step.version}-${step.name}`),
        backupFile: null,
        durationMs: expect.any(Number),
      });
      expect(readSchemaVersion(db)).toBe(allMigrations.at(-1)?.version);
      expect(readdirSync(dir)).toEqual(['fresh.sqlite3']);
      expect(migrate(db).applied).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('backs up an older database before migrating it, then applies the pending steps', () => {
    const file = join(tempDir(), 'history.sqlite3');
    olderDatabase(file);

    const db = new BetterSqlite3(file);
    const report = migrate(db, [initMigration, addNotes]);
    expect(report.fromVersion).toBe(10);
    expect(report.toVersion).toBe(20);
    expect(report.applied).toEqual(['20-notes']);
    expect(report.backupFile).toBe(`${file}.bak-v10`);
    expect(readSchemaVersion(db)).toBe(20);
    expect(tableNames(db)).toContain('notes');
    db.close();

    const backup = new BetterSqlite3(`${file}.bak-v10`, { readonly: true });
    try {
      expect(readSchemaVersion(backup)).toBe(10);
      expect(tableNames(backup)).not.toContain('notes');
      expect(backup.prepare('SELECT title FROM conversations').pluck().all()).toEqual(['Old chat']);
    } finally {
      backup.close();
    }
  });

  it('puts the backup in backupDir when given, and never overwrites an earlier backup', () => {
    const dir = tempDir();
    const file = join(dir, 'history.sqlite3');
    const backupDir = join(dir, 'backups');
    olderDatabase(file);

    const first = new BetterSqlite3(file);
    expect(migrate(first, [initMigration, addNotes], { backupDir }).backupFile).toBe(
      join(backupDir, 'history.sqlite3.bak-v10'),
    );
    first.close();

    // Back at schema 10 (say, restored by hand): the earlier backup must survive the next migration.
    const again = new BetterSqlite3(file);
    again.pragma('user_version = 10');
    const report = migrate(again, [initMigration, { ...addNotes, up: () => undefined }], { backupDir });
    again.close();
    expect(report.backupFile).toMatch(/history\.sqlite3\.bak-v10-\d+$/);
    expect(existsSync(join(backupDir, 'history.sqlite3.bak-v10'))).toBe(true);
  });

  it('rolls back every step when one fails, keeping the old version, and names the backup', () => {
    const file = join(tempDir(), 'history.sqlite3');
    olderDatabase(file);
    const db = new BetterSqlite3(file);
    try {
      const failure = failureOf(() => migrate(db, [initMigration, brokenStep]));
      expect(failure.error.code).toBe('storage_error');
      expect(failure.message).toContain(`${file}.bak-v10`);
      expect(failure.message).toMatch(/step failed halfway/);
      expect(readSchemaVersion(db)).toBe(10);
      expect(tableNames(db)).not.toContain('half_done');
    } finally {
      db.close();
    }
  });

  it('runs all pending steps in one transaction on a fresh database too', () => {
    const db = new BetterSqlite3(':memory:');
    try {
      expect(() => migrate(db, [initMigration, brokenStep])).toThrow(AppFailure);
      expect(readSchemaVersion(db)).toBe(0);
      expect(tableNames(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('refuses a database newer than the newest known step', () => {
    const db = new BetterSqlite3(':memory:');
    try {
      db.pragma('user_version = 30');
      const failure = failureOf(() => migrate(db, [initMigration, addNotes]));
      expect(failure.error.code).toBe('storage_error');
      expect(failure.message).toMatch(/newer Switchboard/);
      expect(readSchemaVersion(db)).toBe(30);
    } finally {
      db.close();
    }
  });

  it('rejects a step list that is out of order', () => {
    const db = new BetterSqlite3(':memory:');
    try {
      const failure = failureOf(() => migrate(db, [addNotes, initMigration]));
      expect(failure.error.code).toBe('internal');
    } finally {
      db.close();
    }
  });

  it('rejects two steps with the same number, and a step numbered 0 or below, before running any', () => {
    const db = new BetterSqlite3(':memory:');
    try {
      // Two branches that each picked the next free number: the second step must not be taken for the first.
      const twice = failureOf(() => migrate(db, [initMigration, addNotes, { ...addNotes, name: 'other notes' }]));
      expect(twice.error).toEqual({
        code: 'internal',
        message: 'Schema step "other notes" (20) is out of order; versions must strictly increase.',
      });
      expect(failureOf(() => migrate(db, [{ ...addNotes, version: 0 }])).error.code).toBe('internal');
      expect(failureOf(() => migrate(db, [{ ...addNotes, version: 1.5 }])).error.code).toBe('internal');
      expect(tableNames(db)).toEqual([]);
      expect(readSchemaVersion(db)).toBe(0);
    } finally {
      db.close();
    }
  });

  it('lets openDatabase migrate with a backup through its options, and logs the versions, the copy and each step', () => {
    const dir = tempDir();
    const file = join(dir, 'history.sqlite3');
    olderDatabase(file);
    const lines: string[] = [];
    const logger = { info: (line: string) => lines.push(line) };
    const db = openDatabase(file, { backupDir: join(dir, 'bak'), migrations: [initMigration, addNotes], logger });
    try {
      expect(readSchemaVersion(db)).toBe(20);
      expect(readdirSync(join(dir, 'bak'))).toEqual(['history.sqlite3.bak-v10']);
    } finally {
      db.close();
    }
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^history database ${escapeRegExp(file)} upgraded from schema 10 to 20 in \\d+ ms; ` +
            `the copy taken before it is ${escapeRegExp(join(dir, 'bak', 'history.sqlite3.bak-v10'))}$`,
        ),
      ),
      'history database: applied schema step 20-notes',
    ]);

    // Opened again, it is up to date: nothing to say.
    lines.length = 0;
    openDatabase(file, { backupDir: join(dir, 'bak'), migrations: [initMigration, addNotes], logger }).close();
    expect(lines).toEqual([]);
  });

  it('describes a new database as created, with every step and no copy', () => {
    const lines = describeMigration('/p/history.sqlite3', {
      fromVersion: 0,
      toVersion: 20,
      applied: ['10-init', '20-notes'],
      backupFile: null,
      durationMs: 7,
    });
    expect(lines).toEqual([
      'history database /p/history.sqlite3 created at schema 20 in 7 ms',
      'history database: applied schema step 10-init',
      'history database: applied schema step 20-notes',
    ]);
  });
});
