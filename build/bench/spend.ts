// Benchmark: the Spend view's queries over a 100,000-row ledger (target: each < 20 ms at p95) and a conversation's
// running total over 10,000 messages (target: < 5 ms), each beside the naive way in the same run: read every row
// into JavaScript and add it up there. The ledger is seeded with plain INSERTs (a row per billed generation, as the
// message repository writes them); the conversation through the core's own repositories.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { SpendRepo } from '../../electron/core/cost/spend-repo';
import { SpendService } from '../../electron/core/cost/spend-service';
import { ConversationRepo } from '../../electron/core/db/conversation-repo';
import { MessageRepo } from '../../electron/core/db/message-repo';
import { openDatabase } from '../../electron/core/db/open-database';
import { reportSamples } from './measure';

const ledgerRows = 100_000;
const conversationMessages = 10_000;
const rounds = 15;
const day = 86_400_000;

function seedLedger(db: Database, now: number): void {
  const conversations = new ConversationRepo(db);
  // 2,000 conversations: the first 500 still exist, the rest were deleted (their rows stay).
  const ids = Array.from({ length: 2_000 }, (_, i) =>
    i < 500 ? conversations.create({ title: `Conversation ${i}`, model: 'openai/gpt-4o-mini' }).id : `gone-${i}`,
  );
  const insert = db.prepare(
    `INSERT INTO spend_ledger (message_id, conversation_id, generation_id, model, provider, cost_pico,
       prompt_tokens, completion_tokens, created_at)
     VALUES (?, ?, ?, ?, 'OpenAI', ?, 100, 200, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < ledgerRows; i++) {
      insert.run(
        `m-${i}`,
        ids[i % ids.length],
        `gen-${i}`,
        `author/model-${i % 20}`,
        // Tiny, uneven costs: 0.000001234567 USD and up.
        1_234_567 + ((i * 7919) % 100_000_000),
        now - ((i * 104_729) % (90 * day)),
      );
    }
  })();
}

function seedConversation(db: Database): string {
  const conversations = new ConversationRepo(db);
  const messages = new MessageRepo(db);
  const conversation = conversations.create({ title: 'Long', model: 'openai/gpt-4o-mini' });
  db.transaction(() => {
    for (let t = 0; t < conversationMessages / 2; t++) {
      messages.insertUser({ conversationId: conversation.id, content: `Question ${t}`, model: null });
      const reply = messages.createAssistant({ conversationId: conversation.id, model: 'openai/gpt-4o-mini' });
      messages.finalize(reply.id, {
        status: 'complete',
        content: `Answer ${t}`,
        reasoning: null,
        model: 'openai/gpt-4o-mini',
        provider: 'OpenAI',
        generationId: `gen-long-${t}`,
        finishReason: 'stop',
        usage: {
          promptTokens: 29,
          completionTokens: 33,
          totalTokens: 62,
          reasoningTokens: null,
          cachedTokens: null,
          cacheWriteTokens: null,
          cacheDiscountUsd: null,
          costUsd: `0.0000${2415 + (t % 1000)}`,
          isByok: false,
          raw: {},
        },
        error: null,
      });
    }
  })();
  return conversation.id;
}

function samples(work: () => unknown): number[] {
  work();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    work();
    out.push(performance.now() - start);
  }
  return out;
}

export async function spendBench(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-spend-'));
  const db = openDatabase(join(dir, 'history.sqlite3'));
  try {
    const now = Date.now();
    seedLedger(db, now);
    const conversationId = seedConversation(db);
    const spend = new SpendRepo(db);
    const messages = new MessageRepo(db);
    const periods = {
      todayStart: now - (now % day),
      weekStart: now - 7 * day,
      monthStart: now - 30 * day,
      dayStarts: Array.from({ length: 31 }, (_, i) => now - (30 - i) * day),
    };

    // The naive way: every row into JavaScript, then add and group there.
    const allRows = db.prepare('SELECT created_at, cost_pico, model, conversation_id FROM spend_ledger');
    const naive = (pick: (rows: { created_at: number; cost_pico: number; model: string }[]) => unknown) => () =>
      pick(allRows.all() as { created_at: number; cost_pico: number; model: string }[]);
    const naiveTotals = naive((rows) => rows.reduce((sum, r) => sum + r.cost_pico, 0));
    const naiveByModel = naive((rows) => {
      const totals = new Map<string, number>();
      for (const r of rows) totals.set(r.model, (totals.get(r.model) ?? 0) + r.cost_pico);
      return totals;
    });

    print(`Spend view over a ${ledgerRows.toLocaleString('en-US')}-row ledger (target: each < 20 ms at p95)`);
    reportSamples(print, {
      name: '  the whole summary (4 totals, 30 days, per model, per conversation)',
      unit: 'ms',
      statistic: 'p95',
      baseline: samples(naiveTotals),
      candidate: samples(() => spend.summary(periods)),
    });
    reportSamples(print, {
      name: '  this month (one of the four totals)',
      unit: 'ms',
      statistic: 'p95',
      baseline: samples(naiveTotals),
      candidate: samples(() => spend.overview(periods.monthStart)),
    });
    reportSamples(print, {
      name: '  per model',
      unit: 'ms',
      statistic: 'p95',
      baseline: samples(naiveByModel),
      candidate: samples(() => spend.summary({ ...periods, dayStarts: [now, now + 1] }).byModel),
    });
    reportSamples(print, {
      name: '  CSV export of every row',
      unit: 'ms',
      statistic: 'p95',
      baseline: samples(naiveTotals),
      candidate: samples(() => new SpendService(spend, messages).exportCsv()),
    });

    print(`Conversation total over ${conversationMessages.toLocaleString('en-US')} messages (target: < 5 ms)`);
    reportSamples(print, {
      name: '  all versions and the thread on screen, against reading every message and adding in JS',
      unit: 'ms',
      statistic: 'p95',
      baseline: samples(() =>
        messages.listForConversation(conversationId).reduce((sum, m) => sum + Number(m.usage?.costUsd ?? 0), 0),
      ),
      candidate: samples(() => spend.conversation(conversationId)),
    });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
