// Core: messages become a tree (versions of a reply or of a question), with timing, tool calls, an `interrupted`
// status, a current thread per conversation, an output cap per conversation, drafts, and a ledger row per generation.

import type { Migration } from './migration';

export const threadsMigration: Migration = {
  version: 20,
  name: 'threads',
  up(db) {
    // A CHECK constraint cannot be altered, so the table is rebuilt. row_id values are copied as they are: the
    // external-content FTS index addresses rows by row_id, so it stays attached without being rebuilt.
    db.exec(`
      CREATE TABLE messages_v20 (
        row_id INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        -- the message this one follows in its thread; versions share a parent. Rows of one conversation only.
        parent_id TEXT REFERENCES messages_v20 (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        content TEXT NOT NULL,
        reasoning TEXT,
        status TEXT NOT NULL CHECK (status IN ('complete', 'streaming', 'stopped', 'error', 'interrupted')),
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
        first_token_ms INTEGER,
        duration_ms INTEGER,
        tool_calls_json TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- Every older conversation was one straight line: each message follows the one before it.
      INSERT INTO messages_v20 (
        row_id, id, conversation_id, parent_id, seq, role, content, reasoning, status, model, provider,
        generation_id, finish_reason, prompt_tokens, completion_tokens, total_tokens, reasoning_tokens,
        cached_tokens, cost_usd, is_byok, usage_json, error_code, error_message, created_at, updated_at)
      SELECT
        row_id, id, conversation_id,
        lag(id) OVER (PARTITION BY conversation_id ORDER BY seq),
        seq, role, content, reasoning, status, model, provider,
        generation_id, finish_reason, prompt_tokens, completion_tokens, total_tokens, reasoning_tokens,
        cached_tokens, cost_usd, is_byok, usage_json, error_code, error_message, created_at, updated_at
      FROM messages
      ORDER BY conversation_id, seq;

      DROP TABLE messages;
      ALTER TABLE messages_v20 RENAME TO messages;

      CREATE UNIQUE INDEX messages_by_conversation_seq ON messages (conversation_id, seq);
      CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';
      -- children of a message (its versions' next steps) and the roots of a conversation, newest last
      CREATE INDEX messages_by_parent ON messages (conversation_id, parent_id, seq);

      -- Dropped with the old table; the FTS table itself and its rows are untouched.
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

      -- The end of the thread the person is looking at; null only for a conversation without messages.
      ALTER TABLE conversations ADD COLUMN current_leaf_id TEXT;
      -- max_tokens for its turns; null = automatic.
      ALTER TABLE conversations ADD COLUMN max_output_tokens INTEGER;

      UPDATE conversations SET current_leaf_id = (
        SELECT m.id FROM messages m WHERE m.conversation_id = conversations.id ORDER BY m.seq DESC LIMIT 1
      );

      -- One draft per conversation, plus one (conversation_id NULL) for the chat not yet created.
      CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        conversation_id TEXT REFERENCES conversations (id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX drafts_by_conversation ON drafts (coalesce(conversation_id, ''));

      -- A continued reply is billed once per generation, so the ledger holds a row per generation of a message.
      DROP INDEX spend_ledger_by_message;
      CREATE UNIQUE INDEX spend_ledger_by_generation
        ON spend_ledger (message_id, coalesce(generation_id, '')) WHERE message_id IS NOT NULL;
    `);
  },
};
