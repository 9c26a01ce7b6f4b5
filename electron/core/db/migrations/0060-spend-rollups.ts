// Core: the Spend view and a conversation's total read small roll-ups instead of walking every ledger row or
// message. Triggers keep them, so every writer (the message repository, a settlement, an orphan's charge, a clear)
// keeps them exact without knowing they exist; sums stay INTEGER picodollars, so a roll-up equals its rows' sum.
//
// The ledger is bucketed by UTC hour, not by day: the person's days start at their own local midnight, which the
// core never knows (the renderer sends the instants). A range sum adds the whole hours inside it from the roll-up
// and reads only the ledger rows of its partial first and last hour (spend-repo.ts), so any boundaries — a zone
// 5:30 or 5:45 off UTC, a clock change — give the same figure the ledger gives.

import type { Migration } from './migration';

/** One hour in ms: the ledger roll-up's bucket. spend-repo.ts reads the same constant. */
export const spendBucketMs = 3_600_000;

/** The bucket of a created_at (ms), floored also before 1970 (SQLite's integer division truncates toward zero). */
const bucketOf = (column: string) =>
  `(CASE WHEN ${column} >= 0 THEN ${column} / ${spendBucketMs} ELSE (${column} + 1) / ${spendBucketMs} - 1 END)`;

/**
 * Adds a ledger row to (sign +1) or takes it from (-1) every roll-up. A roll-up row reaching 0 entries is removed,
 * so a model or conversation with no charges left is not listed. `IS` matches a NULL model or conversation too.
 */
function ledgerRollupSteps(row: 'new' | 'old', sign: '+' | '-'): string {
  const steps: [table: string, key: string, value: string][] = [
    ['spend_hourly', 'hour', bucketOf(`${row}.created_at`)],
    ['spend_by_model', 'model', `${row}.model`],
    ['spend_by_conversation', 'conversation_id', `${row}.conversation_id`],
  ];
  return steps
    .map(([table, key, value]) =>
      sign === '+'
        ? `INSERT INTO ${table} (${key}, total, entries)
             SELECT ${value}, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE ${key} IS ${value});
           UPDATE ${table} SET total = total + ${row}.cost_pico, entries = entries + 1 WHERE ${key} IS ${value};`
        : `UPDATE ${table} SET total = total - ${row}.cost_pico, entries = entries - 1 WHERE ${key} IS ${value};
           DELETE FROM ${table} WHERE ${key} IS ${value} AND entries = 0;`,
    )
    .join('\n');
}

export const spendRollupsMigration: Migration = {
  version: 60,
  name: 'spend-rollups',
  up(db) {
    db.exec(`
      CREATE TABLE spend_hourly (
        hour INTEGER PRIMARY KEY,
        total INTEGER NOT NULL,
        entries INTEGER NOT NULL
      ) STRICT;

      -- Not PRIMARY KEYs: a NULL model or conversation is a key of its own, which the triggers find with IS.
      CREATE TABLE spend_by_model (
        model TEXT,
        total INTEGER NOT NULL,
        entries INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX spend_by_model_key ON spend_by_model (model);

      CREATE TABLE spend_by_conversation (
        conversation_id TEXT,
        total INTEGER NOT NULL,
        entries INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX spend_by_conversation_key ON spend_by_conversation (conversation_id);
      -- The breakdown's order, so the 50 largest are the first 50 index entries.
      CREATE INDEX spend_by_conversation_largest ON spend_by_conversation (total DESC, conversation_id);

      -- The GROUP BYs these served now read the roll-ups; the (created_at, cost_pico) index stays for partial hours.
      DROP INDEX spend_ledger_by_model;
      DROP INDEX spend_ledger_by_conversation;

      INSERT INTO spend_hourly (hour, total, entries)
        SELECT ${bucketOf('created_at')}, sum(cost_pico), count(*) FROM spend_ledger GROUP BY 1;
      INSERT INTO spend_by_model (model, total, entries)
        SELECT model, sum(cost_pico), count(*) FROM spend_ledger GROUP BY model;
      INSERT INTO spend_by_conversation (conversation_id, total, entries)
        SELECT conversation_id, sum(cost_pico), count(*) FROM spend_ledger GROUP BY conversation_id;

      CREATE TRIGGER spend_ledger_rollup_insert AFTER INSERT ON spend_ledger BEGIN
        ${ledgerRollupSteps('new', '+')}
      END;
      CREATE TRIGGER spend_ledger_rollup_delete AFTER DELETE ON spend_ledger BEGIN
        ${ledgerRollupSteps('old', '-')}
      END;
      CREATE TRIGGER spend_ledger_rollup_update AFTER UPDATE OF cost_pico, created_at, model, conversation_id
      ON spend_ledger BEGIN
        ${ledgerRollupSteps('old', '-')}
        ${ledgerRollupSteps('new', '+')}
      END;

      -- A conversation's replies: the exact sum of their recorded costs, and how many messages were added beside
      -- a sibling (a version: an edit, a regeneration). With none, the conversation is one chain, and when its
      -- current leaf has no children the visible thread is every message: its total is this total, no walk.
      -- Messages are removed only with their conversation (and its subtree), never moved to another parent.
      CREATE TABLE conversation_costs (
        conversation_id TEXT PRIMARY KEY NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        total INTEGER NOT NULL DEFAULT 0,
        versions INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      INSERT INTO conversation_costs (conversation_id, total, versions)
        SELECT c.id,
               (SELECT coalesce(sum(m.cost_pico), 0) FROM messages m WHERE m.conversation_id = c.id),
               (SELECT count(*) - count(DISTINCT coalesce(m.parent_id, '')) FROM messages m
                WHERE m.conversation_id = c.id)
        FROM conversations c;

      CREATE TRIGGER conversation_costs_insert AFTER INSERT ON messages BEGIN
        INSERT OR IGNORE INTO conversation_costs (conversation_id) VALUES (new.conversation_id);
        UPDATE conversation_costs SET
          total = total + coalesce(new.cost_pico, 0),
          versions = versions + EXISTS (
            SELECT 1 FROM messages s
            WHERE s.conversation_id = new.conversation_id AND s.parent_id IS new.parent_id AND s.row_id <> new.row_id
          )
        WHERE conversation_id = new.conversation_id;
      END;

      CREATE TRIGGER conversation_costs_cost AFTER UPDATE OF cost_pico ON messages
      WHEN new.cost_pico IS NOT old.cost_pico BEGIN
        UPDATE conversation_costs SET total = total - coalesce(old.cost_pico, 0) + coalesce(new.cost_pico, 0)
        WHERE conversation_id = new.conversation_id;
      END;

      CREATE TRIGGER conversation_costs_delete AFTER DELETE ON messages BEGIN
        UPDATE conversation_costs SET
          total = total - coalesce(old.cost_pico, 0),
          versions = versions - EXISTS (
            SELECT 1 FROM messages s WHERE s.conversation_id = old.conversation_id AND s.parent_id IS old.parent_id
          )
        WHERE conversation_id = old.conversation_id;
      END;

      -- "cost pending" in the header counts only these rows.
      CREATE INDEX messages_cost_pending ON messages (conversation_id) WHERE cost_status = 'pending';
      -- The conversation total now reads conversation_costs.
      DROP INDEX messages_cost_by_conversation;
    `);
  },
};
