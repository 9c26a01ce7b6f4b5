// Core: per-conversation settings (issue 11). A conversation keeps only the fields the person set on it (JSON, checked
// against the shared schema on every read); the defaults for new conversations live with the other app settings
// (model_settings, key 'conversation_defaults'); presets are their own table. Each reply records the settings it was
// sent with, the model it asked for (the `model` column becomes the one that answered) and the sources it cited.

import type { Migration } from './migration';

export const conversationSettingsMigration: Migration = {
  version: 90,
  name: 'conversation-settings',
  up(db) {
    db.exec(`
      -- NULL = nothing set: every field comes from the defaults.
      ALTER TABLE conversations ADD COLUMN settings_json TEXT;

      ALTER TABLE messages ADD COLUMN sent_settings_json TEXT;
      ALTER TABLE messages ADD COLUMN requested_model TEXT;
      ALTER TABLE messages ADD COLUMN citations_json TEXT;

      CREATE TABLE presets (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        model TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX presets_by_name ON presets (name COLLATE NOCASE, created_at);
    `);
  },
};
