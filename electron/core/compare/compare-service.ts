// Core: compares as the UI manages them — start one over 2–4 models, open it with every column's thread, continue a
// column as an ordinary conversation, add or drop a column, delete it. A round is not sent here: the renderer sends
// one ordinary chat turn per column (chat:send), so every column streams, saves and bills through ChatService.

import type { Database } from 'better-sqlite3';
import type {
  Compare,
  CompareCreateInput,
  CompareMergeLink,
  CompareSet,
  CompareWithThreads,
} from '../../../shared/compare';
import type { CompareSetsRepo } from './compare-sets-repo';
import type { Conversation } from '../../../shared/domain';
import type { LibraryEvent } from '../../../shared/library';
import { AppFailure, type Result, resultOf } from '../../../shared/result';
import { deriveTitle } from '../../../shared/title';
import type { ConversationRepo } from '../db/conversation-repo';
import { type LibraryService, undoWindowMs } from '../library-service';
import type { CompareRepo } from './compare-repo';
import type { MessageRepo } from '../db/message-repo';
import { copyThread } from './thread-copy';
import { maxCompareColumns } from '../../../shared/compare';

const compareGone = () => new AppFailure({ code: 'not_found', message: 'That compare no longer exists.' });
const tooLateToRestore = () =>
  new AppFailure({ code: 'not_found', message: 'That compare can no longer be restored: it was deleted for good.' });
const notAColumn = () =>
  new AppFailure({ code: 'not_found', message: 'That conversation is not a column of a compare (any more).' });

/** A compare deleted within its undo time: what an Undo puts back. */
interface DeletedCompare {
  compare: Compare;
  links: CompareMergeLink[];
  at: number;
}

export class CompareService {
  /** Deleted compares an Undo may still restore (their columns' conversations wait out the same undo time). */
  private readonly deleted = new Map<string, DeletedCompare>();

  constructor(
    private readonly db: Database,
    private readonly compares: CompareRepo,
    private readonly conversations: ConversationRepo,
    private readonly library: LibraryService,
    private readonly emit: (event: LibraryEvent) => void = () => {},
    private readonly savedSets: CompareSetsRepo | null = null,
    /** Needed to start a column from another column's history (`addColumn`'s `from`). */
    private readonly messages: MessageRepo | null = null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Saved compare sets, in the order the person keeps them. */
  sets(): Result<CompareSet[]> {
    return resultOf(() => this.savedSets?.read() ?? []);
  }

  /** Replaces the saved sets (validated by the channel's schema); a repeated name keeps its last entry. */
  setSets(sets: CompareSet[]): Result<CompareSet[]> {
    return resultOf(() => {
      if (!this.savedSets) throw new AppFailure({ code: 'internal', message: 'Compare sets are not kept here.' });
      const byName = new Map(sets.map((set) => [set.name.trim(), { ...set, name: set.name.trim() }]));
      return this.savedSets.write([...byName.values()]);
    });
  }

  list(): Result<Compare[]> {
    return resultOf(() => this.compares.list());
  }

  /**
   * One conversation per model, each named after the first message (as a chat's first message names it), linked
   * as the compare's columns in one transaction; the renderer then sends that message to every column.
   */
  create(input: CompareCreateInput): Result<Compare> {
    const created = resultOf(() =>
      this.db.transaction(() => {
        const title = deriveTitle(input.text);
        const columns = input.models.map((model) => ({
          conversationId: this.conversations.create({ title, model }).id,
          model,
        }));
        return this.compares.create(title, columns);
      })(),
    );
    if (created.ok) for (const column of created.value.columns) this.library.announceChanged(column.conversationId);
    return created;
  }

  /** The compare and each column's thread (its last page, as a conversation opens). */
  get(id: string): Result<CompareWithThreads> {
    return resultOf(() => {
      const compare = this.compares.get(id);
      if (!compare) throw compareGone();
      const threads = compare.columns.map((column) => {
        const thread = this.library.get(column.conversationId);
        if (!thread.ok) throw new AppFailure(thread.error);
        return thread.value;
      });
      return { compare, threads };
    });
  }

  /** The column's conversation becomes an ordinary one (listed on its own); the compare keeps naming it. */
  continueColumn(conversationId: string): Result<Conversation> {
    return resultOf(() => {
      const column = this.compares.columnOf(conversationId);
      if (!column) throw notAColumn();
      this.compares.markContinued(conversationId);
      const conversation = this.conversations.get(conversationId);
      if (!conversation) throw notAColumn();
      this.emit({ type: 'changed', conversation });
      return conversation;
    });
  }

  /**
   * A new column at the right end. Without `from` it is empty and the renderer sends it the compare's first message;
   * with `from` (a live column of the same compare) it starts with a copy of that column's thread, and its model
   * answers the next round.
   */
  addColumn(compareId: string, model: string, from?: string): Result<Compare> {
    const added = resultOf(() =>
      this.db.transaction(() => {
        const compare = this.compares.get(compareId);
        if (!compare) throw compareGone();
        const live = compare.columns.filter((column) => column.continuedAt === null);
        if (live.length >= maxCompareColumns) {
          throw new AppFailure({
            code: 'invalid_input',
            message: `A compare has at most ${maxCompareColumns} columns; drop one first.`,
          });
        }
        if (from !== undefined && !live.some((column) => column.conversationId === from)) {
          throw new AppFailure({
            code: 'invalid_input',
            message: 'A new column can start only from a column of this compare that still takes rounds.',
          });
        }
        const conversation = this.conversations.create({ title: compare.title, model });
        if (from !== undefined) {
          if (!this.messages) throw new AppFailure({ code: 'internal', message: 'Threads cannot be copied here.' });
          copyThread(this.messages, from, conversation.id);
        }
        this.compares.addColumn(compareId, conversation.id, model);
        return { compare: this.compares.get(compareId) as Compare, conversationId: conversation.id };
      })(),
    );
    if (!added.ok) return added;
    this.library.announceChanged(added.value.conversationId);
    return { ok: true, value: added.value.compare };
  }

  /** Drops a column and deletes its conversation (its spending stays in the ledger, as for any deleted one). */
  dropColumn(conversationId: string): Result<Compare> {
    const column = resultOf(() => this.compares.columnOf(conversationId));
    if (!column.ok) return column;
    if (!column.value) return { ok: false, error: notAColumn().error };
    const compareId = column.value.compareId;
    const dropped = resultOf(() => {
      this.compares.dropColumn(conversationId);
      return this.compares.get(compareId);
    });
    if (!dropped.ok) return dropped;
    this.library.delete(conversationId);
    return dropped.value ? { ok: true, value: dropped.value } : { ok: false, error: compareGone().error };
  }

  /**
   * The compare and the conversations of its columns (as a conversation is deleted: hidden at once, restorable by
   * `restore` for the same undo time, gone for good after it); continued columns are ordinary conversations by now and
   * stay. Merge's conversations stay too; they no longer name the compare.
   */
  delete(id: string): Result<{ id: string }> {
    const compare = resultOf(() => this.compares.get(id));
    if (!compare.ok) return compare;
    if (!compare.value) return { ok: false, error: compareGone().error };
    for (const column of compare.value.columns) {
      if (column.continuedAt === null) this.library.delete(column.conversationId);
    }
    return resultOf(() => {
      const { links } = this.compares.deleteWithLinks(id);
      const at = this.now();
      for (const [key, kept] of this.deleted) if (at - kept.at >= undoWindowMs) this.deleted.delete(key);
      this.deleted.set(id, { compare: compare.value as Compare, links, at });
      return { id };
    });
  }

  /** Undo of `delete`, within its undo time: the compare as it was, with its columns' conversations. */
  restore(id: string): Result<Compare> {
    const kept = this.deleted.get(id);
    if (!kept || this.now() - kept.at >= undoWindowMs) return { ok: false, error: tooLateToRestore().error };
    // The record first, so each conversation comes back (and is announced) as a column, not as an ordinary one.
    const compare = resultOf(() => this.compares.restore(kept.compare, kept.links));
    if (!compare.ok) return compare;
    const restored = kept.compare.columns
      .filter((column) => column.continuedAt === null)
      .filter((column) => this.library.restore(column.conversationId).ok);
    if (restored.length === 0) {
      resultOf(() => this.compares.delete(id));
      return { ok: false, error: tooLateToRestore().error };
    }
    this.deleted.delete(id);
    return resultOf(() => {
      const now = this.compares.get(id);
      if (!now) throw tooLateToRestore();
      return now;
    });
  }

  /** A new title for the compare; its columns' conversations keep the names they started with. */
  rename(id: string, title: string): Result<Compare> {
    return resultOf(() => {
      const renamed = this.compares.rename(id, title.trim());
      if (!renamed) throw compareGone();
      return renamed;
    });
  }

  /** Links the conversation Merge started to this compare: each then shows a link to the other. */
  addMerge(compareId: string, conversationId: string): Result<Compare> {
    return resultOf(() => {
      if (!this.compares.get(compareId)) throw compareGone();
      if (!this.conversations.get(conversationId)) {
        throw new AppFailure({ code: 'not_found', message: 'That conversation no longer exists.' });
      }
      if (this.compares.columnOf(conversationId)) {
        throw new AppFailure({ code: 'invalid_input', message: 'A column of a compare is not a merge of one.' });
      }
      this.compares.addMerge(compareId, conversationId);
      return this.compares.get(compareId) as Compare;
    });
  }
}
