// A reply the database refused (a full disk): what the turn still returns from memory, which refusals are kept for
// a retry, how the kept replies are saved, and the one retry timer that close() stops.

import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chatHarness, model, run, signal, started, usage, type ScriptStep } from '../test-support/chat-turns';
import { useTempDir } from '../test-support/temp-dir';

const tempDir = useTempDir();

/** finalize fails as SQLite does on a full disk until `free()`. */
function fillDisk(t: ReturnType<typeof chatHarness>) {
  let full = true;
  let attempts = 0;
  const finalize = t.messages.finalize.bind(t.messages);
  t.messages.finalize = (...args) => {
    attempts++;
    if (full) throw new BetterSqlite3.SqliteError('database or disk is full', 'SQLITE_FULL');
    return finalize(...args);
  };
  return { free: () => (full = false), attempts: () => attempts };
}

const answer = (text: string): ScriptStep[] => [
  started('gen-1'),
  { advance: 40 },
  { type: 'delta', text },
  { advance: 60 },
  { type: 'usage', usage: usage(5, 0.001) },
  { type: 'done', finishReason: 'stop', generationId: 'gen-1' },
];

afterEach(() => {
  vi.useRealTimers();
});

describe('a reply the disk refused', () => {
  it('still ends the turn with the whole reply from memory: timing, tool calls, citations, cost pending', async () => {
    const t = chatHarness(tempDir(), [
      [
        started('gen-1'),
        { advance: 40 },
        { type: 'delta', text: 'See' },
        { type: 'tool-call', index: 0, id: 'call_1', name: 'look', arguments: '{}' },
        {
          type: 'citations',
          citations: [
            { url: 'https://example.org/', title: 'Example', content: null, startIndex: null, endIndex: null },
          ],
        },
        { advance: 60 },
        { type: 'usage', usage: usage(5, null) },
        { type: 'done', finishReason: 'stop', generationId: 'gen-1' },
      ],
    ]);
    fillDisk(t);
    const result = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    expect(result.events.filter((e) => e.type === 'storage-warning')).toHaveLength(1);
    expect(result.message).toMatchObject({
      status: 'complete',
      content: 'See',
      firstTokenMs: 40,
      durationMs: 100,
      toolCalls: [{ id: 'call_1', name: 'look', arguments: '{}' }],
      citations: [{ url: 'https://example.org/', title: 'Example' }],
      costStatus: 'pending',
    });
    t.service.close();
  });

  it('is not kept when its conversation was deleted meanwhile: no warning, nothing to retry', async () => {
    const t = chatHarness(tempDir(), [answer('Gone')]);
    const events = [];
    for await (const event of t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal())) {
      events.push(event);
      if (event.type === 'delta') t.conversations.delete(t.conversationId);
    }
    expect(events.map((e) => e.type)).toEqual(['started', 'delta', 'usage', 'done']);
    expect(t.service.saveUnsavedReplies()).toBe(0);
  });

  it('is saved with the others once there is room; one whose conversation is gone is dropped, not retried', async () => {
    const t = chatHarness(tempDir(), [answer('First'), answer('Second'), answer('Third')]);
    const disk = fillDisk(t);
    const second = t.conversations.create({ title: 's', model }).id;
    const third = t.conversations.create({ title: 'x', model }).id;
    await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    const kept = await run(t.service.send({ conversationId: second, text: 'Q', model }, signal()));
    const last = await run(t.service.send({ conversationId: third, text: 'Q', model }, signal()));
    const tries = disk.attempts();
    // Still full: the first refusal stops the round, the rest would fail the same way.
    expect(t.service.saveUnsavedReplies()).toBe(3);
    expect(disk.attempts()).toBe(tries + 1);

    disk.free();
    t.conversations.delete(t.conversationId);
    expect(t.service.saveUnsavedReplies()).toBe(0);
    expect(t.messages.get(kept.message.id)).toMatchObject({ status: 'complete', content: 'Second' });
    expect(t.messages.get(last.message.id)).toMatchObject({ status: 'complete', content: 'Third' });
    t.service.close();
  });

  it('is retried by one timer at a time, none when nothing waits, and none after close()', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const t = chatHarness(tempDir(), [answer('Saved'), answer('Kept')], { service: { retrySaveIntervalMs: 1_000 } });
    await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    t.service.saveUnsavedReplies();
    expect(vi.getTimerCount()).toBe(0);

    const disk = fillDisk(t);
    const kept = await run(t.service.send({ conversationId: t.conversationId, text: 'Q2', model }, signal()));
    t.service.saveUnsavedReplies();
    t.service.saveUnsavedReplies();
    expect(vi.getTimerCount()).toBe(1);

    t.service.close();
    expect(vi.getTimerCount()).toBe(0);
    disk.free();
    vi.advanceTimersByTime(5_000);
    expect(t.messages.get(kept.message.id)?.status).toBe('streaming');
  });
});
