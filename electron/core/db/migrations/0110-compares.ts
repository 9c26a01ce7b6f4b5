// Core: compares (issue 13). A compare is a group of ordinary conversations, one per column, so each column's thread,
// cost, ledger rows, search and export are the existing machinery; this only records which conversations belong
// together, in which order and for which model. "Continue with this one" marks a column continued: its conversation
// then lists as an ordinary one, and the compare still names it.

import type { Migration } from './migration';

export const comparesMigration: Migration = {
  version: 110,
  name: 'compares',
  up(db) {
    db.exec(`
      CREATE TABLE compares (
        id TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- A conversation belongs to one compare at most; deleting the conversation for good drops its column.
      CREATE TABLE compare_columns (
        conversation_id TEXT PRIMARY KEY NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        compare_id TEXT NOT NULL REFERENCES compares (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        model TEXT NOT NULL,
        continued_at INTEGER
      ) STRICT;
      CREATE INDEX compare_columns_by_compare ON compare_columns (compare_id, position);
    `);
  },
};
