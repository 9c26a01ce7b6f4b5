// Core (Node): which attachments the history's backups hold. A backup is a copy of the database; the files it names
// stay in the store (content-addressed, never changed), and garbage collection keeps every file a backup still names,
// so restoring any kept backup brings its attachments back with it.

import BetterSqlite3 from 'better-sqlite3';
import { listBackupEntries } from '../db/backup-files';

/** The attachment ids every backup of `historyFile` names; a backup without the table (older) or unreadable names none. */
export function attachmentsHeldByBackups(historyFile: string): Set<string> {
  const held = new Set<string>();
  for (const entry of listBackupEntries(historyFile)) {
    let db: BetterSqlite3.Database | null = null;
    try {
      db = new BetterSqlite3(entry.path, { readonly: true, fileMustExist: true });
      for (const row of db.prepare('SELECT id FROM attachments').all() as { id: string }[]) held.add(row.id);
    } catch {
      // A backup from before attachments, or a damaged one: it holds no files.
    } finally {
      db?.close();
    }
  }
  return held;
}
