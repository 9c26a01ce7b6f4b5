// Core: the model catalogue as last fetched (so the picker opens at once and works offline), and the person's
// favorite, recent and default models.

import type { Migration } from './migration';

export const modelCatalogueMigration: Migration = {
  version: 30,
  name: 'model-catalogue',
  up(db) {
    db.exec(`
      -- One row: OpenRouter's raw list entries as JSON, read through the current mapping on every start.
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
      -- Named settings of the model feature; today only 'default_model'.
      CREATE TABLE model_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
