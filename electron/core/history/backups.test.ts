// Backups through the core as the hosts build it, on real files: made by hand and daily, rotated to the newest
// seven, restored from a chosen one (after backing up the history as it was), never from a path the list did not name.

import { readdirSync, utimesSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCoreConfig } from '../config';
import { type Core, createCore } from '../core';
import { keptSnapshots } from '../db/backup-files';
import { useTempDir } from '../test-support/temp-dir';
import type { Logger } from '../logger';
import { dailyBackupDue, dayMs } from './daily-backup';

const tempDir = useTempDir();
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function startCore(profileDir: string): Core {
  const config = readCoreConfig({ SWITCHBOARD_PROFILE_DIR: profileDir, SWITCHBOARD_SECRET_STORE: 'memory' });
  const core = createCore(config, {
    logger: silent,
    transport: 'web',
    fetch: async () => new Response(null, { status: 500 }),
  });
  cores.push(core);
  return core;
}

const value = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const titles = async (core: Core) =>
  value(await core.library.list())
    .map((c) => c.title)
    .sort();

describe('backups', () => {
  it('backs up now into the backups folder and lists it', async () => {
    const dir = tempDir();
    const core = startCore(dir);
    value(await core.library.create({ model: 'openai/gpt-4o', title: 'Kept' }));
    const entry = value(await core.backups.create());
    expect(entry).toMatchObject({ kind: 'manual' });
    expect(entry.path.startsWith(join(dir, 'backups'))).toBe(true);
    const overview = value(await core.backups.list());
    expect(overview).toMatchObject({ folder: join(dir, 'backups'), canOpenFolder: false });
    expect(overview.backups.map((b) => b.path)).toEqual([entry.path]);
  });

  it(`keeps the newest ${keptSnapshots} snapshots`, async () => {
    const dir = tempDir();
    const core = startCore(dir);
    const made: string[] = [];
    for (let i = 0; i < keptSnapshots + 3; i++) {
      const entry = value(await core.backups.create());
      // Distinct times, oldest first, as days of daily backups would have.
      const at = new Date(Date.now() - (keptSnapshots + 3 - i) * 60_000);
      utimesSync(entry.path, at, at);
      made.push(entry.path);
    }
    const listed = value(await core.backups.list()).backups.map((b) => b.path);
    expect(listed).toEqual(made.slice(-keptSnapshots).reverse());
    // Nothing else is left in the folder (names made within one second can repeat, so count the files).
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(listed.map((p) => basename(p)).sort());
  });

  it('is due daily: not right after a backup, again a day later', async () => {
    const dir = tempDir();
    const core = startCore(dir);
    const file = join(dir, 'history.sqlite3');
    expect(dailyBackupDue(file, Date.now())).toBe(true);
    value(await core.backups.create());
    expect(dailyBackupDue(file, Date.now())).toBe(false);
    expect(dailyBackupDue(file, Date.now() + dayMs)).toBe(true);
  });

  it('restores a chosen backup, after backing up the history as it was, so the restore can be undone', async () => {
    const core = startCore(tempDir());
    value(await core.library.create({ model: 'openai/gpt-4o', title: 'Before' }));
    const backup = value(await core.backups.create());
    value(await core.library.create({ model: 'openai/gpt-4o', title: 'After' }));

    const status = value(await core.backups.restore(backup.path));
    expect(status).toMatchObject({ state: 'ready', restoredFrom: { path: backup.path } });
    expect(await titles(core)).toEqual(['Before']);
    // The history keeps working after the swap.
    value(await core.library.create({ model: 'openai/gpt-4o', title: 'Later' }));

    const safety = value(await core.backups.list()).backups.find((b) => b.kind === 'before-restore');
    expect(safety).toBeDefined();
    value(await core.backups.restore(safety!.path));
    expect(await titles(core)).toEqual(['After', 'Before']);
  });

  it('restores only a backup the list names', async () => {
    const dir = tempDir();
    const core = startCore(dir);
    value(await core.library.create({ model: 'openai/gpt-4o', title: 'Mine' }));
    const result = await core.backups.restore(join(dir, 'history.sqlite3'));
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await titles(core)).toEqual(['Mine']);
  });
});
