// Core: costs become exact. Every figure moves from a REAL of USD to an INTEGER of picodollars (1e-12 USD), so sums
// in SQL are exact; a reply remembers whether its cost is still being settled (or was only ever estimated); a
// settlement still owed survives a quit or crash; the ledger keeps provider, BYOK and token detail; and the person's
// monthly budget has a home.

import type { Database } from 'better-sqlite3';
import { toPico } from '../../../../shared/money';
import type { Migration } from './migration';

/** Old REAL figures were written from OpenRouter's JSON numbers, so their shortest decimal form is the figure. */
function backfillPico(db: Database, table: 'messages' | 'spend_ledger', key: 'row_id' | 'id'): void {
  const rows = db
    .prepare(`SELECT ${key} AS rowKey, cost_usd AS cost FROM ${table} WHERE cost_usd IS NOT NULL`)
    .all() as { rowKey: number; cost: number }[];
  const update = db.prepare(`UPDATE ${table} SET cost_pico = ? WHERE ${key} = ?`);
  for (const row of rows) update.run(toPico(row.cost) ?? 0n, row.rowKey);
}

export const spendMigration: Migration = {
  version: 40,
  name: 'spend',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN cost_pico INTEGER;
      -- 'pending': OpenRouter is still settling the cost; 'estimated': it never did, estimate_pico is our guess.
      ALTER TABLE messages ADD COLUMN cost_status TEXT CHECK (cost_status IN ('pending', 'estimated'));
      ALTER TABLE messages ADD COLUMN estimate_pico INTEGER;

      ALTER TABLE spend_ledger ADD COLUMN cost_pico INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE spend_ledger ADD COLUMN provider TEXT;
      ALTER TABLE spend_ledger ADD COLUMN is_byok INTEGER CHECK (is_byok IN (0, 1));
      ALTER TABLE spend_ledger ADD COLUMN reasoning_tokens INTEGER;
      ALTER TABLE spend_ledger ADD COLUMN cached_tokens INTEGER;
    `);
    backfillPico(db, 'messages', 'row_id');
    backfillPico(db, 'spend_ledger', 'id');
    db.exec(`
      ALTER TABLE messages DROP COLUMN cost_usd;
      ALTER TABLE spend_ledger DROP COLUMN cost_usd;

      -- A conversation's total reads only this index (bench: 10,000 messages in well under 5 ms).
      CREATE INDEX messages_cost_by_conversation ON messages (conversation_id, cost_pico) WHERE cost_pico IS NOT NULL;

      -- The Spend view's queries each read one covering index instead of the table.
      DROP INDEX spend_ledger_by_created;
      CREATE INDEX spend_ledger_by_created ON spend_ledger (created_at, cost_pico);
      CREATE INDEX spend_ledger_by_model ON spend_ledger (model, cost_pico);
      CREATE INDEX spend_ledger_by_conversation ON spend_ledger (conversation_id, cost_pico);

      -- A cost lookup still owed (a stopped, failed, interrupted or cost-less reply). Written as soon as the
      -- generation id is known, so a crash mid-reply still leaves it; removed once the cost is on record. No
      -- foreign keys: the charge is owed even if the conversation is deleted meanwhile.
      CREATE TABLE pending_settlements (
        generation_id TEXT PRIMARY KEY NOT NULL,
        message_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        model TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- The person's spending settings: monthly_budget_usd, budget_warned_month, key_limit_warned_month.
      CREATE TABLE spend_settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
