// Each shape of damage on a real SQLite file, through the core as the hosts build it: the damaged bytes are moved
// aside exactly as they were, nothing writes to them, and the person's choice decides what comes next.

import { existsSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { HistoryStatus } from '../../../shared/domain';
import type { ChatStreamEvent } from '../../../shared/domain';
import { readCoreConfig } from '../config';
import { type Core, createCore, historyFileName } from '../core';
import { ConversationRepo } from '../db/conversation-repo';
import { MessageRepo } from '../db/message-repo';
import { openDatabase } from '../db/open-database';
import { useTempDir } from '../test-support/temp-dir';
import type { Logger } from '../logger';

const tempDir = useTempDir();
const pageSize = 4096;
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const damagedName = /^history\.sqlite3\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/;

function startCore(profileDir: string, logger: Logger = silent): Core {
  const config = readCoreConfig({ SWITCHBOARD_PROFILE_DIR: profileDir, SWITCHBOARD_SECRET_STORE: 'memory' });
  return createCore(config, {
    logger,
    transport: 'web',
    fetch: async () => new Response(null, { status: 500 }),
  });
}

/** A history with one conversation of `turns` question/answer pairs; long enough to span many pages and FTS pages. */
function writeHistory(file: string, title: string, turns = 120): void {
  const db = openDatabase(file);
  const conversation = new ConversationRepo(db).create({ title, model: 'openai/gpt-4o' });
  const messages = new MessageRepo(db);
  for (let i = 0; i < turns; i++) {
    messages.insertUser({ conversationId: conversation.id, content: `question ${i} about ${title}`, model: null });
    const answer = messages.createAssistant({ conversationId: conversation.id, model: null });
    messages.finalize(answer.id, {
      status: 'complete',
      content: `answer ${i}: ${'several distinct words make the full text index grow '.repeat(12)}${i}`,
      reasoning: null,
      model: 'openai/gpt-4o',
      provider: null,
      generationId: null,
      finishReason: 'stop',
      usage: null,
      error: null,
    });
  }
  db.close();
}

/** A pre-migration backup as migrate.ts names it, holding its own conversation. */
function writeBackup(profileDir: string, title: string): string {
  const path = join(profileDir, `${historyFileName}.bak-v10`);
  writeHistory(path, title, 3);
  return path;
}

const titles = async (core: Core) => {
  const list = await core.library.list();
  if (!list.ok) throw new Error(`list failed: ${list.error.message}`);
  return list.value.map((c) => c.title);
};

function expectDamage(status: HistoryStatus, state: HistoryStatus['state']) {
  expect(status.state).toBe(state);
  if (status.state === 'unavailable') throw new Error(status.error.message);
  const damage = status.damage;
  if (!damage) throw new Error('no damage reported');
  return damage;
}

async function collect(stream: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe('a damaged history database at start', () => {
  it('garbage page in the middle: moved aside byte-for-byte, the backup offered, nothing usable until the choice', async () => {
    const profileDir = tempDir();
    const file = join(profileDir, historyFileName);
    writeBackup(profileDir, 'From the backup');
    writeHistory(file, 'Damaged one');
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / pageSize / 2);
    bytes.fill(0xa5, middle * pageSize, (middle + 1) * pageSize);
    writeFileSync(file, bytes);

    const core = startCore(profileDir);
    try {
      const status = await core.history.status();
      const damage = expectDamage(status, 'needs-recovery');
      expect(status.state === 'needs-recovery' && status.newestBackup.path).toBe(`${file}.bak-v10`);
      expect(damage.file).toBe(file);
      // The header and schema read fine: only the full check finds this.
      expect(damage.reason).toMatch(/integrity check/);
      expect(damage.movedTo).toBe(
        join(
          profileDir,
          readdirSync(profileDir).find((n) => damagedName.test(n))!,
        ),
      );
      expect(readFileSync(damage.movedTo!).equals(bytes)).toBe(true);
      // No fresh database before the person has chosen, and history calls say why they cannot answer.
      expect(existsSync(file)).toBe(false);
      const list = await core.library.list();
      expect(!list.ok && list.error).toMatchObject({
        code: 'storage_error',
        message: expect.stringMatching(/damaged/),
      });
      const events = await collect(
        core.chat.send({ text: 'hi', model: 'openai/gpt-4o' }, new AbortController().signal),
      );
      expect(events).toEqual([
        { type: 'error', error: expect.objectContaining({ code: 'storage_error' }), message: null },
      ]);

      const recovered = await core.history.recover({ choice: 'restore-backup' });
      expect(recovered.ok && recovered.value).toMatchObject({
        state: 'ready',
        restoredFrom: { path: `${file}.bak-v10` },
      });
      expect(await titles(core)).toEqual(['From the backup']);
      expect((await core.library.create({ model: 'openai/gpt-4o', title: 'After' })).ok).toBe(true);
      expect(readFileSync(damage.movedTo!).equals(bytes)).toBe(true);
      expect(existsSync(`${file}.bak-v10`)).toBe(true);
    } finally {
      core.close();
    }
  });

  it.each([
    ['with its write-ahead log kept, which still holds page 1 (only the full check notices)', true],
    ['alone (the header check notices)', false],
  ])('truncated inside a full-text index page, %s: moved aside intact, fresh history, a notice', async (_, keepWal) => {
    const profileDir = tempDir();
    const file = join(profileDir, historyFileName);
    writeHistory(file, 'Cut short');
    const probe = new BetterSqlite3(file, { readonly: true });
    // Not the file's last page: a file cut inside its last page still rounds up to the size the header claims.
    const ftsPage = probe
      .prepare(
        "SELECT max(pageno) FROM dbstat WHERE name LIKE 'messages_fts%' AND pageno < (SELECT max(pageno) FROM dbstat)",
      )
      .pluck()
      .get() as number;
    probe.close();
    expect(ftsPage).toBeGreaterThan(1);
    let wal: Buffer | null = null;
    if (keepWal) {
      // A session killed before its checkpoint: the last commit lives only in the log.
      const writer = new BetterSqlite3(file);
      writer.pragma('wal_autocheckpoint = 0');
      writer.prepare("UPDATE conversations SET title = 'Renamed'").run();
      wal = readFileSync(`${file}-wal`);
      writer.close();
      writeFileSync(`${file}-wal`, wal);
    }
    // Cut halfway through that page: it and every page after it are gone, the header still claims them all.
    truncateSync(file, (ftsPage - 1) * pageSize + pageSize / 2);
    const bytes = readFileSync(file);

    const core = startCore(profileDir);
    try {
      const status = await core.history.status();
      const damage = expectDamage(status, 'ready');
      expect(damage.reason).toMatch(keepWal ? /integrity check/ : /not a readable database/);
      expect(readFileSync(damage.movedTo!).equals(bytes)).toBe(true);
      if (wal) expect(readFileSync(`${damage.movedTo!}-wal`).equals(wal)).toBe(true);
      expect(await titles(core)).toEqual([]);
      expect((await core.library.create({ model: 'openai/gpt-4o', title: 'New start' })).ok).toBe(true);
      expect(readFileSync(damage.movedTo!).equals(bytes)).toBe(true);
      if (wal) expect(readFileSync(`${damage.movedTo!}-wal`).equals(wal)).toBe(true);
    } finally {
      core.close();
    }
  });

  it('0 bytes: treated as damage, not as a first run, and said so', async () => {
    const profileDir = tempDir();
    const file = join(profileDir, historyFileName);
    writeFileSync(file, '');

    const core = startCore(profileDir);
    try {
      const damage = expectDamage(await core.history.status(), 'ready');
      expect(damage.reason).toMatch(/empty \(0 bytes\)/);
      expect(readFileSync(damage.movedTo!).length).toBe(0);
      expect(damagedName.test(damage.movedTo!.split('/').at(-1)!)).toBe(true);
    } finally {
      core.close();
    }
  });

  it('0 bytes with its write-ahead log kept (killed mid-session): both moved aside, the log byte-for-byte', async () => {
    const profileDir = tempDir();
    const file = join(profileDir, historyFileName);
    writeBackup(profileDir, 'From the backup');
    writeHistory(file, 'Only in the log', 1);
    // A writer that never checkpointed, copied as a kill -9 would leave it; then the main file loses its bytes.
    const writer = new BetterSqlite3(file);
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("UPDATE conversations SET title = 'Renamed in the log'").run();
    const wal = readFileSync(`${file}-wal`);
    writer.close();
    writeFileSync(file, '');
    writeFileSync(`${file}-wal`, wal);
    expect(wal.length).toBeGreaterThan(0);

    const core = startCore(profileDir);
    try {
      const damage = expectDamage(await core.history.status(), 'needs-recovery');
      expect(damage.reason).toMatch(/write-ahead log/);
      expect(readFileSync(damage.movedTo!).length).toBe(0);
      expect(readFileSync(`${damage.movedTo!}-wal`).equals(wal)).toBe(true);
      expect(existsSync(`${file}-wal`)).toBe(false);

      const fresh = await core.history.recover({ choice: 'start-fresh' });
      expect(fresh.ok && fresh.value.state).toBe('ready');
      expect(await titles(core)).toEqual([]);
      expect(readFileSync(`${damage.movedTo!}-wal`).equals(wal)).toBe(true);
      expect(existsSync(`${file}.bak-v10`)).toBe(true);
    } finally {
      core.close();
    }
  });

  it('missing file while backups exist: offered the backup instead of a silent empty history', async () => {
    const profileDir = tempDir();
    const file = join(profileDir, historyFileName);
    writeBackup(profileDir, 'From the backup');

    const core = startCore(profileDir);
    try {
      const damage = expectDamage(await core.history.status(), 'needs-recovery');
      expect(damage.movedTo).toBeNull();
      expect(damage.reason).toMatch(/missing/);
      expect(existsSync(file)).toBe(false);
      const restored = await core.history.recover({ choice: 'restore-backup' });
      expect(restored.ok && restored.value.state).toBe('ready');
      expect(await titles(core)).toEqual(['From the backup']);
    } finally {
      core.close();
    }
  });

  it('a sound history opens as before, with nothing moved and no notice', async () => {
    const profileDir = tempDir();
    writeHistory(join(profileDir, historyFileName), 'Healthy', 5);
    writeBackup(profileDir, 'Old backup');

    const core = startCore(profileDir);
    try {
      expect(await core.history.status()).toEqual({ state: 'ready', damage: null, restoredFrom: null });
      expect(await titles(core)).toEqual(['Healthy']);
      expect(readdirSync(profileDir).filter((n) => n.includes('damaged'))).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('a first run (no file, no backups) starts fresh without a notice, and the log says the file was created', async () => {
    const profileDir = join(tempDir(), 'new-profile');
    const info: string[] = [];
    const core = startCore(profileDir, { ...silent, info: (line) => info.push(line) });
    try {
      expect(await core.history.status()).toEqual({ state: 'ready', damage: null, restoredFrom: null });
      expect(await titles(core)).toEqual([]);
      expect(info).toContainEqual(
        expect.stringMatching(new RegExp(`^history database .*${historyFileName} created at schema \\d+ in \\d+ ms$`)),
      );
      expect(info).toContain('history database: applied schema step 10-init');
    } finally {
      core.close();
    }
  });
});
