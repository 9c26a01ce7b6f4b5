// Core: conversations as the UI manages them (list, open, rename, delete), over the SQLite repositories.

import type { Conversation, ConversationWithMessages, MessagePage } from '../../shared/domain';
import { AppFailure, type Result, fail, ok } from '../../shared/result';
import type { ConversationRepo } from './db/conversation-repo';
import type { DraftRepo } from './db/draft-repo';
import type { MessageRepo } from './db/message-repo';
import type { ThreadRepo } from './db/thread-repo';

/** Storage failures (disk full, damaged file) become values the UI can show; anything else is a bug and propagates. */
function guard<T>(work: () => T): Result<T> {
  try {
    return ok(work());
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.error };
    throw error;
  }
}

const missing = () => fail<never>('not_found', 'That conversation no longer exists.');
const missingMessage = () =>
  new AppFailure({ code: 'not_found', message: 'That message is not in this conversation (any more).' });

export class LibraryService {
  constructor(
    private readonly conversations: ConversationRepo,
    private readonly messages: MessageRepo,
    private readonly threads: ThreadRepo,
    private readonly drafts: DraftRepo,
  ) {}

  list(): Result<Conversation[]> {
    return guard(() => this.conversations.list());
  }

  get(id: string): Result<ConversationWithMessages> {
    const found = guard(() => this.conversations.get(id));
    if (!found.ok) return found;
    if (!found.value) return missing();
    const conversation = found.value;
    return guard(() => {
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

  getDraft(conversationId: string | null): Result<{ text: string }> {
    return guard(() => ({ text: this.drafts.get(conversationId) }));
  }

  /** A draft for a conversation deleted meanwhile is not_found rather than a foreign-key failure. */
  saveDraft(conversationId: string | null, text: string): Result<{ saved: true }> {
    const save = () => {
      this.drafts.save(conversationId, text);
      return { saved: true as const };
    };
    return conversationId === null ? guard(save) : this.ifExists(conversationId, save);
  }

  create(input: { model: string; title?: string }): Result<Conversation> {
    return guard(() => this.conversations.create({ title: input.title ?? 'New chat', model: input.model }));
  }

  rename(id: string, title: string): Result<Conversation> {
    return this.ifExists(id, () => this.conversations.rename(id, title));
  }

  setModel(id: string, model: string): Result<Conversation> {
    return this.ifExists(id, () => this.conversations.setModel(id, model));
  }

  delete(id: string): Result<{ id: string }> {
    return this.ifExists(id, () => {
      this.conversations.delete(id);
      return { id };
    });
  }

  private ifExists<T>(id: string, work: () => T): Result<T> {
    const found = guard(() => this.conversations.get(id));
    if (!found.ok) return found;
    if (!found.value) return missing();
    return guard(work);
  }
}
