// Core: cost lookups still owed, kept in the database so one cut short by a quit or crash resumes at the next start.

import type { Database, Statement } from 'better-sqlite3';
import { guardStorage } from '../db/storage-error';

export interface PendingSettlement {
  generationId: string;
  messageId: string;
  conversationId: string;
  model: string | null;
  /** Lookup rounds that ended without a figure (each round already retries OpenRouter's early 404s). */
  attempts: number;
}

interface PendingRow {
  generation_id: string;
  message_id: string;
  conversation_id: string;
  model: string | null;
  attempts: number;
}

export class SettlementRepo {
  private readonly file: string;
  private readonly statements: {
    add: Statement<[PendingRow & { now: number }]>;
    remove: Statement<[string]>;
    list: Statement<[], PendingRow>;
    bump: Statement<[string], { attempts: number }>;
    get: Statement<[string], PendingRow>;
  };

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.file = db.name;
    this.statements = guardStorage(this.file, () => ({
      add: db.prepare<PendingRow & { now: number }>(
        `INSERT INTO pending_settlements (generation_id, message_id, conversation_id, model, attempts, created_at)
         VALUES (@generation_id, @message_id, @conversation_id, @model, @attempts, @now)
         ON CONFLICT (generation_id) DO NOTHING`,
      ),
      remove: db.prepare<[string]>('DELETE FROM pending_settlements WHERE generation_id = ?'),
      list: db.prepare<[], PendingRow>(
        `SELECT generation_id, message_id, conversation_id, model, attempts FROM pending_settlements
         ORDER BY created_at`,
      ),
      bump: db.prepare<[string], { attempts: number }>(
        `UPDATE pending_settlements SET attempts = attempts + 1 WHERE generation_id = ? RETURNING attempts`,
      ),
      get: db.prepare<[string], PendingRow>(
        `SELECT generation_id, message_id, conversation_id, model, attempts FROM pending_settlements
         WHERE generation_id = ?`,
      ),
    }));
  }

  add(pending: Omit<PendingSettlement, 'attempts'>): void {
    guardStorage(this.file, () =>
      this.statements.add.run({
        generation_id: pending.generationId,
        message_id: pending.messageId,
        conversation_id: pending.conversationId,
        model: pending.model,
        attempts: 0,
        now: this.now(),
      }),
    );
  }

  remove(generationId: string): void {
    guardStorage(this.file, () => this.statements.remove.run(generationId));
  }

  get(generationId: string): PendingSettlement | null {
    return guardStorage(this.file, () => {
      const row = this.statements.get.get(generationId);
      return row ? toPending(row) : null;
    });
  }

  list(): PendingSettlement[] {
    return guardStorage(this.file, () => this.statements.list.all().map(toPending));
  }

  /** One more round without a figure; returns how many there have been. */
  failedRound(generationId: string): number {
    return guardStorage(this.file, () => this.statements.bump.get(generationId)?.attempts ?? 0);
  }
}

function toPending(row: PendingRow): PendingSettlement {
  return {
    generationId: row.generation_id,
    messageId: row.message_id,
    conversationId: row.conversation_id,
    model: row.model,
    attempts: row.attempts,
  };
}
