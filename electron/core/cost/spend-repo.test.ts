import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Usage } from '../../../shared/domain';
import { fromPico } from '../../../shared/money';
import { usageFixture } from '../../../shared/test-support/domain-fixtures';
import { ConversationRepo } from '../db/conversation-repo';
import { type FinalizeInput, MessageRepo } from '../db/message-repo';
import { openDatabase } from '../db/open-database';
import { SpendRepo } from './spend-repo';
import { SpendService } from './spend-service';
import { expectRollupsExact } from '../test-support/spend-rollups';

const hour = 3_600_000;
const day = 24 * hour;

const usage = (costUsd: string | null): Usage =>
  usageFixture({ promptTokens: 10, completionTokens: 20, totalTokens: 30, costUsd, isByok: false });

const done = (costUsd: string | null, over: Partial<FinalizeInput> = {}): FinalizeInput => ({
  status: 'complete',
  content: 'An answer',
  reasoning: null,
  model: 'author/model-a',
  provider: 'OpenAI',
  generationId: `gen-${Math.random()}`,
  finishReason: 'stop',
  usage: costUsd === null ? null : usage(costUsd),
  error: null,
  ...over,
});

describe('SpendRepo roll-ups', () => {
  let db: Database;
  let clock: number;
  let conversations: ConversationRepo;
  let messages: MessageRepo;
  let spend: SpendRepo;

  const ledgerSum = (start: number, end: number) =>
    fromPico(
      (
        db
          .prepare(
            'SELECT coalesce(sum(cost_pico), 0) AS total FROM spend_ledger WHERE created_at >= ? AND created_at < ?',
          )
          .safeIntegers(true)
          .get(start, end) as { total: bigint }
      ).total,
    );

  /** A question and a reply finished at `at`; the reply's cost is recorded (or not, when null). */
  const turn = (conversationId: string, at: number, costUsd: string | null, over: Partial<FinalizeInput> = {}) => {
    clock = at;
    messages.insertUser({ conversationId, content: 'Q', model: null });
    const reply = messages.createAssistant({ conversationId, model: 'author/model-a' });
    return messages.finalize(reply.id, done(costUsd, over));
  };

  beforeEach(() => {
    db = openDatabase(':memory:');
    clock = Date.UTC(2026, 10, 1);
    conversations = new ConversationRepo(db, { now: () => clock });
    messages = new MessageRepo(db, { now: () => clock });
    spend = new SpendRepo(db);
  });
  afterEach(() => db.close());

  it('sums any range exactly, whole hours from the roll-up and partial ones from the ledger', () => {
    const ids = Array.from({ length: 4 }, (_, i) => conversations.create({ title: `C${i}`, model: 'm/m' }).id);
    const start = Date.UTC(2026, 10, 1);
    let seed = 7;
    const next = () => (seed = (seed * 48_271) % 2_147_483_647);
    for (let i = 0; i < 400; i++) {
      const cost = `0.${String(next() % 1_000_000_000).padStart(12, '0')}`;
      turn(ids[i % ids.length] ?? '', start + (next() % (40 * day)), i % 9 === 0 ? '0' : cost, {
        model: `author/model-${i % 3}`,
      });
    }
    expectRollupsExact(db);

    // Local midnights 5:45 off UTC (Nepal), 30 of them, and "since" boundaries off the hour.
    const offset = -(5 * hour + 45 * 60_000);
    const dayStarts = Array.from({ length: 31 }, (_, i) => start + offset + (5 + i) * day);
    const summary = spend.summary({
      todayStart: dayStarts[29] ?? 0,
      weekStart: start + 30 * day + 1_234,
      monthStart: start + 7 * hour + 1,
      dayStarts,
    });
    expect(summary.days.map((d) => d.total)).toEqual(
      dayStarts.slice(0, -1).map((s, i) => ledgerSum(s, dayStarts[i + 1] ?? 0)),
    );
    expect(summary.days.map((d) => d.start)).toEqual(dayStarts.slice(0, -1));
    expect(summary.today).toBe(ledgerSum(dayStarts[29] ?? 0, Number.MAX_SAFE_INTEGER));
    expect(summary.week).toBe(ledgerSum(start + 30 * day + 1_234, Number.MAX_SAFE_INTEGER));
    expect(summary.month).toBe(ledgerSum(start + 7 * hour + 1, Number.MAX_SAFE_INTEGER));
    expect(spend.overview(start + 7 * hour + 1).month).toBe(summary.month);
    expect(summary.allTime).toBe(ledgerSum(0, Number.MAX_SAFE_INTEGER));
    expect(summary.entries).toBe(400);
    const byModel = db
      .prepare(
        `SELECT model, sum(cost_pico) AS total, count(*) AS replies FROM spend_ledger
         GROUP BY model ORDER BY total DESC, model`,
      )
      .safeIntegers(true)
      .all() as { model: string; total: bigint; replies: bigint }[];
    expect(summary.byModel).toEqual(
      byModel.map((m) => ({ model: m.model, total: fromPico(m.total), replies: Number(m.replies) })),
    );
    expect(summary.byModel.reduce((n, m) => n + m.replies, 0)).toBe(400);
    // A range inside one hour reads only the ledger.
    expect(
      spend.summary({ todayStart: 0, weekStart: 0, monthStart: 0, dayStarts: [start + 10, start + 20 * day + 99] })
        .days[0]?.total,
    ).toBe(ledgerSum(start + 10, start + 20 * day + 99));
  });

  it('stays exact through a settlement that fills a pending cost, a deletion and clearing the ledger', () => {
    const kept = conversations.create({ title: 'Kept', model: 'm/m' }).id;
    const gone = conversations.create({ title: 'Gone', model: 'm/m' }).id;
    turn(kept, clock, '0.000001');
    const stopped = turn(kept, clock + hour, null, { status: 'stopped', finishReason: null });
    messages.markCostPending(stopped.id);
    expect(spend.conversation(kept)).toEqual({ total: '0.000001', thread: '0.000001', pending: 1 });

    clock += 2 * hour;
    messages.settleUsage(stopped.id, usage('0.000000000042'));
    expect(spend.conversation(kept)).toEqual({ total: '0.000001000042', thread: '0.000001000042', pending: 0 });
    expectRollupsExact(db);

    turn(gone, clock, '0.25');
    turn(gone, clock + day, '0.5');
    expect(spend.conversation(gone).total).toBe('0.75');
    conversations.delete(gone);
    expectRollupsExact(db);
    const summary = spend.summary({ todayStart: 0, weekStart: 0, monthStart: 0, dayStarts: [] });
    expect(summary.allTime).toBe('0.750001000042');
    expect(summary.byConversation).toEqual([
      { conversationId: gone, title: null, total: '0.75', replies: 2 },
      { conversationId: kept, title: 'Kept', total: '0.000001000042', replies: 2 },
    ]);
    expect(spend.conversation(gone)).toEqual({ total: '0', thread: '0', pending: 0 });

    expect(new SpendService(spend, messages).clearLedger()).toEqual({ ok: true, value: { deleted: 4 } });
    expectRollupsExact(db);
    expect(spend.summary({ todayStart: 0, weekStart: 0, monthStart: 0, dayStarts: [] })).toMatchObject({
      allTime: '0',
      entries: 0,
      byModel: [],
      byConversation: [],
    });
    // The replies keep their own figures: the conversation total is theirs, not the ledger's.
    expect(spend.conversation(kept).total).toBe('0.000001000042');
  });

  it('walks the thread on screen only when versions exist, and then gives it apart', () => {
    const id = conversations.create({ title: 'Versions', model: 'm/m' }).id;
    const first = turn(id, clock, '0.1');
    const second = turn(id, clock, '0.02');
    expect(spend.conversation(id)).toEqual({ total: '0.12', thread: '0.12', pending: 0 });

    // Regenerate the last reply: a version beside it, now on screen.
    const again = messages.createAssistant({ conversationId: id, model: 'm/m', parentId: second.parentId });
    messages.finalize(again.id, done('0.003'));
    expect(spend.conversation(id)).toEqual({ total: '0.123', thread: '0.103', pending: 0 });
    expectRollupsExact(db);

    // Back to the first reply's thread (a leaf with children below it is walked too).
    conversations.setCurrentLeaf(id, first.id);
    expect(spend.conversation(id)).toEqual({ total: '0.123', thread: '0.1', pending: 0 });
  });

  it('walks when the one chain continues below the leaf on screen', () => {
    const id = conversations.create({ title: 'Chain', model: 'm/m' }).id;
    const first = turn(id, clock, '0.1');
    turn(id, clock, '0.02');
    conversations.setCurrentLeaf(id, first.id);
    expect(spend.conversation(id)).toEqual({ total: '0.12', thread: '0.1', pending: 0 });
  });

  it('keeps the thread total for the leaf as turns go on, and works it out again only when the thread changed', () => {
    const id = conversations.create({ title: 'Cache', model: 'm/m' }).id;
    const walked = () =>
      fromPico(
        (
          db
            .prepare(
              `WITH RECURSIVE path (id, parent_id, cost_pico) AS (
                 SELECT m.id, m.parent_id, m.cost_pico FROM conversations c JOIN messages m ON m.id = c.current_leaf_id
                 WHERE c.id = ?
                 UNION ALL
                 SELECT m.id, m.parent_id, m.cost_pico FROM messages m JOIN path p ON m.id = p.parent_id)
               SELECT coalesce(sum(cost_pico), 0) AS total FROM path`,
            )
            .safeIntegers(true)
            .get(id) as { total: bigint }
        ).total,
      );
    /** What the triggers keep, read without asking SpendRepo (which would fill it in). */
    const kept = () => {
      const row = db
        .prepare(
          `SELECT k.thread_leaf = c.current_leaf_id AS forLeaf, k.thread_total AS total
           FROM conversation_costs k JOIN conversations c ON c.id = k.conversation_id WHERE c.id = ?`,
        )
        .safeIntegers(true)
        .get(id) as { forLeaf: bigint | null; total: bigint | null };
      return row.forLeaf === 1n && row.total !== null ? fromPico(row.total) : null;
    };

    const first = turn(id, clock, '0.1');
    const second = turn(id, clock, '0.02');
    expect(kept()).toBe('0.12');

    // A regenerated reply: the leaf moved sideways, so the kept figure is dropped and the next read walks.
    const again = messages.createAssistant({ conversationId: id, model: 'm/m', parentId: second.parentId });
    messages.finalize(again.id, done('0.003'));
    expect(kept()).toBeNull();
    expect(spend.conversation(id).thread).toBe('0.103');
    expect(kept()).toBe('0.103');
    turn(id, clock, '0.0004');
    expect(kept()).toBe('0.1034');

    // Stopped, then the person goes on before the charge settles: settling it above the leaf drops the figure.
    const stopped = turn(id, clock, null, { status: 'stopped', finishReason: null });
    turn(id, clock, '0.00005');
    expect(kept()).toBe('0.10345');
    messages.settleUsage(stopped.id, usage('0.000006'));
    expect(kept()).toBeNull();
    expect(spend.conversation(id).thread).toBe(walked());
    expect(walked()).toBe('0.103456');

    // A cost settling on another version's end (no children) leaves the thread on screen alone.
    conversations.setCurrentLeaf(id, second.id);
    expect(spend.conversation(id)).toMatchObject({ thread: '0.12' });
    const sideStopped = messages.createAssistant({ conversationId: id, model: 'm/m', parentId: first.parentId });
    messages.finalize(sideStopped.id, done(null, { status: 'stopped', finishReason: null }));
    conversations.setCurrentLeaf(id, second.id);
    expect(spend.conversation(id).thread).toBe('0.12');
    messages.settleUsage(sideStopped.id, usage('0.7'));
    expect(kept()).toBe('0.12');
    expect(spend.conversation(id)).toEqual({ total: '0.823456', thread: walked(), pending: 0 });
    expect(walked()).toBe('0.12');

    // A message written with its cost already known (as an import writes them) counts as the leaf moves onto it.
    db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, cost_pico, created_at,
         updated_at)
       VALUES ('imported', ?, ?, 999, 'assistant', 'text', 'complete', 5000000, 1, 1)`,
    ).run(id, second.id);
    conversations.setCurrentLeaf(id, 'imported');
    expect(kept()).toBe('0.120005');
    expect(walked()).toBe('0.120005');
  });
});
