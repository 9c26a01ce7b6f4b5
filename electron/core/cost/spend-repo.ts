// Core: reads over the spend ledger and the replies' recorded costs. Sums happen in SQLite over INTEGER picodollars
// (exact 64-bit arithmetic) and are read back as BigInt, so the Spend view's total is the ledger's sum exactly and a
// conversation's total the exact sum of its replies. Each query reads one covering index (migration 0040). A
// conversation deleted (even one still within its minute to undo) has no title here: "deleted conversation".

import type { Database, Statement } from 'better-sqlite3';
import { fromPico } from '../../../shared/money';
import type {
  ConversationSpend,
  SpendByConversation,
  SpendByModel,
  SpendOverview,
  SpendSummary,
} from '../../../shared/spend';
import type { SpendSummaryInput } from '../../../shared/schemas';
import { guardStorage } from '../db/storage-error';

/** How many models and conversations the breakdowns list (the largest first); the totals always cover everything. */
export const breakdownLimit = 50;

const settingKeys = {
  budget: 'monthly_budget_usd',
  budgetWarned: 'budget_warned_month',
  keyLimitWarned: 'key_limit_warned_month',
} as const;

interface LedgerCsvRow {
  created_at: number;
  conversation_id: string | null;
  title: string | null;
  message_id: string | null;
  generation_id: string | null;
  model: string | null;
  provider: string | null;
  is_byok: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  reasoning_tokens: number | null;
  cached_tokens: number | null;
  cost_pico: bigint;
}

export class SpendRepo {
  private readonly file: string;
  private readonly statements: {
    sumSince: Statement<[number], { total: bigint }>;
    allTime: Statement<[], { total: bigint; entries: bigint }>;
    days: Statement<[string], { day: bigint; total: bigint }>;
    byModel: Statement<[number], { model: string | null; total: bigint; replies: bigint }>;
    byConversation: Statement<
      [number],
      { conversation_id: string | null; title: string | null; total: bigint; replies: bigint }
    >;
    conversationTotal: Statement<[{ id: string }], { total: bigint; pending: bigint }>;
    threadTotal: Statement<[string], { total: bigint }>;
    csv: Statement<[], LedgerCsvRow>;
    getSetting: Statement<[string], { value: string }>;
    setSetting: Statement<[{ key: string; value: string }]>;
    deleteSetting: Statement<[string]>;
    clear: Statement<[]>;
  };

  constructor(db: Database) {
    this.file = db.name;
    this.statements = guardStorage(this.file, () => ({
      sumSince: db
        .prepare<[number], { total: bigint }>(
          'SELECT coalesce(sum(cost_pico), 0) AS total FROM spend_ledger WHERE created_at >= ?',
        )
        .safeIntegers(true),
      allTime: db
        .prepare<[], { total: bigint; entries: bigint }>(
          'SELECT coalesce(sum(cost_pico), 0) AS total, count(*) AS entries FROM spend_ledger',
        )
        .safeIntegers(true),
      // One range scan of the created_at index per day; the boundaries are the renderer's local midnights.
      days: db
        .prepare<[string], { day: bigint; total: bigint }>(
          `SELECT CAST(d.key AS INTEGER) AS day,
                  (SELECT coalesce(sum(l.cost_pico), 0) FROM spend_ledger l
                   WHERE l.created_at >= d.value ->> 0 AND l.created_at < d.value ->> 1) AS total
           FROM json_each(?) AS d
           ORDER BY d.key`,
        )
        .safeIntegers(true),
      byModel: db
        .prepare<[number], { model: string | null; total: bigint; replies: bigint }>(
          `SELECT model, sum(cost_pico) AS total, count(*) AS replies FROM spend_ledger
           GROUP BY model ORDER BY total DESC, model LIMIT ?`,
        )
        .safeIntegers(true),
      byConversation: db
        .prepare<[number], { conversation_id: string | null; title: string | null; total: bigint; replies: bigint }>(
          `SELECT g.conversation_id, c.title, g.total, g.replies
           FROM (SELECT conversation_id, sum(cost_pico) AS total, count(*) AS replies FROM spend_ledger
                 GROUP BY conversation_id ORDER BY total DESC, conversation_id LIMIT ?) AS g
           LEFT JOIN conversations c ON c.id = g.conversation_id AND c.deleted_at IS NULL
           ORDER BY g.total DESC, g.conversation_id`,
        )
        .safeIntegers(true),
      conversationTotal: db
        .prepare<{ id: string }, { total: bigint; pending: bigint }>(
          `SELECT
             (SELECT coalesce(sum(cost_pico), 0) FROM messages
              WHERE conversation_id = @id AND cost_pico IS NOT NULL) AS total,
             (SELECT count(*) FROM messages WHERE conversation_id = @id AND cost_status = 'pending') AS pending`,
        )
        .safeIntegers(true),
      // The thread on screen: from the current leaf up through its parents.
      threadTotal: db
        .prepare<[string], { total: bigint }>(
          `WITH RECURSIVE path (id, parent_id, cost_pico) AS (
             SELECT m.id, m.parent_id, m.cost_pico FROM conversations c JOIN messages m ON m.id = c.current_leaf_id
             WHERE c.id = ?
             UNION ALL
             SELECT m.id, m.parent_id, m.cost_pico FROM messages m JOIN path p ON m.id = p.parent_id
           )
           SELECT coalesce(sum(cost_pico), 0) AS total FROM path`,
        )
        .safeIntegers(true),
      csv: db
        .prepare<[], LedgerCsvRow>(
          `SELECT l.created_at, l.conversation_id, c.title, l.message_id, l.generation_id, l.model, l.provider,
                  l.is_byok, l.prompt_tokens, l.completion_tokens, l.reasoning_tokens, l.cached_tokens, l.cost_pico
           FROM spend_ledger l LEFT JOIN conversations c ON c.id = l.conversation_id AND c.deleted_at IS NULL
           ORDER BY l.created_at, l.id`,
        )
        .safeIntegers(true),
      getSetting: db.prepare<[string], { value: string }>('SELECT value FROM spend_settings WHERE key = ?'),
      setSetting: db.prepare<{ key: string; value: string }>(
        `INSERT INTO spend_settings (key, value) VALUES (@key, @value)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ),
      deleteSetting: db.prepare<[string]>('DELETE FROM spend_settings WHERE key = ?'),
      clear: db.prepare<[]>('DELETE FROM spend_ledger'),
    }));
  }

  summary(input: SpendSummaryInput): SpendSummary {
    return guardStorage(this.file, () => {
      const since = (start: number) => fromPico(this.statements.sumSince.get(start)?.total ?? 0n);
      const all = this.statements.allTime.get();
      const ranges = input.dayStarts.slice(0, -1).map((start, i) => [start, input.dayStarts[i + 1]]);
      const days = this.statements.days.all(JSON.stringify(ranges)).map((row) => ({
        start: ranges[Number(row.day)]?.[0] ?? 0,
        total: fromPico(row.total),
      }));
      const byModel: SpendByModel[] = this.statements.byModel.all(breakdownLimit).map((row) => ({
        model: row.model,
        total: fromPico(row.total),
        replies: Number(row.replies),
      }));
      const byConversation: SpendByConversation[] = this.statements.byConversation.all(breakdownLimit).map((row) => ({
        conversationId: row.conversation_id,
        title: row.title,
        total: fromPico(row.total),
        replies: Number(row.replies),
      }));
      return {
        today: since(input.todayStart),
        week: since(input.weekStart),
        month: since(input.monthStart),
        allTime: fromPico(all?.total ?? 0n),
        entries: Number(all?.entries ?? 0n),
        days,
        byModel,
        byConversation,
      };
    });
  }

  overview(monthStart: number): SpendOverview {
    return guardStorage(this.file, () => ({
      month: fromPico(this.statements.sumSince.get(monthStart)?.total ?? 0n),
      budget: this.setting(settingKeys.budget),
      budgetWarnedMonth: this.setting(settingKeys.budgetWarned),
      keyLimitWarnedMonth: this.setting(settingKeys.keyLimitWarned),
    }));
  }

  conversation(conversationId: string): ConversationSpend {
    return guardStorage(this.file, () => {
      const row = this.statements.conversationTotal.get({ id: conversationId });
      const thread = this.statements.threadTotal.get(conversationId);
      return {
        total: fromPico(row?.total ?? 0n),
        thread: fromPico(thread?.total ?? 0n),
        pending: Number(row?.pending ?? 0n),
      };
    });
  }

  /** Ledger rows oldest first, for the CSV export. */
  ledgerRows(): LedgerCsvRow[] {
    return guardStorage(this.file, () => this.statements.csv.all());
  }

  setBudget(monthlyUsd: string | null): void {
    guardStorage(this.file, () => {
      if (monthlyUsd === null) this.statements.deleteSetting.run(settingKeys.budget);
      else this.statements.setSetting.run({ key: settingKeys.budget, value: monthlyUsd });
    });
  }

  markWarned(kind: 'budget' | 'key-limit', month: string): void {
    guardStorage(this.file, () =>
      this.statements.setSetting.run({
        key: kind === 'budget' ? settingKeys.budgetWarned : settingKeys.keyLimitWarned,
        value: month,
      }),
    );
  }

  /** Deletes every ledger row (the spend history); conversations and their replies' own figures stay. */
  clear(): number {
    return guardStorage(this.file, () => this.statements.clear.run().changes);
  }

  private setting(key: string): string | null {
    return this.statements.getSetting.get(key)?.value ?? null;
  }
}

export type { LedgerCsvRow };
