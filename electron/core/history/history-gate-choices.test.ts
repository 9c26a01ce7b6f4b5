// The history gate on its own, on real files, with the integrity check's verdict chosen by the test: what each verdict
// and each choice leaves behind, and what a closed or undecided gate answers.

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IntegrityVerdict } from '../db/integrity-check';
import { openDatabase } from '../db/open-database';
import type { Logger } from '../logger';
import { useTempDir } from '../test-support/temp-dir';
import { HistoryGate } from './history-gate';

const tempDir = useTempDir();
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

interface Services {
  db: Database.Database;
  title(): string | null;
}

const build = (db: Database.Database): Services => ({
  db,
  title: () => (db.prepare('SELECT title FROM conversations').pluck().get() as string | undefined) ?? null,
});

/** A sound history holding one conversation called `title`. */
function writeHistory(file: string, title: string): void {
  const db = openDatabase(file);
  db.prepare("INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES ('c1', ?, 'a/b', 1, 1)").run(
    title,
  );
  db.close();
}

function gate(file: string, over: { check?: (file: string) => Promise<IntegrityVerdict>; build?: typeof build } = {}) {
  return new HistoryGate<Services>({ file, logger: silent, build, ...over });
}

const fileOf = (dir: string) => join(dir, 'history.sqlite3');

describe('HistoryGate', () => {
  it('leaves a history it could not check untouched and unavailable, saying to restart', async () => {
    const file = fileOf(tempDir());
    writeHistory(file, 'Kept');
    const bytes = readFileSync(file);
    const history = gate(file, { check: async () => ({ kind: 'unchecked', reason: 'database is locked' }) });
    const services = await history.services();
    expect(services).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect(!services.ok && services.error.message).toMatch(/could not check .*database is locked.*restart/);
    expect(await history.status()).toMatchObject({ state: 'unavailable', error: { code: 'storage_error' } });
    expect(history.current()).toBeNull();
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(join(file, '..')).filter((name) => name.includes('damaged'))).toEqual([]);
    history.close();
  });

  it('is unavailable, not stuck, when the check itself throws', async () => {
    const file = fileOf(tempDir());
    writeHistory(file, 'Kept');
    const history = gate(file, {
      check: async () => {
        throw new Error('worker exited');
      },
    });
    expect(await history.services()).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect((await history.status()).state).toBe('unavailable');
    expect(existsSync(file)).toBe(true);
  });

  it('hands out the services once sound, and nothing after close, even when the check answers late', async () => {
    const file = fileOf(tempDir());
    writeHistory(file, 'Kept');
    const sound = gate(file, { check: async () => ({ kind: 'ok' }) });
    const services = await sound.services();
    expect(services.ok && services.value.title()).toBe('Kept');
    expect(sound.current()).toBe(services.ok ? services.value : 'not ready');
    sound.close();
    expect(sound.current()).toBeNull();
    expect(await sound.services()).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect(await sound.status()).toMatchObject({ state: 'unavailable' });

    let answer: (verdict: IntegrityVerdict) => void = () => undefined;
    const slow = gate(file, { check: () => new Promise((resolve) => (answer = resolve)) });
    expect(slow.current()).toBeNull();
    slow.close();
    answer({ kind: 'ok' });
    expect(await slow.services()).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect(slow.current()).toBeNull();
  });

  it('refuses a history from a newer Switchboard at start, and leaves it where it is', () => {
    const file = fileOf(tempDir());
    writeHistory(file, 'From the future');
    const db = openDatabase(file);
    db.pragma('user_version = 99999');
    db.close();
    const bytes = readFileSync(file);
    expect(() => gate(file, { check: async () => ({ kind: 'ok' }) })).toThrow(/newer Switchboard/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(join(file, '..')).filter((name) => name.includes('damaged'))).toEqual([]);
  });

  it('says an empty file had no log when it had none', async () => {
    const file = fileOf(tempDir());
    writeFileSync(file, '');
    const status = await gate(file).status();
    expect(status.state === 'ready' && status.damage?.reason).toMatch(/empty \(0 bytes\)\.$/);
  });

  it('treats a write-ahead log without its database as lost history, not a first run', async () => {
    const dir = tempDir();
    const file = fileOf(dir);
    writeFileSync(`${file}-wal`, 'left by a session that was killed');
    const status = await gate(file).status();
    const movedTo = status.state === 'ready' ? status.damage?.movedTo : null;
    expect(movedTo).toMatch(/history\.sqlite3\.damaged-/);
    expect(readFileSync(`${movedTo}-wal`, 'utf8')).toBe('left by a session that was killed');
  });

  it('answers a second recover with where things stand, and refuses one with nothing to recover', async () => {
    const file = fileOf(tempDir());
    writeHistory(file, 'Kept');
    const history = gate(file, { check: async () => ({ kind: 'ok' }) });
    expect(await history.recover({ choice: 'start-fresh' })).toEqual({
      ok: true,
      value: { state: 'ready', damage: null, restoredFrom: null },
    });
    const services = await history.services();
    expect(services.ok && services.value.title()).toBe('Kept');
    history.close();

    const unchecked = gate(file, { check: async () => ({ kind: 'unchecked', reason: 'locked' }) });
    expect(await unchecked.recover({ choice: 'restore-backup' })).toMatchObject({
      ok: false,
      error: { code: 'storage_error' },
    });
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });

  it('refuses a damaged backup when restoring it after damage, keeping the bad copy aside', async () => {
    const dir = tempDir();
    const file = fileOf(dir);
    writeFileSync(`${file}.bak-v10`, 'not a database at all, but long enough to have a header '.repeat(100));
    writeHistory(file, 'Damaged');
    const history = gate(file, { check: async () => ({ kind: 'damaged', reason: 'page 3 is garbage' }) });
    const status = await history.status();
    expect(status.state).toBe('needs-recovery');
    const recovered = await history.recover({ choice: 'restore-backup' });
    expect(recovered).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect(!recovered.ok && recovered.error.message).toMatch(/is damaged as well/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.bak-v10`)).toBe(true);
    expect(() => history.close()).not.toThrow();
  });

  it('backs up only an open history', async () => {
    const file = fileOf(tempDir());
    writeHistory(file, 'Kept');
    const history = gate(file, { check: async () => ({ kind: 'unchecked', reason: 'locked' }) });
    expect(await history.snapshot('manual')).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect(existsSync(join(file, '..', 'backups'))).toBe(false);
  });

  it('restores a chosen backup: refuses a damaged one or one from a newer app, changing nothing', async () => {
    const dir = tempDir();
    const file = fileOf(dir);
    writeHistory(file, 'Now');
    const history = gate(file, { check: async () => ({ kind: 'ok' }) });
    const backup = await history.snapshot('manual');
    if (!backup.ok) throw new Error(backup.error.message);

    const newer = openDatabase(backup.value.path);
    newer.pragma('user_version = 99999');
    newer.close();
    const refusedNewer = await history.restoreFrom(backup.value.path);
    expect(refusedNewer).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect(!refusedNewer.ok && refusedNewer.error.message).toMatch(/newer Switchboard/);

    writeFileSync(backup.value.path, 'garbage '.repeat(1000));
    const refusedDamaged = await history.restoreFrom(backup.value.path);
    expect(!refusedDamaged.ok && refusedDamaged.error.message).toMatch(/is damaged .*nothing was changed/);

    const services = await history.services();
    expect(services.ok && services.value.title()).toBe('Now');
    expect(readdirSync(join(dir, 'backups')).filter((name) => name.includes('before-restore'))).toEqual([]);
    history.close();
  });

  it('restores a chosen backup while the damaged history waits for a choice, with no safety copy of nothing', async () => {
    const dir = tempDir();
    const file = fileOf(dir);
    writeHistory(file, 'Backed up');
    const first = gate(file, { check: async () => ({ kind: 'ok' }) });
    const backup = await first.snapshot('manual');
    if (!backup.ok) throw new Error(backup.error.message);
    first.close();

    const damaged = gate(file, { check: async () => ({ kind: 'damaged', reason: 'bad page' }) });
    expect((await damaged.status()).state).toBe('needs-recovery');
    const restored = await damaged.restoreFrom(backup.value.path);
    expect(restored).toMatchObject({ ok: true, value: { state: 'ready', restoredFrom: { path: backup.value.path } } });
    const services = await damaged.services();
    expect(services.ok && services.value.title()).toBe('Backed up');
    expect(readdirSync(join(dir, 'backups')).filter((name) => name.includes('before-restore'))).toEqual([]);
    damaged.close();
  });

  it('is unavailable, with the database closed again, when the services cannot be built', async () => {
    const file = fileOf(tempDir());
    writeHistory(file, 'Kept');
    let built: Database.Database | null = null;
    const history = gate(file, {
      check: async () => ({ kind: 'ok' }),
      build: (db) => {
        built = db;
        throw new Error('cannot prepare statements');
      },
    });
    expect(await history.services()).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect(built).not.toBeNull();
    expect(built!.open).toBe(false);
    expect(history.current()).toBeNull();
  });
});
