// Core: the automatic daily backup. A minute after start and then every hour, if the newest snapshot (daily or made
// by hand) is a day old or there is none, a daily one is taken; rotation keeps the newest seven (backup-files.ts).

import type { BackupEntry } from '../../../shared/portability';
import type { Result } from '../../../shared/result';
import { listBackupEntries } from '../db/backup-files';
import type { Logger } from '../logger';

export interface DailyBackupOptions {
  file: string;
  snapshot(): Promise<Result<BackupEntry>>;
  logger: Logger;
  now?: () => number;
  firstCheckMs?: number;
  everyMs?: number;
}

export const dayMs = 24 * 60 * 60 * 1000;

/** Whether a daily backup is due: no daily or hand-made snapshot in the last 24 hours. */
export function dailyBackupDue(file: string, now: number): boolean {
  const newest = listBackupEntries(file).find((entry) => entry.kind === 'daily' || entry.kind === 'manual');
  return !newest || now - newest.takenAt >= dayMs;
}

export function scheduleDailyBackups(options: DailyBackupOptions): { stop(): void } {
  const now = options.now ?? Date.now;
  let running = false;
  const check = async () => {
    if (running || !dailyBackupDue(options.file, now())) return;
    running = true;
    try {
      const taken = await options.snapshot();
      if (taken.ok) options.logger.info(`daily backup written to ${taken.value.path}`);
      else options.logger.warn(`daily backup failed: ${taken.error.message}`);
    } finally {
      running = false;
    }
  };
  const every = setInterval(() => void check(), options.everyMs ?? 60 * 60 * 1000);
  const first = setTimeout(() => void check(), options.firstCheckMs ?? 60_000);
  // The hosts stay up on their own; these timers alone must not keep a process (or a test) alive.
  every.unref?.();
  first.unref?.();
  return {
    stop: () => {
      clearInterval(every);
      clearTimeout(first);
    },
  };
}
