// Core: the first schema. Conversations, their messages, a spend ledger that outlives both, and full-text search.

import type { Migration } from './migration';

export const initMigration: Migration = {
  version: 10,
  name: 'init',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        model TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        -- last activity (a message added, or an explicit touch): what the list sorts by
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE INDEX conversations_by_updated ON conversations (updated_at DESC);

      -- row_id is an explicit INTEGER PRIMARY KEY (a rowid alias) because VACUUM may renumber implicit
      -- rowids, which would silently detach the external-content FTS index below. id stays the public key.
      CREATE TABLE messages (
        row_id INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        content TEXT NOT NULL,
        reasoning TEXT,
        status TEXT NOT NULL CHECK (status IN ('complete', 'streaming', 'stopped', 'error')),
        model TEXT,
        provider TEXT,
        generation_id TEXT,
        finish_reason TEXT,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        total_tokens INTEGER,
        reasoning_tokens INTEGER,
        cached_tokens INTEGER,
        cost_usd REAL,
        is_byok INTEGER CHECK (is_byok IN (0, 1)),
        usage_json TEXT,
        error_code TEXT,
        error_message TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE UNIQUE INDEX messages_by_conversation_seq ON messages (conversation_id, seq);
      -- startup repair looks only for rows a crash left streaming; the partial index keeps that cheap
      CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';

      -- No foreign keys on purpose: what was spent stays on record after its conversation is deleted.
      CREATE TABLE spend_ledger (
        id INTEGER PRIMARY KEY,
        message_id TEXT,
        conversation_id TEXT,
        generation_id TEXT,
        model TEXT,
        cost_usd REAL NOT NULL,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE INDEX spend_ledger_by_created ON spend_ledger (created_at);
      -- one charge per message, so finalizing twice can never count a reply twice
      CREATE UNIQUE INDEX spend_ledger_by_message ON spend_ledger (message_id) WHERE message_id IS NOT NULL;

      CREATE VIRTUAL TABLE messages_fts USING fts5 (content, content = 'messages', content_rowid = 'row_id');

      CREATE TRIGGER messages_fts_after_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, content) VALUES (new.row_id, new.content);
      END;

      CREATE TRIGGER messages_fts_after_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.row_id, old.content);
      END;

      CREATE TRIGGER messages_fts_after_update AFTER UPDATE OF content ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.row_id, old.content);
        INSERT INTO messages_fts (rowid, content) VALUES (new.row_id, new.content);
      END;
    `);
  },
};
