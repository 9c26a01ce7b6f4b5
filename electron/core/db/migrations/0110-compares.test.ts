import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ConversationRepo } from '../conversation-repo';
import { migrate } from '../migrate';
import { allMigrations } from './index';

const upTo = (version: number) => allMigrations.filter((step) => step.version <= version);

describe('migration 110: compares', () => {
  it('leaves every existing conversation ordinary, and a column goes when its conversation is purged', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(100));
    db.prepare(
      "INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES ('c1', 'T', 'm/m', 1, 1)",
    ).run();

    expect(migrate(db, upTo(110)).applied).toEqual(['110-compares']);
    const repo = new ConversationRepo(db);
    expect(repo.get('c1')).not.toHaveProperty('compareId');

    db.prepare("INSERT INTO compares (id, title, created_at, updated_at) VALUES ('p1', 'T', 1, 1)").run();
    db.prepare(
      "INSERT INTO compare_columns (conversation_id, compare_id, position, model) VALUES ('c1', 'p1', 0, 'm/m')",
    ).run();
    expect(repo.get('c1')?.compareId).toBe('p1');
    repo.delete('c1');
    expect(db.prepare('SELECT count(*) FROM compare_columns').pluck().get()).toBe(0);
    db.close();
  });
});
