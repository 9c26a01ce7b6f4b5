import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ConversationRepo } from '../conversation-repo';
import { MessageRepo } from '../message-repo';
import { allMigrations } from './index';
import { migrate } from '../migrate';
import { SearchRepo } from '../search-repo';
import { initMigration } from './0010-init';
import { threadsMigration } from './0020-threads';
import { spendMigration } from './0040-spend';
import { historyMigration } from './0050-history';

describe('migration 50: history', () => {
  it('keeps the word index in step, leaves a streaming reply out until it ends, and builds the trigram index', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [initMigration, threadsMigration]);
    db.prepare(
      "INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES ('c1', 'T', 'm/m', 1, 1)",
    ).run();
    const insert = db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, created_at, updated_at)
       VALUES (?, 'c1', ?, ?, ?, ?, ?, 1, 1)`,
    );
    insert.run('u1', null, 1, 'user', 'Where do puffins nest? 海鸟的巢', 'complete');
    insert.run('a1', 'u1', 2, 'assistant', 'On cliffs near', 'streaming');

    migrate(db, [initMigration, threadsMigration, spendMigration, historyMigration]);
    /** FTS5's own check; with `against`, also that each index holds exactly the rows of the messages table. */
    const check = (againstContent: boolean) => {
      for (const table of ['messages_fts', 'messages_trigram'])
        db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', ${againstContent ? 1 : 0})`).run();
    };
    // While a reply streams, its row is deliberately missing from the indexes.
    expect(() => check(false)).not.toThrow();
    expect(() => check(true)).toThrow(/malformed/);
    const search = new SearchRepo(db);
    const found = (query: string) => search.search({ query }).hits.map((hit) => hit.messageId);
    expect(found('puffins')).toEqual(['u1']);
    expect(found('海鸟')).toEqual(['u1']);
    expect(found('cliffs')).toEqual([]);

    // The start-up repair ends the reply, which puts its text in both indexes. The repositories read today's schema.
    migrate(db, allMigrations);
    expect(new MessageRepo(db).repairInterrupted()).toBe(1);
    expect(found('cliffs')).toEqual(['a1']);
    expect(() => check(true)).not.toThrow();
    expect(found('liff')).toEqual([]);
    expect(new ConversationRepo(db).list()).toMatchObject([{ id: 'c1', pinned: false }]);
    db.close();
  });
});
