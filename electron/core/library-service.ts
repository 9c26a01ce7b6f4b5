// Core: conversations as the UI manages them (list, open, rename, delete), over the SQLite repositories.

import type { Conversation, ConversationWithMessages } from '../../shared/domain';
import { AppFailure, type Result, fail, ok } from '../../shared/result';
import type { ConversationRepo } from './db/conversation-repo';
import type { MessageRepo } from './db/message-repo';

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

export class LibraryService {
  constructor(
    private readonly conversations: ConversationRepo,
    private readonly messages: MessageRepo,
  ) {}

  list(): Result<Conversation[]> {
    return guard(() => this.conversations.list());
  }

  get(id: string): Result<ConversationWithMessages> {
    const found = guard(() => this.conversations.get(id));
    if (!found.ok) return found;
    if (!found.value) return missing();
    const conversation = found.value;
    return guard(() => ({ conversation, messages: this.messages.listForConversation(id) }));
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
