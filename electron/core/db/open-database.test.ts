import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ConversationRepo } from './conversation-repo';
import { allMigrations } from './migrations';
import { openDatabase } from './open-database';

import { failureOf } from '../test-support/app-failure';
import { useTempDir } from '../test-support/temp-dir';

describe('openDatabase', () => {
  const tempDir = useTempDir();

  it('creates the folder and a migrated, WAL-mode database with foreign keys on', () => {
    const file = join(tempDir(), 'nested', 'profile', 'history.sqlite3');
    const db = openDatabase(file);
    try {
      expect(existsSync(file)).toBe(true);
      expect(db.pragma('user_version', { simple: true })).toBe(allMigrations.at(-1)?.version);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);

      const tables = db.prepare("SELECT name, type, strict FROM pragma_table_list WHERE schema = 'main'").all() as {
        name: string;
        type: string;
        strict: number;
      }[];
      const byName = new Map(tables.map((t) => [t.name, t]));
      for (const name of ['conversations', 'messages', 'spend_ledger']) expect(byName.get(name)?.strict).toBe(1);
      expect(byName.get('messages_fts')?.type).toBe('virtual');
      const triggers = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").pluck().all();
      // Both full-text indexes are kept by triggers (migration 50: only final text is indexed).
      for (const index of ['messages_fts', 'messages_trigram'])
        for (const step of ['after_delete', 'after_insert', 'after_update_in', 'after_update_out'])
          expect(triggers).toContain(`${index}_${step}`);
    } finally {
      db.close();
    }
  });

  it('reopens an up-to-date database without migrating or backing it up again', () => {
    const dir = tempDir();
    const file = join(dir, 'history.sqlite3');
    const first = openDatabase(file);
    const created = new ConversationRepo(first).create({ title: 'Kept', model: 'openai/gpt-4o' });
    first.close();

    const second = openDatabase(file);
    try {
      expect(second.pragma('user_version', { simple: true })).toBe(allMigrations.at(-1)?.version);
      expect(new ConversationRepo(second).get(created.id)?.title).toBe('Kept');
      expect(readdirSync(dir).filter((name) => name.includes('.bak-'))).toEqual([]);
    } finally {
      second.close();
    }
  });

  it.each(['delete', 'wal'])(
    'refuses a database from a newer version and leaves it byte-identical (%s journal)',
    (mode) => {
      const dir = tempDir();
      const file = join(dir, 'history.sqlite3');
      const newer = new BetterSqlite3(file);
      newer.pragma(`journal_mode = ${mode}`);
      newer.exec("CREATE TABLE future (x TEXT) STRICT; INSERT INTO future VALUES ('from the future')");
      newer.pragma('user_version = 9990');
      newer.close();
      const before = readFileSync(file);
      const filesBefore = readdirSync(dir).sort();

      const failure = failureOf(() => openDatabase(file));
      expect(failure.error.code).toBe('storage_error');
      expect(failure.message).toMatch(/newer Switchboard/);
      expect(failure.message).toMatch(/update the app/i);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(filesBefore);
    },
  );

  it('reports a file that is not a database as damaged, with its path, and leaves it untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'history.sqlite3');
    writeFileSync(file, 'these are my precious notes, not a database\n'.repeat(200));
    const before = readFileSync(file);

    const failure = failureOf(() => openDatabase(file));
    expect(failure.error.code).toBe('storage_error');
    expect(failure.message).toMatch(/damaged/);
    expect(failure.message).toContain(file);
    expect(failure.message).toMatch(/left untouched/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['history.sqlite3']);
  });

  it('reports a malformed database as damaged and leaves it untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'history.sqlite3');
    const db = openDatabase(file);
    new ConversationRepo(db).create({ title: 'Soon damaged', model: 'openai/gpt-4o' });
    db.close();

    // Scribble over the schema page (page 1 after the 100-byte header): the header still says "SQLite".
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 100, 4096);
    writeFileSync(file, bytes);
    const before = readFileSync(file);

    const failure = failureOf(() => openDatabase(file));
    expect(failure.error.code).toBe('storage_error');
    expect(failure.message).toMatch(/damaged/);
    expect(failure.message).toMatch(/left untouched/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
