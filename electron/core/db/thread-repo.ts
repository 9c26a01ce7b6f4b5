// Core: reading the message tree — a page of the current thread, the whole path for a request, the versions at each
// step, the newest leaf under a version. Every read walks parent links from one message; none loads a conversation.

import type { Database, Statement } from 'better-sqlite3';
import type { Message, MessagePage } from '../../../shared/domain';
import { type MessageRow, messageColumns, rowToMessage } from './message-row';
import { guardStorage } from './storage-error';
import { AttachmentRepo } from './attachment-repo';

export const defaultPageSize = 50;

/** The message columns read through the alias `m`. */
const qualified = messageColumns.replace(/\b(\w+)\b/g, 'm.$1');

interface WalkParams {
  id: string;
  conversation_id: string;
  limit: number;
}

interface SiblingParams {
  conversation_id: string;
  parent_id: string | null;
  role: string;
}

export class ThreadRepo {
  private readonly file: string;
  /** Every message read here comes with its files (attachments, in order). */
  readonly attachments: AttachmentRepo;
  private readonly statements: {
    walkUp: Statement<[WalkParams], MessageRow>;
    siblings: Statement<[SiblingParams], { id: string }>;
    newestLeaf: Statement<[{ id: string; conversation_id: string }], { id: string }>;
    inConversation: Statement<[{ id: string; conversation_id: string }], MessageRow>;
  };

  constructor(db: Database) {
    this.file = db.name;
    this.attachments = new AttachmentRepo(db);
    this.statements = guardStorage(this.file, () => ({
      // From one message up towards the root, nearest first; each step is one lookup on the unique id index, and
      // the LIMIT stops the walk itself, so a page costs the same at any length of conversation. CROSS JOIN keeps
      // the walk as the outer loop: the other order would scan the messages once for every step.
      walkUp: db.prepare<[WalkParams], MessageRow>(
        `WITH RECURSIVE up (id, depth) AS (
           SELECT id, 0 FROM messages WHERE id = @id AND conversation_id = @conversation_id
           UNION ALL
           SELECT m.parent_id, up.depth + 1 FROM up CROSS JOIN messages m ON m.id = up.id
           WHERE m.parent_id IS NOT NULL
           LIMIT @limit
         )
         SELECT ${qualified} FROM up CROSS JOIN messages m ON m.id = up.id
         ORDER BY up.depth`,
      ),
      // `parent_id IS @parent_id` matches NULL too: the first messages of a conversation are versions of each other.
      siblings: db.prepare<[SiblingParams], { id: string }>(
        `SELECT id FROM messages
         WHERE conversation_id = @conversation_id AND parent_id IS @parent_id AND role = @role
         ORDER BY seq`,
      ),
      // Down from a message, taking the newest child at each step, to a message with no children.
      newestLeaf: db.prepare<[{ id: string; conversation_id: string }], { id: string }>(
        `WITH RECURSIVE down (id, depth) AS (
           SELECT @id, 0
           UNION ALL
           SELECT (SELECT c.id FROM messages c
                   WHERE c.conversation_id = @conversation_id AND c.parent_id = down.id
                   ORDER BY c.seq DESC LIMIT 1),
                  down.depth + 1
           FROM down WHERE down.id IS NOT NULL
         )
         SELECT id FROM down WHERE id IS NOT NULL ORDER BY depth DESC LIMIT 1`,
      ),
      inConversation: db.prepare<[{ id: string; conversation_id: string }], MessageRow>(
        `SELECT ${messageColumns} FROM messages WHERE id = @id AND conversation_id = @conversation_id`,
      ),
    }));
  }

  /** The message, if it belongs to that conversation. */
  find(conversationId: string, id: string): Message | null {
    return guardStorage(this.file, () => {
      const row = this.statements.inConversation.get({ id, conversation_id: conversationId });
      return row ? this.attachments.hydrate(rowToMessage(row)) : null;
    });
  }

  /** The last `limit` messages of the thread ending at `leafId` (inclusive), oldest first, with their versions. */
  pageEndingAt(conversationId: string, leafId: string | null, limit = defaultPageSize): MessagePage {
    if (leafId === null) return { messages: [], hasOlder: false };
    return guardStorage(this.file, () => {
      // One more than asked for tells whether anything is older without counting the thread.
      const rows = this.statements.walkUp.all({ id: leafId, conversation_id: conversationId, limit: limit + 1 });
      const hasOlder = rows.length > limit;
      const page = rows.slice(0, limit).reverse().map(rowToMessage);
      return { messages: page.map((m) => this.withVersions(m)), hasOlder };
    });
  }

  /** The page before `beforeId` in its thread; empty when `beforeId` is the first or not in this conversation. */
  pageBefore(conversationId: string, beforeId: string, limit = defaultPageSize): MessagePage {
    const before = this.find(conversationId, beforeId);
    if (!before) return { messages: [], hasOlder: false };
    return this.pageEndingAt(conversationId, before.parentId, limit);
  }

  /** The whole thread from the first message to `leafId`, oldest first: what a request sends upstream. */
  pathTo(conversationId: string, leafId: string): Message[] {
    return guardStorage(this.file, () =>
      this.statements.walkUp
        .all({ id: leafId, conversation_id: conversationId, limit: -1 })
        .reverse()
        .map((row) => this.attachments.hydrate(rowToMessage(row))),
    );
  }

  /** Every version at this message's place in the thread (same parent, same role), oldest first. */
  versionIds(message: Pick<Message, 'conversationId' | 'parentId' | 'role' | 'id'>): string[] {
    return guardStorage(this.file, () => {
      const ids = this.statements.siblings
        .all({ conversation_id: message.conversationId, parent_id: message.parentId, role: message.role })
        .map((row) => row.id);
      return ids.length > 0 ? ids : [message.id];
    });
  }

  /** The message with its versions and its files, as the renderer gets it. */
  withVersions(message: Message): Message {
    return { ...this.attachments.hydrate(message), versionIds: this.versionIds(message) };
  }

  /** The end of the newest thread through `messageId`: following the newest child at each step. */
  newestLeafUnder(conversationId: string, messageId: string): string {
    return guardStorage(
      this.file,
      () => this.statements.newestLeaf.get({ id: messageId, conversation_id: conversationId })?.id ?? messageId,
    );
  }
}
