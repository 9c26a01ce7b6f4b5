// Core: the files around a history database — moving a damaged one aside intact, and finding and restoring backups.

import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { HistoryBackup } from '../../../shared/domain';

/** SQLite keeps a WAL-mode database in up to three files; they only make sense together. */
export const companionSuffixes = ['', '-wal', '-shm'] as const;

export function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/** `2026-12-02T12-00-00Z`: sortable, and valid in file names on every platform (no colons). */
function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

/**
 * Renames the database and its -wal and -shm to `<file>.damaged-<time>` (+ the same suffixes, so SQLite tools still
 * open them as one database). Renaming never rewrites a byte. Returns the new path of the main file, or null when
 * there was nothing to move.
 */
export function moveAside(file: string, now = new Date()): string | null {
  let target = `${file}.damaged-${stamp(now)}`;
  for (let n = 2; companionSuffixes.some((suffix) => existsSync(target + suffix)); n++) {
    target = `${file}.damaged-${stamp(now)}-${n}`;
  }
  let moved = false;
  for (const suffix of companionSuffixes) {
    if (!existsSync(file + suffix)) continue;
    renameSync(file + suffix, target + suffix);
    moved = true;
  }
  return moved ? target : null;
}

/** Backups taken before migrations: `<file>.bak-v<version>` or `<file>.bak-v<version>-<ms>` (see migrate.ts). */
export function listBackups(file: string): HistoryBackup[] {
  const dir = dirname(file);
  const pattern = new RegExp(`^${basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.bak-v\\d+(-\\d+)?$`);
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
        return stats.isFile() && stats.size > 0 ? [{ path, takenAt: stats.mtimeMs }] : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.takenAt - a.takenAt);
}

export function newestBackup(file: string): HistoryBackup | null {
  return listBackups(file)[0] ?? null;
}

/** Copies (never moves) the backup into place, so the backup itself survives whatever happens next. */
export function restoreBackup(backup: HistoryBackup, file: string): void {
  // Stale -wal/-shm files next to the target would be replayed over the restored copy.
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  copyFileSync(backup.path, file);
}
