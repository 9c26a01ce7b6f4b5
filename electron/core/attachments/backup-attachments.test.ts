// A backup holds its attachments: files only a kept backup still names survive garbage collection, so restoring that
// backup finds them; once no backup names them either, they go.

import { mkdirSync, mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotPath } from '../db/backup-files';
import { ConversationRepo } from '../db/conversation-repo';
import { MessageRepo } from '../db/message-repo';
import { openDatabase } from '../db/open-database';
import { AttachmentStore } from './attachment-store';
import { attachmentsHeldByBackups } from './backup-attachments';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('attachments held by backups', () => {
  it('keeps a file a backup still names, and lets it go once the backup is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-backup-attachments-'));
    dirs.push(dir);
    const file = join(dir, 'history.sqlite3');
    const db = openDatabase(file);
    const messages = new MessageRepo(db);
    const store = new AttachmentStore({
      folder: join(dir, 'attachments'),
      repo: async () => messages.threads.attachments,
      heldByBackups: () => attachmentsHeldByBackups(file),
    });
    const added = await store.add('notes.txt', new TextEncoder().encode('kept by the backup'));
    if (!added.ok) throw new Error(added.error.message);
    const conversationId = new ConversationRepo(db).create({ title: 't', model: 'm/a' }).id;
    messages.insertUser({ conversationId, content: 'q', model: 'm/a', attachments: [added.value] });

    const backup = snapshotPath(file, 'manual', new Date());
    mkdirSync(dirname(backup), { recursive: true });
    await db.backup(backup);
    expect(attachmentsHeldByBackups(file)).toEqual(new Set([added.value.id]));

    db.prepare('DELETE FROM conversations').run();
    expect(await store.collectGarbage()).toBe(0);
    expect(existsSync(store.pathOf(added.value.id, 'original'))).toBe(true);

    rmSync(backup);
    expect(await store.collectGarbage()).toBe(1);
    expect(existsSync(store.pathOf(added.value.id, 'original'))).toBe(false);
    db.close();
  });
});
