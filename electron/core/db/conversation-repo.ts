// Core: conversations in the history database. Deleting one removes its messages but never its spend ledger rows.

import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { ConversationSettings } from '../../../shared/conversation-settings';
import type { Conversation } from '../../../shared/domain';
import { AppFailure } from '../../../shared/result';
import { defaultConversationTitle } from '../../../shared/title';
import { settingsFromJson, settingsToJson } from './settings-json';
import { guardStorage } from './storage-error';

/** A conversations row as the repositories read it. */
export interface ConversationRow {
  id: string;
  title: string;
  model: string;
  created_at: number;
  updated_at: number;
  max_output_tokens: number | null;
  pinned_at: number | null;
  settings_json: string | null;
  /** The compare this conversation is a column of, unless it was continued on its own (migration 0110). */
  compare_id: string | null;
}

export interface RepoOptions {
  /** Injected so tests can control ordering; milliseconds since the epoch. */
  now?: () => number;
  newId?: () => string;
}

const toConversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  title: row.title,
  model: row.model,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  maxOutputTokens: row.max_output_tokens,
  pinned: row.pinned_at !== null,
  // A stored value that no longer passes the schema counts as nothing set, rather than hiding the conversation.
  settings: settingsFromJson(row.settings_json) ?? {},
  // Only on a compare's columns, so an ordinary conversation reads exactly as before.
  ...(row.compare_id === null ? {} : { compareId: row.compare_id }),
});

// A compare's column is listed under its compare, not as a conversation of its own (one indexed lookup per row).
const columns = `id, title, model, created_at, updated_at, max_output_tokens, pinned_at, settings_json,
  (SELECT compare_id FROM compare_columns WHERE conversation_id = conversations.id AND continued_at IS NULL)
    AS compare_id`;
/** A deleted conversation waits out its undo time invisible to every read and write but restore and purge. */
const live = 'deleted_at IS NULL';

const notFound = (id: string) =>
  new AppFailure({ code: 'not_found', message: `Conversation ${id} does not exist (it may have been deleted).` });

export class ConversationRepo {
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly file: string;
  private readonly statements: {
    list: Statement<[], ConversationRow>;
    get: Statement<[string], ConversationRow>;
    insert: Statement<[Omit<ConversationRow, 'pinned_at' | 'compare_id'>]>;
    rename: Statement<[{ id: string; title: string }]>;
    setModel: Statement<[{ id: string; model: string }]>;
    setMaxOutput: Statement<[{ id: string; max: number | null }]>;
    setSettings: Statement<[{ id: string; settings_json: string | null }]>;
    setLeaf: Statement<[{ id: string; leaf: string }]>;
    touch: Statement<[{ id: string; now: number }]>;
    delete: Statement<[string]>;
    setPinned: Statement<[{ id: string; pinned_at: number | null }]>;
    markDeleted: Statement<[{ id: string; now: number }]>;
    restore: Statement<[string]>;
    purgeDeleted: Statement<[{ before: number }]>;
    deleteAll: Statement<[]>;
  };

  constructor(db: Database, options: RepoOptions = {}) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.file = db.name;
    this.statements = guardStorage(this.file, () => ({
      // created_at and id break ties so the order is stable when two conversations share a millisecond.
      // Pinned first, then newest activity; the order of the conversations_sidebar index, so nothing is sorted.
      list: db.prepare<[], ConversationRow>(
        `SELECT ${columns} FROM conversations WHERE ${live}
         ORDER BY (pinned_at IS NULL), updated_at DESC, created_at DESC, id`,
      ),
      get: db.prepare<[string], ConversationRow>(`SELECT ${columns} FROM conversations WHERE id = ? AND ${live}`),
      insert: db.prepare<[Omit<ConversationRow, 'pinned_at' | 'compare_id'>]>(
        `INSERT INTO conversations (id, title, model, created_at, updated_at, max_output_tokens, settings_json)
         VALUES (@id, @title, @model, @created_at, @updated_at, @max_output_tokens, @settings_json)`,
      ),
      // Renaming or switching model is not activity, so neither moves the conversation up the list.
      rename: db.prepare<{ id: string; title: string }>(
        `UPDATE conversations SET title = @title WHERE id = @id AND ${live}`,
      ),
      setModel: db.prepare<{ id: string; model: string }>(
        `UPDATE conversations SET model = @model WHERE id = @id AND ${live}`,
      ),
      setMaxOutput: db.prepare<{ id: string; max: number | null }>(
        `UPDATE conversations SET max_output_tokens = @max WHERE id = @id AND ${live}`,
      ),
      // Settings shape the next turn; changing them is not activity either.
      setSettings: db.prepare<{ id: string; settings_json: string | null }>(
        `UPDATE conversations SET settings_json = @settings_json WHERE id = @id AND ${live}`,
      ),
      // Flipping versions is looking, not activity: the list order stays.
      setLeaf: db.prepare<{ id: string; leaf: string }>(
        `UPDATE conversations SET current_leaf_id = @leaf WHERE id = @id AND ${live}`,
      ),
      touch: db.prepare<{ id: string; now: number }>(
        `UPDATE conversations SET updated_at = max(updated_at, @now) WHERE id = @id AND ${live}`,
      ),
      delete: db.prepare<[string]>('DELETE FROM conversations WHERE id = ?'),
      // Pinning is organising, not activity: updated_at stays.
      setPinned: db.prepare<{ id: string; pinned_at: number | null }>(
        `UPDATE conversations SET pinned_at = @pinned_at WHERE id = @id AND ${live}`,
      ),
      markDeleted: db.prepare<{ id: string; now: number }>(
        `UPDATE conversations SET deleted_at = @now WHERE id = @id AND ${live}`,
      ),
      restore: db.prepare<[string]>(
        'UPDATE conversations SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL',
      ),
      purgeDeleted: db.prepare<{ before: number }>('DELETE FROM conversations WHERE deleted_at <= @before'),
      deleteAll: db.prepare<[]>('DELETE FROM conversations'),
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

  /** `settings`: the conversation's own fields from the start (a preset); omitted = none. */
  create(input: { model: string; title?: string; settings?: ConversationSettings }): Conversation {
    return guardStorage(this.file, () => {
      const now = this.now();
      const row: ConversationRow = {
        id: this.newId(),
        title: input.title?.trim() || defaultConversationTitle,
        model: input.model,
        created_at: now,
        updated_at: now,
        max_output_tokens: null,
        pinned_at: null,
        settings_json: settingsToJson(input.settings ?? null),
        compare_id: null,
      };
      const { pinned_at: _unpinned, compare_id: _alone, ...insert } = row;
      this.statements.insert.run(insert);
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

  /** Replaces the conversation's own settings; `{}` leaves every field to the defaults. */
  setSettings(id: string, settings: ConversationSettings): Conversation {
    return this.updateOne(
      id,
      () => this.statements.setSettings.run({ id, settings_json: settingsToJson(settings) }).changes,
    );
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

  setPinned(id: string, pinned: boolean): Conversation {
    return this.updateOne(
      id,
      () => this.statements.setPinned.run({ id, pinned_at: pinned ? this.now() : null }).changes,
    );
  }

  /** Hides the conversation, messages and all, until `restore` or `purgeDeleted`; false when it was not there. */
  markDeleted(id: string): boolean {
    return guardStorage(this.file, () => this.statements.markDeleted.run({ id, now: this.now() }).changes > 0);
  }

  /** Undoes `markDeleted`; null when the conversation was never deleted, or is gone for good. */
  restore(id: string): Conversation | null {
    return guardStorage(this.file, () => (this.statements.restore.run(id).changes > 0 ? this.get(id) : null));
  }

  /** Removes for good what was deleted at or before `before` (milliseconds since the epoch); returns how many. */
  purgeDeleted(before: number): number {
    return guardStorage(this.file, () => this.statements.purgeDeleted.run({ before }).changes);
  }

  /** Every conversation and its messages and drafts; the spend ledger stays. Returns how many conversations. */
  deleteAll(): number {
    return guardStorage(this.file, () => this.statements.deleteAll.run().changes);
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
