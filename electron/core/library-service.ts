// Core: conversations as the UI manages them (list, open, rename, delete), over the SQLite repositories.

import type { Attachment } from '../../shared/attachments';
import type { ConversationSettings } from '../../shared/conversation-settings';
import type { Conversation, ConversationWithMessages, MessagePage } from '../../shared/domain';
import type { FindResults, LibraryEvent, SearchResults } from '../../shared/library';
import { AppFailure, type Result, fail, ok, resultOf } from '../../shared/result';
import type { SearchInput } from '../../shared/schemas';
import { defaultConversationTitle } from '../../shared/title';
import type { ConversationRepo } from './db/conversation-repo';
import type { DraftRepo } from './db/draft-repo';
import type { MessageRepo } from './db/message-repo';
import type { SearchRepo } from './db/search-repo';
import { defaultPageSize, type ThreadRepo } from './db/thread-repo';

const missing = () => fail<never>('not_found', 'That conversation no longer exists.');
const tooLateToRestore = () =>
  fail<never>('not_found', 'That conversation can no longer be restored: it was deleted for good.');

/**
 * How long a deleted conversation can still be restored. The Undo toast shows for less than this, so an Undo clicked
 * at its last moment still finds it; anything older is removed for good at the next delete or start.
 */
export const undoWindowMs = 60_000;
/**
 * Messages loaded before a revealed message: what led to it, and a page's worth of room above it, so the list does not
 * open at its very top (where it would at once fetch an older page and move under the reader).
 */
const revealContext = 50;
const missingMessage = () =>
  new AppFailure({ code: 'not_found', message: 'That message is not in this conversation (any more).' });

export class LibraryService {
  constructor(
    private readonly conversations: ConversationRepo,
    private readonly messages: MessageRepo,
    private readonly threads: ThreadRepo,
    private readonly drafts: DraftRepo,
    private readonly search: SearchRepo,
    private readonly emit: (event: LibraryEvent) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  list(): Result<Conversation[]> {
    return resultOf(() => this.conversations.list());
  }

  get(id: string): Result<ConversationWithMessages> {
    const found = resultOf(() => this.conversations.get(id));
    if (!found.ok) return found;
    if (!found.value) return missing();
    const conversation = found.value;
    return resultOf(() => {
      const page = this.threads.pageEndingAt(id, this.messages.currentLeaf(id));
      return { conversation, ...page };
    });
  }

  /** The page of the current thread before `beforeId`. */
  older(conversationId: string, beforeId: string, limit?: number): Result<MessagePage> {
    return this.ifExists(conversationId, () => {
      if (!this.threads.find(conversationId, beforeId)) throw missingMessage();
      return this.threads.pageBefore(conversationId, beforeId, limit);
    });
  }

  /** Shows the newest thread through `messageId` (a version the person flipped to) and continues from there. */
  selectVersion(conversationId: string, messageId: string): Result<ConversationWithMessages> {
    const moved = this.ifExists(conversationId, () => {
      if (!this.threads.find(conversationId, messageId)) throw missingMessage();
      return this.conversations.setCurrentLeaf(conversationId, this.threads.newestLeafUnder(conversationId, messageId));
    });
    return moved.ok ? this.get(conversationId) : moved;
  }

  setMaxOutput(id: string, maxOutputTokens: number | null): Result<Conversation> {
    return this.ifExists(id, () => this.conversations.setMaxOutput(id, maxOutputTokens));
  }

  /** The composer's text and the files waiting in its tray (those the store still has). */
  getDraft(conversationId: string | null): Result<{ text: string; attachments: Attachment[] }> {
    return resultOf(() => ({
      text: this.drafts.get(conversationId),
      attachments: this.threads.attachments.forDraft(conversationId),
    }));
  }

  /** What the tray holds, kept with the draft; a conversation deleted meanwhile is not_found, as for the text. */
  saveDraftFiles(
    conversationId: string | null,
    files: readonly Pick<Attachment, 'id' | 'name'>[],
  ): Result<{ saved: true }> {
    const save = () => {
      this.threads.attachments.setDraft(conversationId, files);
      return { saved: true as const };
    };
    return conversationId === null ? resultOf(save) : this.ifExists(conversationId, save);
  }

  /** A draft for a conversation deleted meanwhile is not_found rather than a foreign-key failure. */
  saveDraft(conversationId: string | null, text: string): Result<{ saved: true }> {
    const save = () => {
      this.drafts.save(conversationId, text);
      return { saved: true as const };
    };
    return conversationId === null ? resultOf(save) : this.ifExists(conversationId, save);
  }

  create(input: { model: string; title?: string; settings?: ConversationSettings }): Result<Conversation> {
    return this.announce(
      resultOf(() =>
        this.conversations.create({
          title: input.title ?? defaultConversationTitle,
          model: input.model,
          ...(input.settings ? { settings: input.settings } : {}),
        }),
      ),
    );
  }

  /** The conversation's own settings (validated by the channel's schema); every window hears of the change. */
  setSettings(id: string, settings: ConversationSettings): Result<Conversation> {
    return this.announce(this.ifExists(id, () => this.conversations.setSettings(id, settings)));
  }

  rename(id: string, title: string): Result<Conversation> {
    return this.announce(this.ifExists(id, () => this.conversations.rename(id, title)));
  }

  setModel(id: string, model: string): Result<Conversation> {
    return this.announce(this.ifExists(id, () => this.conversations.setModel(id, model)));
  }

  setPinned(id: string, pinned: boolean): Result<Conversation> {
    return this.announce(this.ifExists(id, () => this.conversations.setPinned(id, pinned)));
  }

  /** Hidden at once and restorable for `undoWindowMs`; earlier deletions past their undo time go for good now. */
  delete(id: string): Result<{ id: string }> {
    const deleted = this.ifExists(id, () => {
      this.conversations.markDeleted(id);
      this.conversations.purgeDeleted(this.now() - undoWindowMs);
      return { id };
    });
    if (deleted.ok) this.emit({ type: 'removed', id });
    return deleted;
  }

  /** Undo of `delete`, within its undo time. */
  restore(id: string): Result<Conversation> {
    const restored = resultOf(() => this.conversations.restore(id));
    if (!restored.ok) return restored;
    if (!restored.value) return tooLateToRestore();
    return this.announce(ok(restored.value));
  }

  /** Removes for good every deletion still waiting for an undo: at start, no Undo from before can be on screen. */
  purgeDeleted(): Result<{ purged: number }> {
    return resultOf(() => ({ purged: this.conversations.purgeDeleted(this.now()) }));
  }

  /** Every conversation, its messages and drafts, for good; what was spent stays on record. */
  deleteAll(): Result<{ deleted: number }> {
    const done = resultOf(() => ({ deleted: this.conversations.deleteAll() }));
    if (done.ok) this.emit({ type: 'cleared' });
    return done;
  }

  searchMessages(input: SearchInput): Result<SearchResults> {
    return resultOf(() => this.search.search(input));
  }

  findInConversation(conversationId: string, query: string): Result<FindResults> {
    return this.ifExists(conversationId, () => this.search.findInConversation(conversationId, query));
  }

  /**
   * Opens the conversation with `messageId` on screen: its thread becomes the current one if it was on another
   * version, and the page reaches back to it (a search hit may lie thousands of messages up).
   */
  reveal(conversationId: string, messageId: string): Result<ConversationWithMessages> {
    return this.ifExists(conversationId, () => {
      if (!this.threads.find(conversationId, messageId)) throw missingMessage();
      let depth = this.search.depthInCurrentThread(conversationId, messageId);
      if (depth === null) {
        this.conversations.setCurrentLeaf(conversationId, this.threads.newestLeafUnder(conversationId, messageId));
        depth = this.search.depthInCurrentThread(conversationId, messageId) ?? 0;
      }
      const leaf = this.messages.currentLeaf(conversationId);
      const page = this.threads.pageEndingAt(
        conversationId,
        leaf,
        Math.max(defaultPageSize, depth + 1 + revealContext),
      );
      const conversation = this.conversations.get(conversationId);
      if (!conversation) throw missingMessage();
      return { conversation, ...page };
    });
  }

  /** Tells every window about a conversation that changed. */
  announceChanged(id: string): void {
    const found = resultOf(() => this.conversations.get(id));
    if (found.ok && found.value) this.emit({ type: 'changed', conversation: found.value });
  }

  private announce(result: Result<Conversation>): Result<Conversation> {
    if (result.ok) this.emit({ type: 'changed', conversation: result.value });
    return result;
  }

  private ifExists<T>(id: string, work: () => T): Result<T> {
    const found = resultOf(() => this.conversations.get(id));
    if (!found.ok) return found;
    if (!found.value) return missing();
    return resultOf(work);
  }
}
