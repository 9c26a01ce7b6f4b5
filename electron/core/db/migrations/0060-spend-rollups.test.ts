import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { expectRollupsExact } from '../../test-support/spend-rollups';
import { SpendRepo } from '../../cost/spend-repo';
import { migrate } from '../migrate';
import { allMigrations } from './index';

describe('migration 60: spend roll-ups', () => {
  it('back-fills every roll-up from the ledger and the messages already stored, then keeps them', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      allMigrations.filter((m) => m.version < 60),
    );
    db.prepare(
      "INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES ('c1', 'T', 'm/m', 1, 1)",
    ).run();
    const message = db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, cost_pico, created_at,
         updated_at)
       VALUES (?, 'c1', ?, ?, ?, 'text', 'complete', ?, 1, 1)`,
    );
    message.run('u1', null, 1, 'user', null);
    message.run('a1', 'u1', 2, 'assistant', 5n);
    message.run('a2', 'u1', 3, 'assistant', 7n);
    db.prepare("UPDATE conversations SET current_leaf_id = 'a2' WHERE id = 'c1'").run();
    const ledger = db.prepare(
      'INSERT INTO spend_ledger (message_id, conversation_id, model, cost_pico, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    ledger.run('a1', 'c1', 'm/a', 5n, 3_600_000 * 10 + 5);
    ledger.run('a2', 'c1', null, 7n, 3_600_000 * 10 + 9);
    ledger.run('x', null, 'm/a', 11n, 3_600_000 * 30);
    ledger.run('y', 'gone', 'm/b', 13n, -5);

    migrate(db, allMigrations);
    expectRollupsExact(db);
    expect(new SpendRepo(db).conversation('c1')).toEqual({
      total: '0.000000000012',
      thread: '0.000000000007',
      pending: 0,
    });
    expect(db.prepare('SELECT hour FROM spend_hourly ORDER BY hour').pluck().all()).toEqual([-1, 10, 30]);

    ledger.run('z', 'c1', 'm/a', 1n, 3_600_000 * 10);
    db.prepare("DELETE FROM spend_ledger WHERE message_id = 'y'").run();
    expectRollupsExact(db);
    db.close();
  });
});
