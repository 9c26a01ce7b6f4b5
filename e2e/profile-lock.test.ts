// Two web host processes on one profile folder, as a person might start them: the second stops before it touches
// the database and says which process has the profile; the first one's live reply is stored whole.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ChatStreamEvent, ConversationWithMessages } from '../shared/domain';
import type { Result } from '../shared/result';
import { type ServerFrame, tokenProtocolPrefix, webSocketPath, webSocketProtocol } from '../shared/web-protocol';
import { historyFileName } from '../electron/core/core';
import { profileLockFileName } from '../electron/core/profile-lock';
import { replyFor } from './fake-openrouter/reply-text';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './fake-openrouter/server';
import { type WebHostProcess, startWebHostProcess } from './support/web-host-process';

const projectRoot = resolve(import.meta.dirname, '..');
let fake: FakeOpenRouter;
let profileDir: string;
let staticDir: string;
const hosts: WebHostProcess[] = [];

beforeEach(async () => {
  fake = await startFakeOpenRouter({ generationDelayMs: 100 });
  profileDir = mkdtempSync(join(tmpdir(), 'sb-two-hosts-'));
  staticDir = mkdtempSync(join(tmpdir(), 'sb-two-hosts-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
});
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
  await fake.close();
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

const hostEnv = () => ({
  OPENROUTER_BASE_URL: fake.baseUrl,
  SWITCHBOARD_PROFILE_DIR: profileDir,
  SWITCHBOARD_SECRET_STORE: 'memory',
  SWITCHBOARD_STATIC_DIR: staticDir,
  SWITCHBOARD_WEB_PORT: '0',
});

async function startHost(): Promise<WebHostProcess> {
  const env = hostEnv();
  const host = await startWebHostProcess({
    openRouterBaseUrl: env.OPENROUTER_BASE_URL,
    profileDir,
    keychainAccount: 'unused',
    extraEnv: env,
  });
  hosts.push(host);
  return host;
}

/** A renderer stand-in speaking the web host's protocol: calls, and streams collected until their end frame. */
async function connect(hostUrl: string) {
  const url = new URL(hostUrl);
  const socket = new WebSocket(
    `ws://127.0.0.1:${url.port}${webSocketPath}`,
    [webSocketProtocol, tokenProtocolPrefix + url.hash.replace('#token=', '')],
    { headers: { Origin: url.origin } },
  );
  await new Promise((resolveOpen, reject) => {
    socket.once('open', resolveOpen);
    socket.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (frame: ServerFrame) => void>();
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as ServerFrame;
    if ('id' in frame && frame.id !== null) waiting.get(frame.id)?.(frame);
  });
  return {
    call<T>(channel: string, input?: unknown): Promise<Result<T>> {
      const id = nextId++;
      socket.send(JSON.stringify({ kind: 'call', id, channel, input }));
      return new Promise((done) =>
        waiting.set(id, (frame) => {
          if (frame.kind === 'result') done(frame.result as Result<T>);
        }),
      );
    },
    stream(channel: string, input: unknown, onEvent: (event: ChatStreamEvent) => void): Promise<ChatStreamEvent[]> {
      const id = nextId++;
      const events: ChatStreamEvent[] = [];
      socket.send(JSON.stringify({ kind: 'stream', id, channel, input }));
      return new Promise((done) =>
        waiting.set(id, (frame) => {
          if (frame.kind === 'event') {
            events.push(frame.event);
            onEvent(frame.event);
          } else if (frame.kind === 'end') done(events);
        }),
      );
    },
    close: () => socket.close(),
  };
}

/** Runs a second web host on the same profile to its end (it must end by itself: a host that keeps running fails). */
function runSecondHost(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts'], {
    cwd: projectRoot,
    env: { ...process.env, ...hostEnv() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((done) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    }),
  );
}

const snapshot = (file: string) => ({ bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs });

it('refuses a second web host on the same profile, which leaves the database alone while the first reply completes', async () => {
  const first = await startHost();
  const client = await connect(first.url);
  expect((await client.call('key:save', { key: fakeKeys.valid })).ok).toBe(true);

  const prompt = 'Tell me a long story about two processes and one database';
  let deltas = 0;
  let streaming!: () => void;
  const midStream = new Promise<void>((resolveMid) => (streaming = resolveMid));
  const reply = client.stream('chat:send', { text: prompt, model: fakeModels.slow }, (event) => {
    if (event.type === 'delta' && ++deltas === 30) streaming();
  });
  // A second or so into the reply: the assistant row exists and has been checkpointed at least once.
  await midStream;

  const database = join(profileDir, historyFileName);
  const before = snapshot(database);
  const second = await runSecondHost();
  const after = snapshot(database);

  expect(second.code).toBe(1);
  expect(second.stdout).not.toContain('listening');
  const said = second.stderr.trim();
  expect(said.split('\n')).toHaveLength(1);
  expect(said).toContain('in use');
  expect(said).toContain(`web host, pid ${first.pid}`);
  expect(after.bytes.equals(before.bytes)).toBe(true);
  expect(after.mtimeMs).toBe(before.mtimeMs);

  const events = await reply;
  const done = events.at(-1);
  expect(done?.type).toBe('done');
  if (done?.type !== 'done') return;
  const expected = replyFor(prompt, { long: true });
  expect(done.message.content).toBe(expected);

  // What the first host stored, read back: whole, complete, with its cost.
  const stored = await client.call<ConversationWithMessages>('conversations:get', { id: done.message.conversationId });
  client.close();
  expect(stored.ok).toBe(true);
  if (!stored.ok) return;
  const saved = stored.value.messages.find((message) => message.id === done.message.id);
  expect(saved).toMatchObject({ status: 'complete', content: expected });
  expect(Number(saved?.usage?.costUsd)).toBeGreaterThan(0);

  // Stopping releases the profile: the lock is gone and the next start opens the same history.
  await first.stop();
  expect(existsSync(join(profileDir, profileLockFileName))).toBe(false);
  const next = await startHost();
  const again = await connect(next.url);
  const reread = await again.call<ConversationWithMessages>('conversations:get', { id: done.message.conversationId });
  again.close();
  expect(reread.ok && reread.value.messages.find((message) => message.id === done.message.id)?.content).toBe(expected);
}, 90_000);
