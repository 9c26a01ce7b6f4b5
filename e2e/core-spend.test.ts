// The core against the OpenRouter fake, for cost: every usage-chunk shape, a legacy chunk without cost, a stopped
// reply and one cut by a crash settled from GET /generation, exact totals, a ledger that outlives its conversation.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatStreamEvent, Message } from '../shared/domain';
import { sumUsd, toUsd } from '../shared/money';
import type { Core } from '../electron/core/core';
import type { Logger } from '../electron/core/logger';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './fake-openrouter/server';
import { startCoreAgainstFake } from './support/core-under-test';

const logger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

let fake: FakeOpenRouter;
let profileDir: string;
let core: Core;

const startCore = () => startCoreAgainstFake(fake.baseUrl, profileDir, { logger, settlementRoundDelaysMs: [50] });

beforeEach(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 0, generationDelayMs: 100 });
  profileDir = mkdtempSync(join(tmpdir(), 'sb-spend-'));
  core = startCore();
  await core.keys.save({ key: fakeKeys.unlimited });
});
afterEach(async () => {
  core.close();
  await fake.close();
  rmSync(profileDir, { recursive: true, force: true });
});

async function turn(text: string, model: string, conversationId?: string): Promise<Message> {
  let last: ChatStreamEvent | undefined;
  for await (const event of core.chat.send({ text, model, conversationId }, new AbortController().signal)) last = event;
  if (last?.type !== 'done') throw new Error(`turn ended with ${JSON.stringify(last)}`);
  return last.message;
}

/** What the fake billed for a generation, asked the way any OpenRouter user can. */
async function billed(generationId: string | null): Promise<string | null> {
  const record = await waitFor(
    async () => {
      const response = await fetch(`${fake.baseUrl}/generation?id=${generationId ?? ''}`, {
        headers: { Authorization: `Bearer ${fakeKeys.unlimited}` },
      });
      return (await response.json()) as { data?: { total_cost: number } };
    },
    (body) => body.data !== undefined,
  );
  return record.data ? toUsd(record.data.total_cost) : null;
}

async function reloaded(conversationId: string, id: string): Promise<Message | undefined> {
  const opened = await core.library.get(conversationId);
  return opened.ok ? opened.value.messages.find((m) => m.id === id) : undefined;
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const monthStart = () => new Date(new Date().getFullYear(), new Date().getMonth(), 1).getTime();

describe('cost you can trust', () => {
  it.each([
    ['A', fakeModels.usageA],
    ['B', fakeModels.usageB],
    ['C', fakeModels.usageC],
  ])('takes usage variant %s from the stream once, to the digit the fake billed', async (_variant, model) => {
    const reply = await turn('How much is this?', model);
    expect(reply.costStatus).toBeNull();
    expect(reply.usage?.costUsd).toBe(await billed(reply.generationId));
    const csv = await core.spend.exportCsv();
    expect(csv.ok && csv.value.rows).toBe(1);
  });

  it('fills in the cost of a legacy usage chunk without one from the generation record', async () => {
    const reply = await turn('Old stream, please.', fakeModels.usageNoCost);
    expect(reply.usage?.costUsd).toBeNull();
    expect(reply.costStatus).toBe('pending');
    const settled = await waitFor(
      () => reloaded(reply.conversationId, reply.id),
      (m) => m?.costStatus === null,
    );
    expect(settled?.usage?.costUsd).toBe(await billed(reply.generationId));
    // The streamed tokens stay as they were; only the charge is added.
    expect(settled?.usage?.promptTokens).toBe(reply.usage?.promptTokens);
    const total = await core.spend.conversation(reply.conversationId);
    expect(total.ok && total.value.total).toBe(settled?.usage?.costUsd);
  });

  it('keeps the conversation total, the ledger and the Spend view exact, and the ledger outlives deletion', async () => {
    const first = await turn('One', fakeModels.default);
    const second = await turn('Two', fakeModels.vision, first.conversationId);
    const free = await turn('Three', fakeModels.free, first.conversationId);
    expect(free.usage?.costUsd).toBe('0');
    const costs = [first, second, free].map((m) => m.usage?.costUsd ?? null);

    const conversation = await core.spend.conversation(first.conversationId);
    if (!conversation.ok) throw new Error(conversation.error.message);
    expect(conversation.value).toEqual({ total: sumUsd(costs), thread: sumUsd(costs), pending: 0 });

    await core.library.delete(first.conversationId);
    const now = Date.now();
    const summary = await core.spend.summary({
      todayStart: now - 1000,
      weekStart: now - 1000,
      monthStart: monthStart(),
      dayStarts: [now - 86_400_000, now + 86_400_000],
    });
    if (!summary.ok) throw new Error(summary.error.message);
    expect(summary.value.allTime).toBe(sumUsd(costs));
    expect(summary.value.today).toBe(sumUsd(costs));
    expect(summary.value.entries).toBe(3);
    expect(summary.value.days[0]?.total).toBe(sumUsd(costs));
    expect(summary.value.byConversation).toEqual([
      { conversationId: first.conversationId, title: null, total: sumUsd(costs), replies: 3 },
    ]);
    const csv = await core.spend.exportCsv();
    if (!csv.ok) throw new Error(csv.error.message);
    const lines = csv.value.csv.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((line) => line.split(',').at(-1))).toEqual(costs);
    expect(lines[1]).toContain(',deleted conversation,');
  });

  it('resumes at the next start a cost lookup a crash cut short', async () => {
    const controller = new AbortController();
    const stream = core.chat.send({ text: 'Take your time.', model: fakeModels.slow }, controller.signal);
    let started: Message | null = null;
    // Read by hand and never told to stop: the turn is left suspended, as a killed process would leave it.
    for (;;) {
      const next = await stream.next();
      if (next.done) break;
      if (next.value.type === 'started') started = next.value.assistantMessage;
      if (next.value.type === 'delta') break;
    }
    if (!started) throw new Error('no reply started');
    // A crash: the database closes under the running reply, which never gets to save its outcome.
    core.close();
    controller.abort();
    await fake.waitFor((r) => r.clientDisconnected);

    core = startCore();
    await core.keys.save({ key: fakeKeys.unlimited });
    const settled = await waitFor(
      () => reloaded(started.conversationId, started.id),
      (m) => m?.costStatus === null && m.usage !== null,
    );
    expect(settled?.status).toBe('interrupted');
    expect(settled?.usage?.costUsd).toBe(await billed(fake.requests.find((r) => r.generationId)?.generationId ?? null));
  });
});
