// Core: the files around a history database — moving a damaged one aside intact. Backups are backup-files.ts's.

import { existsSync, renameSync, statSync } from 'node:fs';
import { fileStamp } from './backup-files';

/** SQLite keeps a WAL-mode database in up to three files; they only make sense together. */
export const companionSuffixes = ['', '-wal', '-shm'] as const;

export function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/**
 * Renames the database and its -wal and -shm to `<file>.damaged-<time>` (+ the same suffixes, so SQLite tools still
 * open them as one database). Renaming never rewrites a byte. Returns the new path of the main file, or null when
 * there was nothing to move.
 */
export function moveAside(file: string, now = new Date()): string | null {
  let target = `${file}.damaged-${fileStamp(now)}`;
  for (let n = 2; companionSuffixes.some((suffix) => existsSync(target + suffix)); n++) {
    target = `${file}.damaged-${fileStamp(now)}-${n}`;
  }
  let moved = false;
  for (const suffix of companionSuffixes) {
    if (!existsSync(file + suffix)) continue;
    renameSync(file + suffix, target + suffix);
    moved = true;
  }
  return moved ? target : null;
}
