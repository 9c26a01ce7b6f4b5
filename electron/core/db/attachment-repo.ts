// Core: what the database knows of attachments — one row per stored file (by content hash), and which messages
// carry which files, in order, under the name each had there. The bytes are the store's (attachments/).

import type { Database, Statement } from 'better-sqlite3';
import type { Attachment, AttachmentKind } from '../../../shared/attachments';
import type { Message } from '../../../shared/domain';
import { guardStorage } from './storage-error';

/** An attachment as stored: the contract's record plus what only the core needs. */
export interface StoredAttachment extends Attachment {
  /** Images: the type of the downscaled copy sent to models; null for other kinds. */
  sentMime: string | null;
  createdAt: number;
}

interface AttachmentRow {
  id: string;
  kind: AttachmentKind;
  mime: string;
  name: string;
  size_bytes: number;
  width: number | null;
  height: number | null;
  page_count: number | null;
  text_chars: number | null;
  sent_mime: string | null;
  created_at: number;
}

const columns = 'id, kind, mime, name, size_bytes, width, height, page_count, text_chars, sent_mime, created_at';
const qualified = columns.replace(/\b(\w+)\b/g, 'a.$1');

/** The contract's record: optional facts only where known. */
export function toAttachment(stored: Attachment): Attachment {
  const { id, kind, mime, name, sizeBytes, width, height, pageCount, textChars } = stored;
  return {
    id,
    kind,
    mime,
    name,
    sizeBytes,
    ...(width !== undefined ? { width } : {}),
    ...(height !== undefined ? { height } : {}),
    ...(pageCount !== undefined ? { pageCount } : {}),
    ...(textChars !== undefined ? { textChars } : {}),
  };
}

function fromRow(row: AttachmentRow): StoredAttachment {
  return {
    id: row.id,
    kind: row.kind,
    mime: row.mime,
    name: row.name,
    sizeBytes: row.size_bytes,
    ...(row.width !== null ? { width: row.width } : {}),
    ...(row.height !== null ? { height: row.height } : {}),
    ...(row.page_count !== null ? { pageCount: row.page_count } : {}),
    ...(row.text_chars !== null ? { textChars: row.text_chars } : {}),
    sentMime: row.sent_mime,
    createdAt: row.created_at,
  };
}

/** How long a file added but never sent is kept (a composer may still hold it, or a draft across a restart). */
export const unsentAttachmentTtlMs = 24 * 60 * 60 * 1000;

export class AttachmentRepo {
  private readonly file: string;
  private readonly statements: {
    insert: Statement<[Record<string, unknown>]>;
    get: Statement<[string], AttachmentRow>;
    forMessage: Statement<[string], AttachmentRow & { link_name: string }>;
    forConversation: Statement<[string], AttachmentRow & { link_name: string; message_id: string }>;
    anyInLive: Statement<[], { found: number }>;
    anyInConversation: Statement<[string], { found: number }>;
    link: Statement<[{ message_id: string; position: number; attachment_id: string; name: string }]>;
    markLinked: Statement<[{ id: string; now: number }]>;
    garbage: Statement<[{ before: number }], { id: string }>;
    forDraft: Statement<[{ conversation_id: string | null }], AttachmentRow & { link_name: string }>;
    clearDraft: Statement<[{ conversation_id: string | null }]>;
    addToDraft: Statement<[{ conversation_id: string | null; position: number; attachment_id: string; name: string }]>;
    remove: Statement<[string]>;
    all: Statement<[], AttachmentRow>;
    links: Statement<[], { message_id: string; position: number; attachment_id: string; name: string }>;
  };

  constructor(private readonly db: Database) {
    this.file = db.name;
    this.statements = guardStorage(this.file, () => ({
      insert: db.prepare(
        `INSERT OR IGNORE INTO attachments (${columns})
         VALUES (@id, @kind, @mime, @name, @size_bytes, @width, @height, @page_count, @text_chars, @sent_mime, @created_at)`,
      ),
      get: db.prepare<[string], AttachmentRow>(`SELECT ${columns} FROM attachments WHERE id = ?`),
      forMessage: db.prepare<[string], AttachmentRow & { link_name: string }>(
        `SELECT ${qualified}, l.name AS link_name FROM message_attachments l
         JOIN attachments a ON a.id = l.attachment_id WHERE l.message_id = ? ORDER BY l.position`,
      ),
      forConversation: db.prepare<[string], AttachmentRow & { link_name: string; message_id: string }>(
        `SELECT ${qualified}, l.name AS link_name, l.message_id FROM message_attachments l
         JOIN attachments a ON a.id = l.attachment_id JOIN messages m ON m.id = l.message_id
         WHERE m.conversation_id = ? ORDER BY l.message_id, l.position`,
      ),
      anyInLive: db.prepare<[], { found: number }>(
        `SELECT 1 AS found FROM message_attachments l JOIN messages m ON m.id = l.message_id
         JOIN conversations c ON c.id = m.conversation_id WHERE c.deleted_at IS NULL LIMIT 1`,
      ),
      anyInConversation: db.prepare<[string], { found: number }>(
        `SELECT 1 AS found FROM message_attachments l JOIN messages m ON m.id = l.message_id
         WHERE m.conversation_id = ? LIMIT 1`,
      ),
      link: db.prepare(
        `INSERT INTO message_attachments (message_id, position, attachment_id, name)
         VALUES (@message_id, @position, @attachment_id, @name)`,
      ),
      markLinked: db.prepare('UPDATE attachments SET linked_at = @now WHERE id = @id'),
      // No message carries it, no composer's tray holds it, and either a message did (its last message was deleted)
      // or it was never sent and is old.
      garbage: db.prepare<[{ before: number }], { id: string }>(
        `SELECT id FROM attachments a
         WHERE NOT EXISTS (SELECT 1 FROM message_attachments l WHERE l.attachment_id = a.id)
           AND NOT EXISTS (SELECT 1 FROM draft_attachments d WHERE d.attachment_id = a.id)
           AND (a.linked_at IS NOT NULL OR a.created_at <= @before)`,
      ),
      // `IS` matches the NULL key of the new chat as well as a conversation id.
      forDraft: db.prepare<[{ conversation_id: string | null }], AttachmentRow & { link_name: string }>(
        `SELECT ${qualified}, d.name AS link_name FROM draft_attachments d
         JOIN attachments a ON a.id = d.attachment_id WHERE d.conversation_id IS @conversation_id ORDER BY d.position`,
      ),
      clearDraft: db.prepare('DELETE FROM draft_attachments WHERE conversation_id IS @conversation_id'),
      // A file the store no longer knows is left out rather than failing the whole tray.
      addToDraft: db.prepare(
        `INSERT INTO draft_attachments (conversation_id, position, attachment_id, name)
         SELECT @conversation_id, @position, id, @name FROM attachments WHERE id = @attachment_id`,
      ),
      remove: db.prepare<[string]>('DELETE FROM attachments WHERE id = ?'),
      all: db.prepare<[], AttachmentRow>(`SELECT ${columns} FROM attachments ORDER BY id`),
      links: db.prepare(`SELECT message_id, position, attachment_id, name FROM message_attachments`),
    }));
  }

  /** Records a stored file; a second add of the same content keeps the first record. */
  insert(stored: StoredAttachment): void {
    guardStorage(this.file, () =>
      this.statements.insert.run({
        id: stored.id,
        kind: stored.kind,
        mime: stored.mime,
        name: stored.name,
        size_bytes: stored.sizeBytes,
        width: stored.width ?? null,
        height: stored.height ?? null,
        page_count: stored.pageCount ?? null,
        text_chars: stored.textChars ?? null,
        sent_mime: stored.sentMime,
        created_at: stored.createdAt,
      }),
    );
  }

  get(id: string): StoredAttachment | null {
    return guardStorage(this.file, () => {
      const row = this.statements.get.get(id);
      return row ? fromRow(row) : null;
    });
  }

  /** The files a message carries, in order, each under the name it had on that message. */
  forMessage(messageId: string): Attachment[] {
    return guardStorage(this.file, () =>
      this.statements.forMessage.all(messageId).map((row) => toAttachment({ ...fromRow(row), name: row.link_name })),
    );
  }

  /** Every message of a conversation that carries files, with its files in order (for an export). */
  forConversation(conversationId: string): Map<string, StoredAttachment[]> {
    return guardStorage(this.file, () => {
      const byMessage = new Map<string, StoredAttachment[]>();
      for (const row of this.statements.forConversation.all(conversationId)) {
        const list = byMessage.get(row.message_id) ?? [];
        list.push({ ...fromRow(row), name: row.link_name });
        byMessage.set(row.message_id, list);
      }
      return byMessage;
    });
  }

  /** Whether a conversation (or, for null, any conversation not deleted) carries a file. */
  anyIn(conversationId: string | null): boolean {
    return guardStorage(this.file, () =>
      conversationId === null
        ? this.statements.anyInLive.get() !== undefined
        : this.statements.anyInConversation.get(conversationId) !== undefined,
    );
  }

  /** The message with its files filled in. */
  hydrate(message: Message): Message {
    return { ...message, attachments: this.forMessage(message.id) };
  }

  /** Attaches the files to a (new) message, in the order given. */
  link(messageId: string, attachments: readonly Pick<Attachment, 'id' | 'name'>[], now = Date.now()): void {
    if (attachments.length === 0) return;
    guardStorage(this.file, () =>
      this.db.transaction(() => {
        attachments.forEach((attachment, position) => {
          this.statements.link.run({
            message_id: messageId,
            position,
            attachment_id: attachment.id,
            name: attachment.name,
          });
          this.statements.markLinked.run({ id: attachment.id, now });
        });
      })(),
    );
  }

  /** The files waiting in a composer's tray (null: the new chat's), in order, each under the name it has there. */
  forDraft(conversationId: string | null): Attachment[] {
    return guardStorage(this.file, () =>
      this.statements.forDraft
        .all({ conversation_id: conversationId })
        .map((row) => toAttachment({ ...fromRow(row), name: row.link_name })),
    );
  }

  /** Replaces what a composer's tray holds; an empty list forgets it. */
  setDraft(conversationId: string | null, files: readonly Pick<Attachment, 'id' | 'name'>[]): void {
    guardStorage(this.file, () =>
      this.db.transaction(() => {
        this.statements.clearDraft.run({ conversation_id: conversationId });
        files.forEach((file, position) =>
          this.statements.addToDraft.run({
            conversation_id: conversationId,
            position,
            attachment_id: file.id,
            name: file.name,
          }),
        );
      })(),
    );
  }

  /**
   * Records no message carries any more (and old ones never sent), except those `keep` names (a backup still holds
   * them): removed here, returned for the store to delete.
   */
  collectGarbage(now = Date.now(), keep: ReadonlySet<string> = new Set()): string[] {
    return guardStorage(this.file, () =>
      this.db.transaction(() => {
        const ids = this.statements.garbage
          .all({ before: now - unsentAttachmentTtlMs })
          .map((row) => row.id)
          .filter((id) => !keep.has(id));
        for (const id of ids) this.statements.remove.run(id);
        return ids;
      })(),
    );
  }

  /** Every record, for an export. */
  all(): StoredAttachment[] {
    return guardStorage(this.file, () => this.statements.all.all().map(fromRow));
  }

  /** Every link, for an export. */
  links(): { messageId: string; position: number; attachmentId: string; name: string }[] {
    return guardStorage(this.file, () =>
      this.statements.links.all().map((row) => ({
        messageId: row.message_id,
        position: row.position,
        attachmentId: row.attachment_id,
        name: row.name,
      })),
    );
  }
}
