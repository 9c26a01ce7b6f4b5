import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../migrate';
import { initMigration } from './0010-init';

// The first step has no older schema to upgrade: its "previous version" is an empty file. What it promises the rows
// written under it is checked here, since every later step builds on these promises.
describe('migration 10: init', () => {
  let db: Database | null = null;
  afterEach(() => db?.close());

  function schema10(): Database {
    db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, [initMigration]).applied).toEqual(['10-init']);
    expect(readSchemaVersion(db)).toBe(10);
    db.prepare("INSERT INTO conversations VALUES ('c1', 'Puffins', 'openai/gpt-4o-mini', 1, 2)").run();
    const message = db.prepare(
      `INSERT INTO messages (id, conversation_id, seq, role, content, status, cost_usd, created_at, updated_at)
       VALUES (?, 'c1', ?, ?, ?, 'complete', ?, 1, 1)`,
    );
    message.run('u1', 1, 'user', 'Where do puffins nest?', null);
    message.run('a1', 2, 'assistant', 'On sea cliffs.', 0.000024);
    db.prepare(
      `INSERT INTO spend_ledger (message_id, conversation_id, model, cost_usd, created_at)
       VALUES ('a1', 'c1', 'openai/gpt-4o-mini', 0.000024, 2)`,
    ).run();
    return db;
  }

  const found = (database: Database, word: string) =>
    database
      .prepare('SELECT m.id FROM messages_fts f JOIN messages m ON m.row_id = f.rowid WHERE messages_fts MATCH ?')
      .pluck()
      .all(word);

  it('creates an empty file into the first schema, whose full-text index follows every write to a message', () => {
    const database = schema10();
    expect(found(database, 'puffins')).toEqual(['u1']);
    database.prepare("UPDATE messages SET content = 'On grassy cliff tops.' WHERE id = 'a1'").run();
    expect(found(database, 'sea')).toEqual([]);
    expect(found(database, 'grassy')).toEqual(['a1']);
    database.prepare("DELETE FROM messages WHERE id = 'u1'").run();
    expect(found(database, 'puffins')).toEqual([]);
  });

  it('deletes messages with their conversation but keeps what was spent, charged once per message', () => {
    const database = schema10();
    expect(() =>
      database.prepare("INSERT INTO spend_ledger (message_id, cost_usd, created_at) VALUES ('a1', 0.000024, 3)").run(),
    ).toThrow(/UNIQUE/);
    database.prepare("DELETE FROM conversations WHERE id = 'c1'").run();
    expect(database.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
    expect(database.prepare('SELECT message_id, cost_usd FROM spend_ledger').all()).toEqual([
      { message_id: 'a1', cost_usd: 0.000024 },
    ]);
    expect(() =>
      database
        .prepare(
          "INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at) VALUES ('x', 'c1', 1, 'system', '', 'complete', 1, 1)",
        )
        .run(),
    ).toThrow(/CHECK|FOREIGN KEY/);
  });
});
