// Core: attachments (issue 12). The bytes live in the profile folder under their SHA-256 (attachment-store.ts); the
// database keeps what is known of each file and which messages carry it, in order, under the name it had there.
// A file added but not (yet) sent has no link: the composer may still hold it; garbage collection takes it later.

import type { Migration } from './migration';

export const attachmentsMigration: Migration = {
  version: 100,
  name: 'attachments',
  up(db) {
    db.exec(`
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

      CREATE TABLE message_attachments (
        message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        attachment_id TEXT NOT NULL REFERENCES attachments (id),
        name TEXT NOT NULL,
        PRIMARY KEY (message_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX message_attachments_by_attachment ON message_attachments (attachment_id);
    `);
  },
};
