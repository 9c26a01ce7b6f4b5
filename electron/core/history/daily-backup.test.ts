// The automatic daily backup: when it is due (only a daily or hand-made snapshot counts), when it is checked, and that
// a slow or failed one neither doubles up nor stops the next.

import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupEntry } from '../../../shared/portability';
import { type Result, fail } from '../../../shared/result';
import { openDatabase } from '../db/open-database';
import { useTempDir } from '../test-support/temp-dir';
import { dailyBackupDue, dayMs, scheduleDailyBackups } from './daily-backup';
import { HistoryGate } from './history-gate';

const tempDir = useTempDir();
const minute = 60_000;
const hour = 60 * minute;

function openGate(): { file: string; gate: HistoryGate<null> } {
  const file = join(tempDir(), 'history.sqlite3');
  openDatabase(file).close();
  const gate = new HistoryGate<null>({
    file,
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    build: () => null,
    check: async () => ({ kind: 'ok' }),
  });
  return { file, gate };
}

const taken = async (gate: HistoryGate<null>, kind: 'daily' | 'manual' | 'before-restore', at: number) => {
  const entry = await gate.snapshot(kind);
  if (!entry.ok) throw new Error(entry.error.message);
  utimesSync(entry.value.path, new Date(at), new Date(at));
  return entry.value;
};

describe('dailyBackupDue', () => {
  it('counts only daily and hand-made snapshots, and is due again exactly a day after the newest', async () => {
    const { file, gate } = openGate();
    const at = Date.UTC(2026, 10, 3, 9);
    try {
      expect(dailyBackupDue(file, at)).toBe(true);
      await taken(gate, 'before-restore', at);
      expect(dailyBackupDue(file, at)).toBe(true);
      await taken(gate, 'manual', at - hour);
      expect(dailyBackupDue(file, at)).toBe(false);
      expect(dailyBackupDue(file, at - hour + dayMs - 1)).toBe(false);
      expect(dailyBackupDue(file, at - hour + dayMs)).toBe(true);
      await taken(gate, 'daily', at);
      expect(dailyBackupDue(file, at + dayMs - 1)).toBe(false);
    } finally {
      gate.close();
    }
  });
});

describe('scheduleDailyBackups', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => vi.useRealTimers());

  it('takes one a minute after start, then checks hourly and takes the next once a day has passed', async () => {
    const { file, gate } = openGate();
    let clock = Date.now();
    const runs: Promise<Result<BackupEntry>>[] = [];
    const info: string[] = [];
    const schedule = scheduleDailyBackups({
      file,
      snapshot: () => {
        const run = gate.snapshot('daily');
        runs.push(run);
        return run;
      },
      logger: { info: (line) => info.push(line), warn: () => {}, error: () => {} },
      now: () => clock,
    });
    try {
      await vi.advanceTimersByTimeAsync(minute - 1);
      expect(runs).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(runs).toHaveLength(1);
      const first = await runs[0];
      expect(info).toEqual([`daily backup written to ${first?.ok && first.value.path}`]);

      await vi.advanceTimersByTimeAsync(hour - minute);
      expect(runs).toHaveLength(1);
      clock += dayMs + minute;
      await vi.advanceTimersByTimeAsync(hour - 1);
      expect(runs).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(runs).toHaveLength(2);
      await runs[1];
    } finally {
      schedule.stop();
      gate.close();
    }
  });

  it('starts no second backup while one runs, says when one failed and tries again at the next check', async () => {
    const { file } = openGate();
    const warnings: string[] = [];
    const answers: ((result: Result<BackupEntry>) => void)[] = [];
    const schedule = scheduleDailyBackups({
      file,
      snapshot: () => new Promise((resolve) => answers.push(resolve)),
      logger: { info: () => {}, warn: (line) => warnings.push(line), error: () => {} },
      firstCheckMs: 10,
      everyMs: 100,
    });
    try {
      await vi.advanceTimersByTimeAsync(10);
      expect(answers).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(100);
      expect(answers).toHaveLength(1);
      answers[0]?.(fail('storage_error', 'The disk is full.'));
      await vi.advanceTimersByTimeAsync(0);
      expect(warnings).toEqual(['daily backup failed: The disk is full.']);
      await vi.advanceTimersByTimeAsync(100);
      expect(answers).toHaveLength(2);
    } finally {
      schedule.stop();
    }
  });

  it('checks a minute after start and then hourly by default, and never after stop', async () => {
    const { file } = openGate();
    let calls = 0;
    const schedule = scheduleDailyBackups({
      file,
      snapshot: async () => {
        calls++;
        return fail('storage_error', 'The disk is full.');
      },
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    });
    await vi.advanceTimersByTimeAsync(hour - 1);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    schedule.stop();
    await vi.advanceTimersByTimeAsync(2 * hour);
    expect(calls).toBe(2);

    const stoppedEarly = scheduleDailyBackups({
      file,
      snapshot: async () => {
        calls++;
        return fail('storage_error', 'The disk is full.');
      },
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    });
    stoppedEarly.stop();
    await vi.advanceTimersByTimeAsync(2 * hour);
    expect(calls).toBe(2);
  });
});
