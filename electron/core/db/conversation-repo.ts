// Core: conversations in the history database. Deleting one removes its messages but never its spend ledger rows.

import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Conversation } from '../../../shared/domain';
import { AppFailure } from '../../../shared/result';
import { guardStorage } from './storage-error';

interface ConversationRow {
  id: string;
  title: string;
  model: string;
  created_at: number;
  updated_at: number;
  max_output_tokens: number | null;
}

export interface RepoOptions {
  /** Injected so tests can control ordering; milliseconds since the epoch. */
  now?: () => number;
  newId?: () => string;
}

export const defaultConversationTitle = 'New chat';

const toConversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  title: row.title,
  model: row.model,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  maxOutputTokens: row.max_output_tokens,
});

const columns = 'id, title, model, created_at, updated_at, max_output_tokens';

const notFound = (id: string) =>
  new AppFailure({ code: 'not_found', message: `Conversation ${id} does not exist (it may have been deleted).` });

export class ConversationRepo {
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly file: string;
  private readonly statements: {
    list: Statement<[], ConversationRow>;
    get: Statement<[string], ConversationRow>;
    insert: Statement<[ConversationRow]>;
    rename: Statement<[{ id: string; title: string }]>;
    setModel: Statement<[{ id: string; model: string }]>;
    setMaxOutput: Statement<[{ id: string; max: number | null }]>;
    setLeaf: Statement<[{ id: string; leaf: string }]>;
    touch: Statement<[{ id: string; now: number }]>;
    delete: Statement<[string]>;
  };

  constructor(db: Database, options: RepoOptions = {}) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.file = db.name;
    this.statements = guardStorage(this.file, () => ({
      // created_at and id break ties so the order is stable when two conversations share a millisecond.
      list: db.prepare<[], ConversationRow>(
        `SELECT ${columns} FROM conversations ORDER BY updated_at DESC, created_at DESC, id`,
      ),
      get: db.prepare<[string], ConversationRow>(`SELECT ${columns} FROM conversations WHERE id = ?`),
      insert: db.prepare<[ConversationRow]>(
        `INSERT INTO conversations (id, title, model, created_at, updated_at, max_output_tokens)
         VALUES (@id, @title, @model, @created_at, @updated_at, @max_output_tokens)`,
      ),
      // Renaming or switching model is not activity, so neither moves the conversation up the list.
      rename: db.prepare<{ id: string; title: string }>('UPDATE conversations SET title = @title WHERE id = @id'),
      setModel: db.prepare<{ id: string; model: string }>('UPDATE conversations SET model = @model WHERE id = @id'),
      setMaxOutput: db.prepare<{ id: string; max: number | null }>(
        'UPDATE conversations SET max_output_tokens = @max WHERE id = @id',
      ),
      // Flipping versions is looking, not activity: the list order stays.
      setLeaf: db.prepare<{ id: string; leaf: string }>(
        'UPDATE conversations SET current_leaf_id = @leaf WHERE id = @id',
      ),
      touch: db.prepare<{ id: string; now: number }>(
        'UPDATE conversations SET updated_at = max(updated_at, @now) WHERE id = @id',
      ),
      delete: db.prepare<[string]>('DELETE FROM conversations WHERE id = ?'),
    }));
  }

  /** Most recently active first. */
  list(): Conversation[] {
    return guardStorage(this.file, () => this.statements.list.all().map(toConversation));
  }

  get(id: string): Conversation | null {
    return guardStorage(this.file, () => {
      const row = this.statements.get.get(id);
      return row ? toConversation(row) : null;
    });
  }

  create(input: { model: string; title?: string }): Conversation {
    return guardStorage(this.file, () => {
      const now = this.now();
      const row: ConversationRow = {
        id: this.newId(),
        title: input.title?.trim() || defaultConversationTitle,
        model: input.model,
        created_at: now,
        updated_at: now,
        max_output_tokens: null,
      };
      this.statements.insert.run(row);
      return toConversation(row);
    });
  }

  rename(id: string, title: string): Conversation {
    return this.updateOne(id, () => this.statements.rename.run({ id, title }).changes);
  }

  setModel(id: string, model: string): Conversation {
    return this.updateOne(id, () => this.statements.setModel.run({ id, model }).changes);
  }

  /** null = automatic. */
  setMaxOutput(id: string, maxOutputTokens: number | null): Conversation {
    return this.updateOne(id, () => this.statements.setMaxOutput.run({ id, max: maxOutputTokens }).changes);
  }

  /** Makes `leafId` the end of the thread the conversation shows and continues from. */
  setCurrentLeaf(id: string, leafId: string): Conversation {
    return this.updateOne(id, () => this.statements.setLeaf.run({ id, leaf: leafId }).changes);
  }

  /** Marks activity now; never moves updated_at backwards if the clock does. */
  touch(id: string): Conversation {
    return this.updateOne(id, () => this.statements.touch.run({ id, now: this.now() }).changes);
  }

  /** Returns false when there was nothing to delete, so a repeated delete is harmless. */
  delete(id: string): boolean {
    return guardStorage(this.file, () => this.statements.delete.run(id).changes > 0);
  }

  private updateOne(id: string, update: () => number): Conversation {
    return guardStorage(this.file, () => {
      if (update() === 0) throw notFound(id);
      const row = this.statements.get.get(id);
      if (!row) throw notFound(id);
      return toConversation(row);
    });
  }
}
