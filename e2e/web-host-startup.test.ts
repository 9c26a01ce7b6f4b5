// The web host process as a user starts it: a damaged history database is moved aside untouched and the person
// chooses what comes next; a missing renderer build is explained.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { historyFileName } from '../electron/core/core';
import { openDatabase } from '../electron/core/db/open-database';
import { tokenProtocolPrefix, webSocketPath, webSocketProtocol } from '../shared/web-protocol';
import { startWebHostProcess } from './support/web-host-process';

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

/** One request over the host's WebSocket, as the page makes it. */
async function callHost(pageUrl: string, channel: string, input?: unknown): Promise<unknown> {
  const url = new URL(pageUrl);
  const token = url.hash.replace('#token=', '');
  const socket = new WebSocket(`ws://${url.host}${webSocketPath}`, [webSocketProtocol, tokenProtocolPrefix + token], {
    headers: { Origin: url.origin },
  });
  try {
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const answer = new Promise<unknown>((resolve) =>
      socket.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as { kind: string; id: number; result?: unknown };
        if (frame.kind === 'result' && frame.id === 1) resolve(frame.result);
      }),
    );
    socket.send(JSON.stringify({ kind: 'call', id: 1, channel, input }));
    return await answer;
  } finally {
    socket.close();
  }
}

describe('web host start-up', () => {
  it('moves a damaged history database aside untouched, and creates a fresh one only after the choice', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'sb-corrupt-'));
    dirs.push(profileDir);
    const file = join(profileDir, historyFileName);
    const garbage = Buffer.from('this is not a SQLite database, but it is somebody’s file'.repeat(200));
    writeFileSync(file, garbage);
    const backup = `${file}.bak-v10`;
    openDatabase(backup).close();
    const staticDir = mkdtempSync(join(tmpdir(), 'sb-static-'));
    dirs.push(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');

    const host = await startWebHostProcess({
      openRouterBaseUrl: 'http://127.0.0.1:9',
      profileDir,
      keychainAccount: 'unused',
      extraEnv: { SWITCHBOARD_SECRET_STORE: 'memory', SWITCHBOARD_STATIC_DIR: staticDir },
    });
    try {
      const moved = readdirSync(profileDir).filter((name) => name.startsWith(`${historyFileName}.damaged-`));
      expect(moved).toHaveLength(1);
      expect(readFileSync(join(profileDir, moved[0]!)).equals(garbage)).toBe(true);
      expect(existsSync(file)).toBe(false);
      expect(host.output()).toContain(join(profileDir, moved[0]!));

      const status = await callHost(host.url, 'history:status');
      expect(status).toMatchObject({ ok: true, value: { state: 'needs-recovery', newestBackup: { path: backup } } });
      expect(existsSync(file)).toBe(false);

      const fresh = await callHost(host.url, 'history:recover', { choice: 'start-fresh' });
      expect(fresh).toMatchObject({ ok: true, value: { state: 'ready' } });
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(join(profileDir, moved[0]!)).equals(garbage)).toBe(true);
    } finally {
      await host.stop();
    }
  });

  it('says how to build the renderer when it is missing', () => {
    const staticDir = mkdtempSync(join(tmpdir(), 'sb-empty-'));
    dirs.push(staticDir);
    const run = startHost({ SWITCHBOARD_STATIC_DIR: staticDir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run build');
  });
});
