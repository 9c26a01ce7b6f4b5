// The web host process as a user starts it: a damaged history database stops it with a clear message, untouched.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { historyFileName } from '../electron/core/core';

const projectRoot = resolve(import.meta.dirname, '..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function startHost(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts'], {
    cwd: projectRoot,
    env: { ...process.env, SWITCHBOARD_SECRET_STORE: 'memory', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('web host start-up', () => {
  it('refuses a damaged history database with a clear message and leaves the file as it was', () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'sb-corrupt-'));
    dirs.push(profileDir);
    const file = join(profileDir, historyFileName);
    const garbage = Buffer.from('this is not a SQLite database, but it is somebody’s file'.repeat(200));
    writeFileSync(file, garbage);
    const staticDir = mkdtempSync(join(tmpdir(), 'sb-static-'));
    dirs.push(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');

    const run = startHost({ SWITCHBOARD_PROFILE_DIR: profileDir, SWITCHBOARD_STATIC_DIR: staticDir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Switchboard cannot start');
    expect(run.stderr).toContain(file);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('says how to build the renderer when it is missing', () => {
    const staticDir = mkdtempSync(join(tmpdir(), 'sb-empty-'));
    dirs.push(staticDir);
    const run = startHost({ SWITCHBOARD_STATIC_DIR: staticDir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run build');
  });
});
