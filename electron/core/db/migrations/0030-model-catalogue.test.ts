import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ModelStore } from '../../models/model-store';
import { migrate } from '../migrate';
import { allMigrations } from './index';

const upTo = (version: number) => allMigrations.filter((step) => step.version <= version);

describe('migration 30: model catalogue', () => {
  it('adds the catalogue and the model preferences beside a history at schema 20, leaving its rows as they were', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(20));
    db.prepare(
      "INSERT INTO conversations (id, title, model, created_at, updated_at, max_output_tokens) VALUES ('c1', 'Old', 'openai/gpt-4o', 1, 2, 900)",
    ).run();
    const message = db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, cost_usd, created_at,
         updated_at)
       VALUES (?, 'c1', ?, ?, ?, ?, 'complete', ?, 1, 1)`,
    );
    message.run('u1', null, 1, 'user', 'Hello', null);
    message.run('a1', 'u1', 2, 'assistant', 'Hi there', 0.5);
    db.prepare("UPDATE conversations SET current_leaf_id = 'a1'").run();
    db.prepare("INSERT INTO drafts (conversation_id, text, updated_at) VALUES ('c1', 'half a thought', 3)").run();
    const dump = () =>
      ['conversations', 'messages', 'drafts', 'spend_ledger'].map((table) =>
        db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
      );
    const before = dump();

    expect(migrate(db, upTo(30)).applied).toEqual(['30-model-catalogue']);
    expect(dump()).toEqual(before);
    for (const table of ['model_catalogue', 'model_favorites', 'model_recents', 'model_settings'])
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    // One catalogue row at most.
    const catalogue = db.prepare('INSERT INTO model_catalogue (id, fetched_at, entries_json) VALUES (?, 1, ?)');
    catalogue.run(1, '[]');
    expect(() => catalogue.run(2, '[]')).toThrow(/CHECK/);
    db.prepare('DELETE FROM model_catalogue').run();

    // Carried on to the newest schema, the model store starts with nothing and keeps what it is given.
    migrate(db);
    const store = new ModelStore(db, { now: () => 10 });
    expect(store.readCatalogue()).toBeNull();
    store.setFavorite('openai/gpt-4o', true);
    store.setDefault('anthropic/claude-sonnet-4');
    expect(store.preferences()).toMatchObject({
      favorites: ['openai/gpt-4o'],
      defaultModel: 'anthropic/claude-sonnet-4',
    });
    expect(db.prepare('SELECT title FROM conversations').pluck().all()).toEqual(['Old']);
    db.close();
  });
});
