import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SpendRepo } from '../../cost/spend-repo';
import { migrate } from '../migrate';
import { allMigrations } from './index';

const upTo = (version: number) => allMigrations.filter((step) => step.version <= version);

/** Costs as schema 30 stored them: REALs parsed from OpenRouter's JSON numbers (id, cost). */
const oldCosts: [string, number | null][] = [
  ['a1', 0.000024],
  ['a2', 0.00123],
  ['a3', 1.5e-7],
  ['a4', 0],
  ['a5', null],
];

describe('migration 40: spend', () => {
  it('turns every REAL cost of a schema-30 history into exact picodollars and drops the REAL column', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(30));
    db.prepare(
      "INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES ('c1', 'T', 'm/m', 1, 1)",
    ).run();
    const message = db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, cost_usd, is_byok,
         created_at, updated_at)
       VALUES (?, 'c1', ?, ?, 'assistant', 'text', 'complete', ?, ?, 1, 1)`,
    );
    const ledger = db.prepare(
      `INSERT INTO spend_ledger (message_id, conversation_id, generation_id, model, cost_usd, prompt_tokens,
         completion_tokens, created_at)
       VALUES (?, 'c1', ?, 'openai/gpt-4o-mini', ?, 10, 20, ?)`,
    );
    oldCosts.forEach(([id, cost], i) => {
      message.run(id, i === 0 ? null : oldCosts[i - 1]?.[0], i + 1, cost, i === 1 ? 1 : null);
      if (cost !== null) ledger.run(id, `gen-${id}`, cost, 1_000 + i);
    });
    // A charge that outlived its conversation.
    ledger.run('gone', 'gen-gone', 0.5, 2_000);

    expect(migrate(db, upTo(40)).applied).toEqual(['40-spend']);
    const columns = (table: string) =>
      db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
    expect(columns('messages')).not.toContain('cost_usd');
    expect(columns('spend_ledger')).not.toContain('cost_usd');

    const read = (sql: string) => db.prepare(sql).safeIntegers(true).all();
    expect(read('SELECT id, cost_pico, cost_status, estimate_pico, is_byok FROM messages ORDER BY seq')).toEqual([
      { id: 'a1', cost_pico: 24_000_000n, cost_status: null, estimate_pico: null, is_byok: null },
      { id: 'a2', cost_pico: 1_230_000_000n, cost_status: null, estimate_pico: null, is_byok: 1n },
      { id: 'a3', cost_pico: 150_000n, cost_status: null, estimate_pico: null, is_byok: null },
      { id: 'a4', cost_pico: 0n, cost_status: null, estimate_pico: null, is_byok: null },
      { id: 'a5', cost_pico: null, cost_status: null, estimate_pico: null, is_byok: null },
    ]);
    expect(
      read('SELECT message_id, generation_id, cost_pico, provider, prompt_tokens FROM spend_ledger ORDER BY id'),
    ).toEqual([
      { message_id: 'a1', generation_id: 'gen-a1', cost_pico: 24_000_000n, provider: null, prompt_tokens: 10n },
      { message_id: 'a2', generation_id: 'gen-a2', cost_pico: 1_230_000_000n, provider: null, prompt_tokens: 10n },
      { message_id: 'a3', generation_id: 'gen-a3', cost_pico: 150_000n, provider: null, prompt_tokens: 10n },
      { message_id: 'a4', generation_id: 'gen-a4', cost_pico: 0n, provider: null, prompt_tokens: 10n },
      {
        message_id: 'gone',
        generation_id: 'gen-gone',
        cost_pico: 500_000_000_000n,
        provider: null,
        prompt_tokens: 10n,
      },
    ]);
    expect(db.prepare('SELECT count(*) FROM pending_settlements').pluck().get()).toBe(0);

    // At the newest schema the figures add up exactly: 0.000024 + 0.00123 + 0.00000015 + 0 (+ 0.5 on the ledger).
    migrate(db);
    const spend = new SpendRepo(db);
    expect(spend.conversation('c1')).toMatchObject({ total: '0.00125415' });
    const summary = spend.summary({ todayStart: 0, weekStart: 0, monthStart: 0, dayStarts: [0, 86_400_000] });
    expect(summary).toMatchObject({ allTime: '0.50125415', entries: 5, month: '0.50125415' });
    db.close();
  });
});
