// The web host process as a user runs it: a bad WebSocket frame from one client does not end the process.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tokenProtocolPrefix, webSocketPath, webSocketProtocol } from '../shared/web-protocol';
import { openRawWebSocket } from '../electron/web/test-support/raw-web-socket';
import { type FakeOpenRouter, startFakeOpenRouter } from './fake-openrouter/server';
import { type WebHostProcess, startWebHostProcess } from './support/web-host-process';

let fake: FakeOpenRouter;
let profileDir: string;
let host: WebHostProcess;

beforeEach(async () => {
  fake = await startFakeOpenRouter({});
  profileDir = mkdtempSync(join(tmpdir(), 'sb-frames-'));
  host = await startWebHostProcess({
    openRouterBaseUrl: fake.baseUrl,
    profileDir,
    keychainAccount: 'unused',
    extraEnv: { SWITCHBOARD_SECRET_STORE: 'memory' },
  });
});
afterEach(async () => {
  await host.stop();
  await fake.close();
  rmSync(profileDir, { recursive: true, force: true });
});

it('survives a 5 MB frame and keeps answering', async () => {
  const url = new URL(host.url);
  const port = Number(url.port);
  const protocols = [webSocketProtocol, tokenProtocolPrefix + url.hash.replace('#token=', '')];
  const origin = url.origin;

  const raw = await openRawWebSocket({ port, path: webSocketPath, protocols, origin });
  raw.send({ opcode: 0x1, declaredLength: 5 * 1024 * 1024 });
  expect(await raw.closeCode).toBe(1009);

  const socket = new WebSocket(`ws://127.0.0.1:${port}${webSocketPath}`, protocols, { headers: { Origin: origin } });
  const reply = await new Promise<string>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ kind: 'call', id: 1, channel: 'app:info' })));
    socket.once('message', (data) => resolve(data.toString()));
    socket.once('error', reject);
  });
  socket.close();
  expect(JSON.parse(reply)).toMatchObject({ kind: 'result', id: 1, result: { ok: true } });
  expect(host.output()).toContain('bad frame');
  expect(host.output()).not.toContain('Switchboard stopped after an unexpected error');
});
