// What a turn owes and records of its cost: the lookup owed from the first generation id, forgotten when the stream
// reports the cost, and settled from the generation record when it does not (also for a reply saved late).

import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ChatStreamEvent } from '../../../shared/domain';
import type { GenerationStats } from '../openrouter/types';
import { chatHarness, model, run, signal, started, usage } from '../test-support/chat-turns';
import { useTempDir } from '../test-support/temp-dir';

const tempDir = useTempDir();

const generation = (id: string): GenerationStats => ({
  id,
  totalCostUsd: '0.0042',
  promptTokens: 10,
  completionTokens: 5,
  reasoningTokens: null,
  cachedTokens: null,
  cancelled: false,
  model,
  provider: 'OpenAI',
  finishReason: 'stop',
  isByok: false,
});

const answered = (costUsd: number | null) => [
  started('gen-1'),
  { type: 'delta', text: 'Answer' } as const,
  { type: 'usage', usage: usage(5, costUsd) } as const,
  { type: 'done', finishReason: 'stop', generationId: 'gen-1' } as const,
];

describe('the cost a turn owes', () => {
  it('is owed on disk while the reply streams, and forgotten without a lookup when the stream reports it', async () => {
    const t = chatHarness(tempDir(), [answered(0.001)]);
    const owedWhileStreaming: unknown[] = [];
    const events: ChatStreamEvent[] = [];
    for await (const event of t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal())) {
      events.push(event);
      if (event.type === 'delta') owedWhileStreaming.push(...t.messages.settlements.list());
    }
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error(`the turn ended with ${done?.type}`);
    expect(owedWhileStreaming).toEqual([
      { generationId: 'gen-1', messageId: done.message.id, conversationId: t.conversationId, model, attempts: 0 },
    ]);
    await t.service.settled();
    expect(t.messages.settlements.list()).toEqual([]);
    expect(t.lookups).toEqual([]);
    expect(t.messages.get(done.message.id)).toMatchObject({ costStatus: null, usage: { costUsd: '0.001' } });
  });

  it('is looked up from the generation record when the usage chunk carries no cost, pending meanwhile', async () => {
    const t = chatHarness(tempDir(), [answered(null)], {
      getGeneration: async (id) => ({ ok: true, value: generation(id) }),
    });
    const result = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    expect(result.message.costStatus).toBe('pending');
    await t.service.settled();
    expect(t.lookups).toEqual(['gen-1']);
    expect(t.messages.get(result.message.id)?.usage?.costUsd).toBe('0.0042');
    expect(t.messages.settlements.list()).toEqual([]);
  });

  it('is looked up once a reply the full disk refused is saved', async () => {
    const t = chatHarness(tempDir(), [answered(null)], {
      getGeneration: async (id) => ({ ok: true, value: generation(id) }),
    });
    const finalize = t.messages.finalize.bind(t.messages);
    let full = true;
    t.messages.finalize = (...args) => {
      if (full) throw new BetterSqlite3.SqliteError('database or disk is full', 'SQLITE_FULL');
      return finalize(...args);
    };
    const result = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    await t.service.settled();
    expect(t.lookups).toEqual([]);

    full = false;
    expect(t.service.saveUnsavedReplies()).toBe(0);
    await t.service.settled();
    expect(t.lookups).toEqual(['gen-1']);
    expect(t.messages.get(result.message.id)).toMatchObject({ status: 'complete', usage: { costUsd: '0.0042' } });
    t.service.close();
  });
});
