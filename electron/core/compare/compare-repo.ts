// Core: the compares table (migration 0110) — which conversations form a compare, in which order, for which model.
// The columns' threads are ordinary conversations; nothing here reads or writes a message.

import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Compare, CompareColumn, CompareMergeLink } from '../../../shared/compare';
import { guardStorage } from '../db/storage-error';
import { CompareMergesRepo } from './compare-merges-repo';

interface CompareRow {
  id: string;
  title: string;
  created_at: number;
  /** The newest of the compare's own time and its live columns' activity. */
  updated_at: number;
}

interface ColumnRow {
  conversation_id: string;
  compare_id: string;
  position: number;
  model: string;
  continued_at: number | null;
}

const toColumn = (row: ColumnRow): CompareColumn => ({
  conversationId: row.conversation_id,
  model: row.model,
  position: row.position,
  continuedAt: row.continued_at,
});

// A column whose conversation waits out its undo time (deleted) is not shown; one deleted for good is gone (cascade).
const liveColumns = `SELECT cc.* FROM compare_columns cc JOIN conversations c ON c.id = cc.conversation_id
  WHERE c.deleted_at IS NULL`;
const withActivity = `SELECT p.id, p.title, p.created_at,
    max(p.updated_at, coalesce((SELECT max(c.updated_at) FROM compare_columns cc
      JOIN conversations c ON c.id = cc.conversation_id WHERE cc.compare_id = p.id AND c.deleted_at IS NULL), 0))
    AS updated_at
  FROM compares p`;

export interface RepoOptions {
  now?: () => number;
  newId?: () => string;
}

export class CompareRepo {
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly file: string;
  private readonly statements: {
    list: Statement<[], CompareRow>;
    get: Statement<[string], CompareRow>;
    columns: Statement<[string], ColumnRow>;
    allColumns: Statement<[], ColumnRow>;
    column: Statement<[string], ColumnRow>;
    insert: Statement<[CompareRow]>;
    insertColumn: Statement<[ColumnRow]>;
    continueColumn: Statement<{ conversation_id: string; now: number }>;
    dropColumn: Statement<[string]>;
    delete: Statement<[string]>;
    rename: Statement<{ id: string; title: string }>;
    shown: Statement<[string], { id: string }>;
    exists: Statement<[string], { id: string }>;
  };
  /** Merge's conversations, linked to the compare they came from. */
  private readonly merges: CompareMergesRepo;
  private readonly createTx: (compare: CompareRow, columns: ColumnRow[]) => void;
  private readonly restoreTx: (compare: Compare) => void;

  constructor(db: Database, options: RepoOptions = {}) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.file = db.name;
    this.statements = guardStorage(this.file, () => ({
      list: db.prepare<[], CompareRow>(`${withActivity} ORDER BY updated_at DESC, p.created_at DESC, p.id`),
      get: db.prepare<[string], CompareRow>(`${withActivity} WHERE p.id = ?`),
      columns: db.prepare<[string], ColumnRow>(`${liveColumns} AND cc.compare_id = ? ORDER BY cc.position`),
      allColumns: db.prepare<[], ColumnRow>(`${liveColumns} ORDER BY cc.compare_id, cc.position`),
      column: db.prepare<[string], ColumnRow>('SELECT * FROM compare_columns WHERE conversation_id = ?'),
      insert: db.prepare<[CompareRow]>(
        'INSERT INTO compares (id, title, created_at, updated_at) VALUES (@id, @title, @created_at, @updated_at)',
      ),
      insertColumn: db.prepare<[ColumnRow]>(
        `INSERT INTO compare_columns (conversation_id, compare_id, position, model, continued_at)
         VALUES (@conversation_id, @compare_id, @position, @model, @continued_at)`,
      ),
      continueColumn: db.prepare<{ conversation_id: string; now: number }>(
        `UPDATE compare_columns SET continued_at = @now WHERE conversation_id = @conversation_id
         AND continued_at IS NULL`,
      ),
      dropColumn: db.prepare<[string]>('DELETE FROM compare_columns WHERE conversation_id = ?'),
      delete: db.prepare<[string]>('DELETE FROM compares WHERE id = ?'),
      rename: db.prepare<{ id: string; title: string }>('UPDATE compares SET title = @title WHERE id = @id'),
      shown: db.prepare<[string], { id: string }>('SELECT id FROM conversations WHERE id = ? AND deleted_at IS NULL'),
      exists: db.prepare<[string], { id: string }>('SELECT id FROM conversations WHERE id = ?'),
    }));
    this.merges = new CompareMergesRepo(db);
    this.createTx = db.transaction((compare: CompareRow, columns: ColumnRow[]) => {
      this.statements.insert.run(compare);
      for (const column of columns) this.statements.insertColumn.run(column);
    });
    this.restoreTx = db.transaction((compare: Compare) => {
      this.statements.insert.run({
        id: compare.id,
        title: compare.title,
        created_at: compare.createdAt,
        updated_at: compare.createdAt,
      });
      for (const column of compare.columns) {
        if (this.statements.exists.get(column.conversationId) === undefined) continue;
        this.statements.insertColumn.run({
          conversation_id: column.conversationId,
          compare_id: compare.id,
          position: column.position,
          model: column.model,
          continued_at: column.continuedAt,
        });
      }
    });
  }

  /** Records a compare over conversations already created, in the order given. */
  create(title: string, columns: { conversationId: string; model: string }[]): Compare {
    return guardStorage(this.file, () => {
      const now = this.now();
      const row: CompareRow = { id: this.newId(), title, created_at: now, updated_at: now };
      this.createTx(
        row,
        columns.map((column, position) => ({
          conversation_id: column.conversationId,
          compare_id: row.id,
          position,
          model: column.model,
          continued_at: null,
        })),
      );
      return this.get(row.id) as Compare;
    });
  }

  /** Newest activity first, each with its columns. */
  list(): Compare[] {
    return guardStorage(this.file, () => {
      const byCompare = new Map<string, CompareColumn[]>();
      for (const row of this.statements.allColumns.all()) {
        const list = byCompare.get(row.compare_id) ?? [];
        list.push(toColumn(row));
        byCompare.set(row.compare_id, list);
      }
      const merged = new Map<string, string[]>();
      for (const link of this.merges.read()) {
        if (!this.isShown(link.conversationId)) continue;
        merged.set(link.compareId, [...(merged.get(link.compareId) ?? []), link.conversationId]);
      }
      return this.statements.list
        .all()
        .map((row) => toCompare(row, byCompare.get(row.id) ?? [], merged.get(row.id) ?? []));
    });
  }

  get(id: string): Compare | null {
    return guardStorage(this.file, () => {
      const row = this.statements.get.get(id);
      if (!row) return null;
      const merged = this.merges
        .of(id)
        .map((link) => link.conversationId)
        .filter((conversationId) => this.isShown(conversationId));
      return toCompare(row, this.statements.columns.all(id).map(toColumn), merged);
    });
  }

  /** Its title (the columns' conversations keep theirs: each was named when it started). */
  rename(id: string, title: string): Compare | null {
    return guardStorage(this.file, () => {
      this.statements.rename.run({ id, title });
      return this.get(id);
    });
  }

  /** Links a conversation Merge started to the compare it merged. */
  addMerge(compareId: string, conversationId: string): void {
    guardStorage(this.file, () =>
      this.merges.add({ compareId, conversationId }, (id) => this.statements.exists.get(id) !== undefined),
    );
  }

  /**
   * Puts a deleted compare back as it was (same id, title, times, column order and Merge links), for its columns
   * whose conversations are still there; an Undo restores those conversations first.
   */
  restore(compare: Compare, links: readonly CompareMergeLink[]): Compare | null {
    return guardStorage(this.file, () => {
      this.restoreTx(compare);
      this.merges.restore(links);
      return this.get(compare.id);
    });
  }

  /** Deletes the record (see `delete`) and answers its Merge links, which an Undo puts back. */
  deleteWithLinks(id: string): { deleted: boolean; links: CompareMergeLink[] } {
    return guardStorage(this.file, () => ({ deleted: this.delete(id), links: this.merges.removeCompare(id) }));
  }

  private isShown(conversationId: string): boolean {
    return this.statements.shown.get(conversationId) !== undefined;
  }

  /** The compare a conversation is (or was) a column of. */
  columnOf(conversationId: string): (CompareColumn & { compareId: string }) | null {
    return guardStorage(this.file, () => {
      const row = this.statements.column.get(conversationId);
      return row ? { ...toColumn(row), compareId: row.compare_id } : null;
    });
  }

  /** Adds a column at the right end. */
  addColumn(compareId: string, conversationId: string, model: string): void {
    guardStorage(this.file, () => {
      const last = this.statements.columns.all(compareId).at(-1);
      this.statements.insertColumn.run({
        conversation_id: conversationId,
        compare_id: compareId,
        position: last ? last.position + 1 : 0,
        model,
        continued_at: null,
      });
    });
  }

  /** False when the column was already continued (or is not one). */
  markContinued(conversationId: string): boolean {
    return guardStorage(
      this.file,
      () => this.statements.continueColumn.run({ conversation_id: conversationId, now: this.now() }).changes > 0,
    );
  }

  dropColumn(conversationId: string): void {
    guardStorage(this.file, () => this.statements.dropColumn.run(conversationId));
  }

  /** The record only; its columns' conversations are the caller's to delete. */
  delete(id: string): boolean {
    return guardStorage(this.file, () => this.statements.delete.run(id).changes > 0);
  }
}

const toCompare = (row: CompareRow, columns: CompareColumn[], merges: string[]): Compare => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  columns,
  merges,
});
