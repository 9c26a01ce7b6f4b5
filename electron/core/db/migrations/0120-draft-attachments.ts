// Core: the files waiting in a composer's tray, kept with its draft (issue 12) so they come back after a restart as the
// draft's text does. The bytes are already in the store under their hash; this names them, in the tray's order, per
// conversation (NULL: the new chat not created yet), and garbage collection keeps every file a tray names.

import type { Migration } from './migration';

export const draftAttachmentsMigration: Migration = {
  version: 120,
  name: 'draft-attachments',
  up(db) {
    db.exec(`
      CREATE TABLE draft_attachments (
        conversation_id TEXT REFERENCES conversations (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        attachment_id TEXT NOT NULL REFERENCES attachments (id),
        name TEXT NOT NULL
      ) STRICT;
      CREATE INDEX draft_attachments_by_conversation ON draft_attachments (conversation_id, position);
      CREATE INDEX draft_attachments_by_attachment ON draft_attachments (attachment_id);
    `);
  },
};
