// Core: history the person can organise and search. Pinned conversations, a deleted-but-undoable state, a sidebar
// index, a second full-text index that finds substrings (CJK, emoji, symbols), and both indexes fed only with text
// that is final: a streaming reply enters the index once, when it ends, instead of at every checkpoint.

import type { Migration } from './migration';

/**
 * The rule every trigger below keeps: a row is in an index exactly when its status is not 'streaming', with its
 * current content. External-content FTS tables must be told the exact old text on delete, so the triggers remove
 * only what was added and add only what is not there.
 */
export function indexTriggers(table: string): string {
  return `
    CREATE TRIGGER ${table}_after_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
      INSERT INTO ${table} (rowid, content) VALUES (new.row_id, new.content);
    END;

    CREATE TRIGGER ${table}_after_delete AFTER DELETE ON messages WHEN old.status <> 'streaming' BEGIN
      INSERT INTO ${table} (${table}, rowid, content) VALUES ('delete', old.row_id, old.content);
    END;

    -- Leaving the index: a reply continued (back to streaming), or final text that changed.
    CREATE TRIGGER ${table}_after_update_out AFTER UPDATE OF content, status ON messages
    WHEN old.status <> 'streaming' AND (new.status = 'streaming' OR new.content IS NOT old.content) BEGIN
      INSERT INTO ${table} (${table}, rowid, content) VALUES ('delete', old.row_id, old.content);
    END;

    -- Entering the index: a reply finalised, or final text that changed.
    CREATE TRIGGER ${table}_after_update_in AFTER UPDATE OF content, status ON messages
    WHEN new.status <> 'streaming' AND (old.status = 'streaming' OR new.content IS NOT old.content) BEGIN
      INSERT INTO ${table} (rowid, content) VALUES (new.row_id, new.content);
    END;
  `;
}

export const historyMigration: Migration = {
  version: 50,
  name: 'history',
  up(db) {
    db.exec(`
      -- When the person pinned it; null = not pinned. Pinned conversations list first.
      ALTER TABLE conversations ADD COLUMN pinned_at INTEGER;
      -- Deleted but still undoable: hidden everywhere, removed for good once the undo time has passed.
      ALTER TABLE conversations ADD COLUMN deleted_at INTEGER;

      DROP INDEX conversations_by_updated;
      -- The sidebar's exact order, so listing reads the index instead of sorting.
      CREATE INDEX conversations_sidebar
        ON conversations ((pinned_at IS NULL), updated_at DESC, created_at DESC, id) WHERE deleted_at IS NULL;
      CREATE INDEX conversations_deleted ON conversations (deleted_at) WHERE deleted_at IS NOT NULL;

      DROP TRIGGER messages_fts_after_insert;
      DROP TRIGGER messages_fts_after_delete;
      DROP TRIGGER messages_fts_after_update;
      -- Replies streaming right now were indexed by the old triggers; the new rule leaves them out until they end.
      INSERT INTO messages_fts (messages_fts, rowid, content)
        SELECT 'delete', row_id, content FROM messages WHERE status = 'streaming';

      -- Substrings, for text without spaces between words (Chinese, Japanese), emoji and symbols, which the word
      -- index cannot split. Searched with LIKE, which this index answers for runs of three characters and more.
      -- detail = 'none' keeps which rows hold each trigram but not where: a 1 MB reply costs about 1 KB of index
      -- instead of 1 MB (measured), and LIKE checks the row's text itself anyway.
      CREATE VIRTUAL TABLE messages_trigram USING fts5 (
        content, content = 'messages', content_rowid = 'row_id', tokenize = 'trigram', detail = 'none'
      );
      INSERT INTO messages_trigram (rowid, content)
        SELECT row_id, content FROM messages WHERE status <> 'streaming';

      ${indexTriggers('messages_fts')}
      ${indexTriggers('messages_trigram')}
    `);
  },
};
