// Test helper (Node): the spend roll-ups (migration 0060) checked against the rows they summarise.

import type { Database } from 'better-sqlite3';
import { expect } from 'vitest';

const hour = 3_600_000;

/** Every roll-up against the rows it summarises, computed the slow way in the same database. */
export function expectRollupsExact(db: Database): void {
  const rows = (sql: string) => db.prepare(sql).safeIntegers(true).all();
  expect(rows('SELECT hour, total, entries FROM spend_hourly ORDER BY hour')).toEqual(
    rows(
      `SELECT (created_at - ((created_at % ${hour}) + ${hour}) % ${hour}) / ${hour} AS hour, sum(cost_pico) AS total, count(*) AS entries FROM spend_ledger
       GROUP BY 1 ORDER BY 1`,
    ),
  );
  expect(rows('SELECT model, total, entries FROM spend_by_model ORDER BY model')).toEqual(
    rows('SELECT model, sum(cost_pico) AS total, count(*) AS entries FROM spend_ledger GROUP BY model ORDER BY model'),
  );
  expect(rows('SELECT conversation_id, total, entries FROM spend_by_conversation ORDER BY conversation_id')).toEqual(
    rows(
      `SELECT conversation_id, sum(cost_pico) AS total, count(*) AS entries FROM spend_ledger
       GROUP BY conversation_id ORDER BY conversation_id`,
    ),
  );
  expect(rows('SELECT conversation_id, total, versions FROM conversation_costs ORDER BY conversation_id')).toEqual(
    rows(
      `SELECT conversation_id, coalesce(sum(cost_pico), 0) AS total,
              count(*) - count(DISTINCT coalesce(parent_id, '')) AS versions
       FROM messages GROUP BY conversation_id ORDER BY conversation_id`,
    ),
  );
}
