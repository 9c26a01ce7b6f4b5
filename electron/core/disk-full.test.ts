// A reply streamed onto a disk that fills up mid-stream: a real SQLite file on a 2 MB tmpfs, filled for real.
// Mounting needs root (or CAP_SYS_ADMIN); where that is not allowed the test reports skipped with the reason.

import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatStreamEvent } from '../../shared/domain';
import { ChatService, type ChatStreamer } from './chat-service';
import { ConversationRepo } from './db/conversation-repo';
import { MessageRepo } from './db/message-repo';
import { openDatabase } from './db/open-database';
import type { UpstreamEvent } from './openrouter/types';

let mountPoint: string | null = null;
let cannotMount = '';

beforeAll(() => {
  if (process.platform !== 'linux') {
    cannotMount = `tmpfs mounts need Linux (this is ${process.platform})`;
    return;
  }
  if (process.getuid?.() !== 0) {
    cannotMount = 'mounting a small tmpfs needs root, and the tests run as an ordinary user';
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sb-full-disk-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    cannotMount = `this machine does not allow mounting a tmpfs: ${(mount.stderr || mount.error?.message || '').trim()}`;
    return;
  }
  mountPoint = dir;
});

afterAll(() => {
  if (!mountPoint) return;
  spawnSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Writes a file until the file system refuses: ENOSPC for real. */
function fillUp(file: string): void {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(16 * 1024, 0x5a);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe('a disk that fills up while a reply streams', () => {
  it('keeps the reply, says the disk is full, and saves it once space is freed', async (ctx) => {
    ctx.skip(mountPoint === null, cannotMount);
    const dir = mountPoint!;
    const file = join(dir, 'history.sqlite3');
    const filler = join(dir, 'filler');
    const db = openDatabase(file);
    const messages = new MessageRepo(db);
    const chunk = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(300);
    const streamer: ChatStreamer = {
      getGeneration: async () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
      async *streamChat() {
        yield { type: 'started', generationId: 'gen-1', model: 'openai/gpt-4o-mini', provider: 'OpenAI' };
        // The question and the empty reply are saved; then something else takes every free byte.
        fillUp(filler);
        for (let i = 0; i < 60; i++) yield { type: 'delta', text: `${i}:${chunk}` } satisfies UpstreamEvent;
        yield { type: 'done', finishReason: 'stop', generationId: 'gen-1' };
      },
    };
    let now = 0;
    const service = new ChatService(new ConversationRepo(db), messages, streamer, {
      now: () => (now += 1000),
      retrySaveIntervalMs: 50,
    });

    try {
      const events: ChatStreamEvent[] = [];
      for await (const event of service.send(
        { text: 'Write a lot', model: 'openai/gpt-4o-mini' },
        new AbortController().signal,
      )) {
        events.push(event);
      }
      const expected = Array.from({ length: 60 }, (_, i) => `${i}:${chunk}`).join('');
      const warning = events.find((e) => e.type === 'storage-warning');
      expect(warning).toMatchObject({
        error: { code: 'storage_error', message: expect.stringMatching(/disk is full/) },
      });
      const last = events.at(-1);
      expect(last?.type).toBe('done');
      if (last?.type !== 'done') return;
      expect(last.message.content).toBe(expected);
      expect(messages.get(last.message.id)?.status).toBe('streaming');

      rmSync(filler);
      await expect.poll(() => messages.get(last.message.id)?.status, { timeout: 5000, interval: 50 }).toBe('complete');
      db.close();
      const reopened = openDatabase(file);
      try {
        expect(new MessageRepo(reopened).get(last.message.id)).toMatchObject({ status: 'complete', content: expected });
      } finally {
        reopened.close();
      }
    } finally {
      service.close();
      if (db.open) db.close();
      rmSync(filler, { force: true });
    }
  });
});
