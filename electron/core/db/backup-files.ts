// Core: the one owner of history backups on disk — where they go, what they are called, which are kept. Two kinds:
// copies taken before a schema upgrade (`<file>.bak-v<version>`, beside the file, never rotated) and snapshots
// (`backups/history-<time>-<kind>.sqlite3`: daily, made by hand, or taken just before a restore), of which the
// newest seven are kept.

import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { HistoryBackup } from '../../../shared/domain';
import type { BackupEntry } from '../../../shared/portability';

export type SnapshotKind = 'daily' | 'manual' | 'before-restore';

/** How many snapshots are kept; upgrade copies are not counted (they are rare and each guards one upgrade). */
export const keptSnapshots = 7;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `2026-12-02T12-00-00Z`: sortable, and valid in file names on every platform (no colons). */
export function fileStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

/** The folder snapshots live in: `backups` beside the history file. */
export function backupFolder(file: string): string {
  return join(dirname(file), 'backups');
}

/** `<file>.bak-v<old>`; a timestamp is added rather than overwrite a backup left by an earlier attempt. */
export function upgradeBackupPath(file: string, fromVersion: number, dir = dirname(file)): string {
  const base = join(dir, `${basename(file)}.bak-v${fromVersion}`);
  return existsSync(base) ? `${base}-${Date.now()}` : base;
}

export function snapshotPath(file: string, kind: SnapshotKind, now: Date): string {
  const stem = basename(file).replace(/\.sqlite3$/, '');
  let path = join(backupFolder(file), `${stem}-${fileStamp(now)}-${kind}.sqlite3`);
  for (let n = 2; existsSync(path); n++)
    path = join(backupFolder(file), `${stem}-${fileStamp(now)}-${kind}-${n}.sqlite3`);
  return path;
}

function entriesIn(dir: string, pattern: RegExp, kindOf: (name: string) => BackupEntry['kind']): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => pattern.test(name))
    .flatMap((name) => {
      const path = join(dir, name);
      try {
        const stats = statSync(path);
        return stats.isFile() && stats.size > 0
          ? [{ path, fileName: name, takenAt: stats.mtimeMs, bytes: stats.size, kind: kindOf(name) }]
          : [];
      } catch {
        return [];
      }
    });
}

/** Every backup of `file`, newest first. */
export function listBackupEntries(file: string): BackupEntry[] {
  const upgrades = entriesIn(
    dirname(file),
    new RegExp(`^${escape(basename(file))}\\.bak-v\\d+(-\\d+)?$`),
    () => 'upgrade',
  );
  const stem = escape(basename(file).replace(/\.sqlite3$/, ''));
  const snapshots = entriesIn(
    backupFolder(file),
    new RegExp(`^${stem}-[\\dTZ-]+-(daily|manual|before-restore)(-\\d+)?\\.sqlite3$`),
    (name) => /-(daily|manual|before-restore)(-\d+)?\.sqlite3$/.exec(name)![1] as SnapshotKind,
  );
  return [...upgrades, ...snapshots].sort((a, b) => b.takenAt - a.takenAt || b.fileName.localeCompare(a.fileName));
}

export function listBackups(file: string): HistoryBackup[] {
  return listBackupEntries(file).map(({ path, takenAt }) => ({ path, takenAt }));
}

export function newestBackup(file: string): HistoryBackup | null {
  return listBackups(file)[0] ?? null;
}

/** Removes all but the newest `keptSnapshots` snapshots; returns the paths removed. */
export function rotateSnapshots(file: string): string[] {
  const snapshots = listBackupEntries(file).filter((entry) => entry.kind !== 'upgrade');
  const removed = snapshots.slice(keptSnapshots).map((entry) => entry.path);
  for (const path of removed) rmSync(path, { force: true });
  return removed;
}

/** Copies (never moves) the backup into place, so the backup itself survives whatever happens next. */
export function restoreBackup(backup: HistoryBackup, file: string): void {
  // Stale -wal/-shm files next to the target would be replayed over the restored copy.
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  copyFileSync(backup.path, file);
}
