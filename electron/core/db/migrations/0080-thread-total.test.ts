import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SpendRepo } from '../../cost/spend-repo';
import { migrate } from '../migrate';
import { allMigrations } from './index';

const upTo = (version: number) => allMigrations.filter((step) => step.version <= version);

describe('migration 80: thread total', () => {
  it('leaves the thread total of a schema-70 history unknown, so the first read walks it once, then keeps it', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(70));
    const conversation = db.prepare(
      "INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES (?, 'T', 'm/m', 1, 1)",
    );
    const message = db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, cost_pico, created_at,
         updated_at)
       VALUES (?, ?, ?, ?, ?, 'text', 'complete', ?, 1, 1)`,
    );
    const leaf = db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?');
    // c1: one chain. c2: a regenerated reply, the second version on screen.
    conversation.run('c1');
    message.run('u1', 'c1', null, 1, 'user', null);
    message.run('a1', 'c1', 'u1', 2, 'assistant', 5n);
    message.run('u2', 'c1', 'a1', 3, 'user', null);
    message.run('a2', 'c1', 'u2', 4, 'assistant', 7n);
    leaf.run('a2', 'c1');
    conversation.run('c2');
    message.run('v1', 'c2', null, 1, 'user', null);
    message.run('b1', 'c2', 'v1', 2, 'assistant', 3n);
    message.run('b2', 'c2', 'v1', 3, 'assistant', 4n);
    leaf.run('b2', 'c2');

    expect(migrate(db, upTo(80)).applied).toEqual(['80-thread-total']);
    const kept = () =>
      db
        .prepare(
          'SELECT conversation_id AS id, total, thread_leaf AS leaf, thread_total AS thread FROM conversation_costs ORDER BY 1',
        )
        .safeIntegers(true)
        .all();
    expect(kept()).toEqual([
      { id: 'c1', total: 12n, leaf: null, thread: null },
      { id: 'c2', total: 7n, leaf: null, thread: null },
    ]);

    migrate(db);
    const spend = new SpendRepo(db);
    expect(spend.conversation('c1')).toEqual({ total: '0.000000000012', thread: '0.000000000012', pending: 0 });
    expect(spend.conversation('c2')).toEqual({ total: '0.000000000007', thread: '0.000000000004', pending: 0 });
    expect(kept()).toEqual([
      { id: 'c1', total: 12n, leaf: 'a2', thread: 12n },
      { id: 'c2', total: 7n, leaf: 'b2', thread: 4n },
    ]);

    // The next turn below the kept leaf extends the kept figure; no walk needed.
    message.run('u3', 'c2', 'b2', 4, 'user', null);
    leaf.run('u3', 'c2');
    message.run('b3', 'c2', 'u3', 5, 'assistant', null);
    leaf.run('b3', 'c2');
    db.prepare("UPDATE messages SET cost_pico = 20 WHERE id = 'b3'").run();
    expect(kept()[1]).toEqual({ id: 'c2', total: 27n, leaf: 'b3', thread: 24n });
    // A message that arrives with its cost (as an import writes it) adds that cost as the leaf moves to it.
    message.run('u4', 'c2', 'b3', 6, 'user', 2n);
    leaf.run('u4', 'c2');
    expect(kept()[1]).toEqual({ id: 'c2', total: 29n, leaf: 'u4', thread: 26n });
    // Choosing the other version forgets the figure until the next read walks it.
    leaf.run('b1', 'c2');
    expect(kept()[1]).toEqual({ id: 'c2', total: 29n, leaf: null, thread: null });
    expect(spend.conversation('c2').thread).toBe('0.000000000003');
    db.close();
  });
});
