import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ConversationRepo } from '../conversation-repo';
import { MessageRepo } from '../message-repo';
import { migrate } from '../migrate';
import { allMigrations } from './index';

const upTo = (version: number) => allMigrations.filter((step) => step.version <= version);

describe('migration 90: conversation settings', () => {
  it('gives a schema-80 history no settings of its own and replies no record of what they were sent with', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(80));
    db.prepare(
      "INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES ('c1', 'T', 'm/m', 1, 1)",
    ).run();
    const message = db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, model, created_at, updated_at)
       VALUES (?, 'c1', ?, ?, ?, 'text', 'complete', 'a/answered', 1, 1)`,
    );
    message.run('u1', null, 1, 'user');
    message.run('a1', 'u1', 2, 'assistant');

    expect(migrate(db, upTo(90)).applied).toEqual(['90-conversation-settings']);
    // The repositories read the newest schema; the steps after 90 add nothing these fields depend on.
    migrate(db, allMigrations);
    expect(new ConversationRepo(db).get('c1')?.settings).toEqual({});
    const reply = new MessageRepo(db).get('a1');
    expect(reply).toMatchObject({
      model: 'a/answered',
      sentSettings: null,
      requestedModel: null,
      fallbackFrom: null,
      citations: null,
    });
    expect(db.prepare('SELECT count(*) FROM presets').pluck().get()).toBe(0);
    db.close();
  });
});
