-- The schema of a freshly migrated history database (sqlite_schema, every statement re-indented),
-- written by electron/core/db/schema-snapshot.test.ts. Do not edit by hand; after changing a migration run
--   UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run electron/core/db/schema-snapshot.test.ts
-- and commit this file with it.

PRAGMA user_version = 120;

CREATE TABLE attachments (
  id TEXT PRIMARY KEY NOT NULL,           -- SHA-256 (hex) of the original bytes
  kind TEXT NOT NULL CHECK (kind IN ('image', 'pdf', 'text')),
  mime TEXT NOT NULL,                     -- decided by content
  name TEXT NOT NULL,                     -- the name it was first added under
  size_bytes INTEGER NOT NULL,
  width INTEGER,
  height INTEGER,
  page_count INTEGER,
  text_chars INTEGER,
  sent_mime TEXT,                         -- images: the type of the downscaled copy sent to models
  created_at INTEGER NOT NULL,
  -- Set once a message has carried it: unlinked after that, it is garbage at once; never linked, only once old.
  linked_at INTEGER
  ) STRICT;

CREATE TABLE compare_columns (
  conversation_id TEXT PRIMARY KEY NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  compare_id TEXT NOT NULL REFERENCES compares (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  model TEXT NOT NULL,
  continued_at INTEGER
  ) STRICT;

CREATE TABLE compares (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
  ) STRICT;

CREATE TABLE conversation_costs (
  conversation_id TEXT PRIMARY KEY NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  total INTEGER NOT NULL DEFAULT 0,
  versions INTEGER NOT NULL DEFAULT 0
  , thread_leaf TEXT, thread_total INTEGER) STRICT;

CREATE TABLE conversations (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT NOT NULL,
  model TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  -- last activity (a message added, or an explicit touch): what the list sorts by
  updated_at INTEGER NOT NULL
  , current_leaf_id TEXT, max_output_tokens INTEGER, pinned_at INTEGER, deleted_at INTEGER, settings_json TEXT) STRICT;

CREATE TABLE draft_attachments (
  conversation_id TEXT REFERENCES conversations (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  attachment_id TEXT NOT NULL REFERENCES attachments (id),
  name TEXT NOT NULL
  ) STRICT;

CREATE TABLE drafts (
  id INTEGER PRIMARY KEY,
  conversation_id TEXT REFERENCES conversations (id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  updated_at INTEGER NOT NULL
  ) STRICT;

CREATE TABLE message_attachments (
  message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  attachment_id TEXT NOT NULL REFERENCES attachments (id),
  name TEXT NOT NULL,
  PRIMARY KEY (message_id, position)
  ) STRICT, WITHOUT ROWID;

CREATE TABLE "messages" (
  row_id INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  -- the message this one follows in its thread; versions share a parent. Rows of one conversation only.
  parent_id TEXT REFERENCES "messages" (id) ON DELETE CASCADE,
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
  is_byok INTEGER CHECK (is_byok IN (0, 1)),
  usage_json TEXT,
  error_code TEXT,
  error_message TEXT,
  first_token_ms INTEGER,
  duration_ms INTEGER,
  tool_calls_json TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
  , cost_pico INTEGER, cost_status TEXT CHECK (cost_status IN ('pending', 'estimated')), estimate_pico INTEGER, sent_settings_json TEXT, requested_model TEXT, citations_json TEXT) STRICT;

CREATE VIRTUAL TABLE messages_fts USING fts5 (
  content, content = 'messages', content_rowid = 'row_id', prefix = '1 2 3'
  );

CREATE TABLE 'messages_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'messages_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'messages_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'messages_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE VIRTUAL TABLE messages_trigram USING fts5 (
  content, content = 'messages', content_rowid = 'row_id', tokenize = 'trigram', detail = 'none'
  );

CREATE TABLE 'messages_trigram_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'messages_trigram_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'messages_trigram_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'messages_trigram_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE model_catalogue (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  fetched_at INTEGER NOT NULL,
  entries_json TEXT NOT NULL
  ) STRICT;

CREATE TABLE model_favorites (
  model_id TEXT PRIMARY KEY,
  added_at INTEGER NOT NULL
  ) STRICT;

CREATE TABLE model_recents (
  model_id TEXT PRIMARY KEY,
  used_at INTEGER NOT NULL
  ) STRICT;

CREATE TABLE model_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
  ) STRICT;

CREATE TABLE pending_settlements (
  generation_id TEXT PRIMARY KEY NOT NULL,
  message_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  model TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
  ) STRICT;

CREATE TABLE presets (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  model TEXT NOT NULL,
  settings_json TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
  ) STRICT;

CREATE TABLE spend_by_conversation (
  conversation_id TEXT,
  total INTEGER NOT NULL,
  entries INTEGER NOT NULL
  ) STRICT;

CREATE TABLE spend_by_model (
  model TEXT,
  total INTEGER NOT NULL,
  entries INTEGER NOT NULL
  ) STRICT;

CREATE TABLE spend_hourly (
  hour INTEGER PRIMARY KEY,
  total INTEGER NOT NULL,
  entries INTEGER NOT NULL
  ) STRICT;

CREATE TABLE spend_ledger (
  id INTEGER PRIMARY KEY,
  message_id TEXT,
  conversation_id TEXT,
  generation_id TEXT,
  model TEXT,
  prompt_tokens INTEGER,
  completion_tokens INTEGER,
  created_at INTEGER NOT NULL
  , cost_pico INTEGER NOT NULL DEFAULT 0, provider TEXT, is_byok INTEGER CHECK (is_byok IN (0, 1)), reasoning_tokens INTEGER, cached_tokens INTEGER) STRICT;

CREATE TABLE spend_settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
  ) STRICT;

CREATE INDEX compare_columns_by_compare ON compare_columns (compare_id, position);

CREATE INDEX conversations_deleted ON conversations (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE INDEX conversations_sidebar
  ON conversations ((pinned_at IS NULL), updated_at DESC, created_at DESC, id) WHERE deleted_at IS NULL;

CREATE INDEX draft_attachments_by_attachment ON draft_attachments (attachment_id);

CREATE INDEX draft_attachments_by_conversation ON draft_attachments (conversation_id, position);

CREATE UNIQUE INDEX drafts_by_conversation ON drafts (coalesce(conversation_id, ''));

CREATE INDEX message_attachments_by_attachment ON message_attachments (attachment_id);

CREATE UNIQUE INDEX messages_by_conversation_seq ON messages (conversation_id, seq);

CREATE INDEX messages_by_parent ON messages (conversation_id, parent_id, seq);

CREATE INDEX messages_cost_pending ON messages (conversation_id) WHERE cost_status = 'pending';

CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';

CREATE INDEX presets_by_name ON presets (name COLLATE NOCASE, created_at);

CREATE UNIQUE INDEX spend_by_conversation_key ON spend_by_conversation (conversation_id);

CREATE INDEX spend_by_conversation_largest ON spend_by_conversation (total DESC, conversation_id);

CREATE UNIQUE INDEX spend_by_model_key ON spend_by_model (model);

CREATE INDEX spend_ledger_by_created ON spend_ledger (created_at, cost_pico);

CREATE UNIQUE INDEX spend_ledger_by_generation
  ON spend_ledger (message_id, coalesce(generation_id, '')) WHERE message_id IS NOT NULL;

CREATE TRIGGER conversation_costs_cost AFTER UPDATE OF cost_pico ON messages
  WHEN new.cost_pico IS NOT old.cost_pico BEGIN
  UPDATE conversation_costs SET total = total - coalesce(old.cost_pico, 0) + coalesce(new.cost_pico, 0)
  WHERE conversation_id = new.conversation_id;
  END;

CREATE TRIGGER conversation_costs_delete AFTER DELETE ON messages BEGIN
  UPDATE conversation_costs SET
  total = total - coalesce(old.cost_pico, 0),
  versions = versions - EXISTS (
  SELECT 1 FROM messages s WHERE s.conversation_id = old.conversation_id AND s.parent_id IS old.parent_id
  )
  WHERE conversation_id = old.conversation_id;
  END;

CREATE TRIGGER conversation_costs_insert AFTER INSERT ON messages BEGIN
  INSERT OR IGNORE INTO conversation_costs (conversation_id) VALUES (new.conversation_id);
  UPDATE conversation_costs SET
  total = total + coalesce(new.cost_pico, 0),
  versions = versions + EXISTS (
  SELECT 1 FROM messages s
  WHERE s.conversation_id = new.conversation_id AND s.parent_id IS new.parent_id AND s.row_id <> new.row_id
  )
  WHERE conversation_id = new.conversation_id;
  END;

CREATE TRIGGER conversation_costs_leaf AFTER UPDATE OF current_leaf_id ON conversations
  WHEN new.current_leaf_id IS NOT old.current_leaf_id BEGIN
  UPDATE conversation_costs SET (thread_leaf, thread_total) = (
  SELECT CASE WHEN m.parent_id IS NULL OR m.parent_id = conversation_costs.thread_leaf THEN m.id END,
  CASE WHEN m.parent_id IS NULL THEN coalesce(m.cost_pico, 0)
  WHEN m.parent_id = conversation_costs.thread_leaf
  THEN conversation_costs.thread_total + coalesce(m.cost_pico, 0) END
  FROM messages m WHERE m.id = new.current_leaf_id
  )
  WHERE conversation_id = new.id;
  END;

CREATE TRIGGER conversation_costs_thread_cost AFTER UPDATE OF cost_pico ON messages
  WHEN new.cost_pico IS NOT old.cost_pico BEGIN
  UPDATE conversation_costs SET (thread_leaf, thread_total) = (
  SELECT CASE WHEN conversation_costs.thread_leaf = new.id THEN new.id
  WHEN EXISTS (SELECT 1 FROM messages c
  WHERE c.conversation_id = new.conversation_id AND c.parent_id = new.id) THEN NULL
  ELSE conversation_costs.thread_leaf END,
  CASE WHEN conversation_costs.thread_leaf = new.id
  THEN conversation_costs.thread_total - coalesce(old.cost_pico, 0) + coalesce(new.cost_pico, 0)
  WHEN EXISTS (SELECT 1 FROM messages c
  WHERE c.conversation_id = new.conversation_id AND c.parent_id = new.id) THEN NULL
  ELSE conversation_costs.thread_total END
  )
  WHERE conversation_id = new.conversation_id AND thread_leaf IS NOT NULL;
  END;

CREATE TRIGGER conversation_costs_thread_delete AFTER DELETE ON messages BEGIN
  UPDATE conversation_costs SET thread_leaf = NULL, thread_total = NULL
  WHERE conversation_id = old.conversation_id AND thread_leaf IS NOT NULL;
  END;

CREATE TRIGGER messages_fts_after_delete AFTER DELETE ON messages WHEN old.status <> 'streaming' BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.row_id, old.content);
  END;

CREATE TRIGGER messages_fts_after_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
  INSERT INTO messages_fts (rowid, content) VALUES (new.row_id, new.content);
  END;

CREATE TRIGGER messages_fts_after_update_in AFTER UPDATE OF content, status ON messages
  WHEN new.status <> 'streaming' AND (old.status = 'streaming' OR new.content IS NOT old.content) BEGIN
  INSERT INTO messages_fts (rowid, content) VALUES (new.row_id, new.content);
  END;

CREATE TRIGGER messages_fts_after_update_out AFTER UPDATE OF content, status ON messages
  WHEN old.status <> 'streaming' AND (new.status = 'streaming' OR new.content IS NOT old.content) BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.row_id, old.content);
  END;

CREATE TRIGGER messages_trigram_after_delete AFTER DELETE ON messages WHEN old.status <> 'streaming' BEGIN
  INSERT INTO messages_trigram (messages_trigram, rowid, content) VALUES ('delete', old.row_id, old.content);
  END;

CREATE TRIGGER messages_trigram_after_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
  INSERT INTO messages_trigram (rowid, content) VALUES (new.row_id, new.content);
  END;

CREATE TRIGGER messages_trigram_after_update_in AFTER UPDATE OF content, status ON messages
  WHEN new.status <> 'streaming' AND (old.status = 'streaming' OR new.content IS NOT old.content) BEGIN
  INSERT INTO messages_trigram (rowid, content) VALUES (new.row_id, new.content);
  END;

CREATE TRIGGER messages_trigram_after_update_out AFTER UPDATE OF content, status ON messages
  WHEN old.status <> 'streaming' AND (new.status = 'streaming' OR new.content IS NOT old.content) BEGIN
  INSERT INTO messages_trigram (messages_trigram, rowid, content) VALUES ('delete', old.row_id, old.content);
  END;

CREATE TRIGGER spend_ledger_rollup_delete AFTER DELETE ON spend_ledger BEGIN
  UPDATE spend_hourly SET total = total - old.cost_pico, entries = entries - 1 WHERE hour IS (CASE WHEN old.created_at >= 0 THEN old.created_at / 3600000 ELSE (old.created_at + 1) / 3600000 - 1 END);
  DELETE FROM spend_hourly WHERE hour IS (CASE WHEN old.created_at >= 0 THEN old.created_at / 3600000 ELSE (old.created_at + 1) / 3600000 - 1 END) AND entries = 0;
  UPDATE spend_by_model SET total = total - old.cost_pico, entries = entries - 1 WHERE model IS old.model;
  DELETE FROM spend_by_model WHERE model IS old.model AND entries = 0;
  UPDATE spend_by_conversation SET total = total - old.cost_pico, entries = entries - 1 WHERE conversation_id IS old.conversation_id;
  DELETE FROM spend_by_conversation WHERE conversation_id IS old.conversation_id AND entries = 0;
  END;

CREATE TRIGGER spend_ledger_rollup_insert AFTER INSERT ON spend_ledger BEGIN
  INSERT INTO spend_hourly (hour, total, entries)
  SELECT (CASE WHEN new.created_at >= 0 THEN new.created_at / 3600000 ELSE (new.created_at + 1) / 3600000 - 1 END), 0, 0 WHERE NOT EXISTS (SELECT 1 FROM spend_hourly WHERE hour IS (CASE WHEN new.created_at >= 0 THEN new.created_at / 3600000 ELSE (new.created_at + 1) / 3600000 - 1 END));
  UPDATE spend_hourly SET total = total + new.cost_pico, entries = entries + 1 WHERE hour IS (CASE WHEN new.created_at >= 0 THEN new.created_at / 3600000 ELSE (new.created_at + 1) / 3600000 - 1 END);
  INSERT INTO spend_by_model (model, total, entries)
  SELECT new.model, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM spend_by_model WHERE model IS new.model);
  UPDATE spend_by_model SET total = total + new.cost_pico, entries = entries + 1 WHERE model IS new.model;
  INSERT INTO spend_by_conversation (conversation_id, total, entries)
  SELECT new.conversation_id, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM spend_by_conversation WHERE conversation_id IS new.conversation_id);
  UPDATE spend_by_conversation SET total = total + new.cost_pico, entries = entries + 1 WHERE conversation_id IS new.conversation_id;
  END;

CREATE TRIGGER spend_ledger_rollup_update AFTER UPDATE OF cost_pico, created_at, model, conversation_id
  ON spend_ledger BEGIN
  UPDATE spend_hourly SET total = total - old.cost_pico, entries = entries - 1 WHERE hour IS (CASE WHEN old.created_at >= 0 THEN old.created_at / 3600000 ELSE (old.created_at + 1) / 3600000 - 1 END);
  DELETE FROM spend_hourly WHERE hour IS (CASE WHEN old.created_at >= 0 THEN old.created_at / 3600000 ELSE (old.created_at + 1) / 3600000 - 1 END) AND entries = 0;
  UPDATE spend_by_model SET total = total - old.cost_pico, entries = entries - 1 WHERE model IS old.model;
  DELETE FROM spend_by_model WHERE model IS old.model AND entries = 0;
  UPDATE spend_by_conversation SET total = total - old.cost_pico, entries = entries - 1 WHERE conversation_id IS old.conversation_id;
  DELETE FROM spend_by_conversation WHERE conversation_id IS old.conversation_id AND entries = 0;
  INSERT INTO spend_hourly (hour, total, entries)
  SELECT (CASE WHEN new.created_at >= 0 THEN new.created_at / 3600000 ELSE (new.created_at + 1) / 3600000 - 1 END), 0, 0 WHERE NOT EXISTS (SELECT 1 FROM spend_hourly WHERE hour IS (CASE WHEN new.created_at >= 0 THEN new.created_at / 3600000 ELSE (new.created_at + 1) / 3600000 - 1 END));
  UPDATE spend_hourly SET total = total + new.cost_pico, entries = entries + 1 WHERE hour IS (CASE WHEN new.created_at >= 0 THEN new.created_at / 3600000 ELSE (new.created_at + 1) / 3600000 - 1 END);
  INSERT INTO spend_by_model (model, total, entries)
  SELECT new.model, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM spend_by_model WHERE model IS new.model);
  UPDATE spend_by_model SET total = total + new.cost_pico, entries = entries + 1 WHERE model IS new.model;
  INSERT INTO spend_by_conversation (conversation_id, total, entries)
  SELECT new.conversation_id, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM spend_by_conversation WHERE conversation_id IS new.conversation_id);
  UPDATE spend_by_conversation SET total = total + new.cost_pico, entries = entries + 1 WHERE conversation_id IS new.conversation_id;
  END;
