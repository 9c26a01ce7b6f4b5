import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MessageRepo } from '../message-repo';
import { migrate } from '../migrate';
import { SearchRepo } from '../search-repo';
import { useTempDir } from '../../test-support/temp-dir';
import { initMigration } from './0010-init';
import { threadsMigration } from './0020-threads';
import { modelCatalogueMigration } from './0030-model-catalogue';
import { spendMigration } from './0040-spend';
import { historyMigration } from './0050-history';
import { spendRollupsMigration } from './0060-spend-rollups';
import { wordPrefixesMigration } from './0070-word-prefixes';
import { allMigrations } from './index';

describe('migration 70: word prefixes', () => {
  const tempDir = useTempDir();

  it('rebuilds the word index with prefix indexes, keeping the rule that streaming replies stay out', () => {
    const db = new BetterSqlite3(join(tempDir(), 'history.sqlite3'));
    const before = [
      initMigration,
      threadsMigration,
      modelCatalogueMigration,
      spendMigration,
      historyMigration,
      spendRollupsMigration,
    ];
    migrate(db, before);
    db.prepare(
      "INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES ('c1', 'T', 'm/m', 1, 1)",
    ).run();
    const insert = db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, created_at, updated_at)
       VALUES (?, 'c1', ?, ?, ?, ?, ?, 1, 1)`,
    );
    insert.run('u1', null, 1, 'user', 'Where do puffins nest? 海鸟的巢', 'complete');
    insert.run('a1', 'u1', 2, 'assistant', 'On cliffs near', 'streaming');

    migrate(db, [...before, wordPrefixesMigration]);
    const definition = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'messages_fts'").get() as { sql: string };
    expect(definition.sql).toMatch(/prefix = '1 2 3'/);
    const check = (againstContent: boolean) =>
      db
        .prepare(`INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', ${againstContent ? 1 : 0})`)
        .run();
    expect(() => check(false)).not.toThrow();
    // The streaming reply is deliberately missing, as under migration 50.
    expect(() => check(true)).toThrow(/malformed/);

    const search = new SearchRepo(db);
    const found = (query: string) => search.search({ query }).hits.map((hit) => hit.messageId);
    for (const query of ['p', 'pu', 'puf', 'puff', 'puffins', 'where do pu'])
      expect(found(query), query).toEqual(['u1']);
    expect(found('cliffs')).toEqual([]);
    expect(found('海鸟')).toEqual(['u1']);

    // The triggers came back with the table: ending the reply indexes it, deleting forgets it. The repositories read
    // today's schema.
    migrate(db, allMigrations);
    expect(new MessageRepo(db).repairInterrupted()).toBe(1);
    expect(found('cli')).toEqual(['a1']);
    expect(() => check(true)).not.toThrow();
    db.prepare("DELETE FROM messages WHERE id = 'a1'").run();
    expect(found('cli')).toEqual([]);
    expect(() => check(true)).not.toThrow();
    db.close();
  });
});
