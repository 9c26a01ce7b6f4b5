// Core: the word index keeps prefix indexes for words' first one, two and three characters, because search treats the
// last word typed as a prefix (results as you type). Without them FTS5 gathers every word with that prefix and merges
// their row lists on each search: "the"* over 100,000 messages took ~5 ms quiet before anything else was done; read
// from a prefix index it takes ~0.3 ms (measured). The cost is disk: the index grew from 13.5 to 49 MB for
// 100,000 messages of ~600 characters (the messages themselves take 65 MB). Longer prefixes are rarer and cheaper.

import { indexTriggers } from './0050-history';
import type { Migration } from './migration';

export const wordPrefixesMigration: Migration = {
  version: 70,
  name: 'word-prefixes',
  up(db) {
    // An FTS5 table's options are fixed when it is created, so the index is built again, under migration 50's rule:
    // a message is in it exactly when it is not streaming.
    db.exec(`
      DROP TRIGGER messages_fts_after_insert;
      DROP TRIGGER messages_fts_after_delete;
      DROP TRIGGER messages_fts_after_update_out;
      DROP TRIGGER messages_fts_after_update_in;
      DROP TABLE messages_fts;
      CREATE VIRTUAL TABLE messages_fts USING fts5 (
        content, content = 'messages', content_rowid = 'row_id', prefix = '1 2 3'
      );
      INSERT INTO messages_fts (rowid, content) SELECT row_id, content FROM messages WHERE status <> 'streaming';
      ${indexTriggers('messages_fts')}
    `);
  },
};
