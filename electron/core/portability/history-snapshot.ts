// Core: reads conversations out of the history database in the export format, one conversation per call, so an
// export never holds a cursor open across the awaits between them (a reply may be written meanwhile).

import type { Database, Statement } from 'better-sqlite3';
import { CompareRepo } from '../compare/compare-repo';
import { AttachmentRepo, toAttachment } from '../db/attachment-repo';
import type { ConversationRow } from '../db/conversation-repo';
import { type MessageRow, messageColumns, rowToMessage, rowToStoredUsage } from '../db/message-row';
import { settingsFromJson } from '../db/settings-json';
import { guardStorage } from '../db/storage-error';
import type { ExportedConversation, ExportedMessage } from './export-format';

/** What an export keeps of a conversation: its row, and the branch it was on, not the compare it was a column of. */
type SnapshotConversationRow = Omit<ConversationRow, 'compare_id'> & { current_leaf_id: string | null };

/**
 * A stored message in the export format: what the page reads (db/message-row.ts), but exactly as stored where the
 * page rounds — usage figures OpenRouter left out stay null, and an error code a later version no longer knows is
 * kept as it is — so an export imports back to identical rows.
 */
function toExported(row: MessageRow): ExportedMessage {
  const message = rowToMessage(row);
  return {
    id: message.id,
    parentId: message.parentId,
    role: message.role,
    content: message.content,
    reasoning: message.reasoning,
    status: message.status,
    model: message.model,
    provider: message.provider,
    generationId: message.generationId,
    finishReason: message.finishReason,
    usage: rowToStoredUsage(row),
    costStatus: message.costStatus,
    estimateUsd: message.estimatedCostUsd,
    error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' },
    firstTokenMs: message.firstTokenMs,
    durationMs: message.durationMs,
    toolCalls: message.toolCalls,
    createdAt: message.createdAt,
    updatedAt: row.updated_at,
    sentSettings: message.sentSettings,
    requestedModel: message.requestedModel,
    citations: message.citations,
  };
}

export class HistorySnapshot {
  private readonly file: string;
  private readonly attachments: AttachmentRepo;
  private readonly compares: CompareRepo;
  private readonly statements: {
    ids: Statement<[], { id: string }>;
    conversation: Statement<[string], SnapshotConversationRow>;
    messages: Statement<[string], MessageRow>;
  };

  /**
   * `hasFile`: whether a file's bytes are still on disk. A message whose file is gone (it was lost, not deleted: a
   * carried file is never collected) exports without it, so an export names only the files it holds.
   */
  constructor(
    db: Database,
    private readonly hasFile: (id: string) => boolean = () => true,
  ) {
    this.file = db.name;
    this.attachments = new AttachmentRepo(db);
    this.compares = new CompareRepo(db);
    this.statements = guardStorage(this.file, () => ({
      // A conversation deleted but still undoable is not exported: to the person it is gone.
      ids: db.prepare<[], { id: string }>(
        'SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY updated_at DESC, created_at DESC, id',
      ),
      conversation: db.prepare<[string], SnapshotConversationRow>(
        `SELECT id, title, model, created_at, updated_at, max_output_tokens, current_leaf_id, pinned_at,
           settings_json
         FROM conversations WHERE id = ? AND deleted_at IS NULL`,
      ),
      // seq order puts every parent before its children: a message only ever follows one written before it.
      messages: db.prepare<[string], MessageRow>(
        `SELECT ${messageColumns} FROM messages WHERE conversation_id = ? ORDER BY seq`,
      ),
    }));
  }

  /** Every conversation id, most recently active first. */
  conversationIds(): string[] {
    return guardStorage(this.file, () => this.statements.ids.all().map((row) => row.id));
  }

  /** Whether the conversations (null: any of them) carry files, so their JSON export is a zip holding them too. */
  carriesFiles(conversationIds: readonly string[] | null): boolean {
    if (conversationIds === null) return this.attachments.anyIn(null);
    return conversationIds.some((id) => this.attachments.anyIn(id));
  }

  /** A compare's title and its columns' conversations, in column order; null when it is gone. */
  compare(id: string): { title: string; conversationIds: string[] } | null {
    const compare = this.compares.get(id);
    return compare && { title: compare.title, conversationIds: compare.columns.map((column) => column.conversationId) };
  }

  /** One whole conversation, or null when it was deleted since the ids were read. */
  read(id: string): ExportedConversation | null {
    return guardStorage(this.file, () => {
      const row = this.statements.conversation.get(id);
      if (!row) return null;
      const files = this.attachments.forConversation(id);
      const withFiles = (message: ExportedMessage): ExportedMessage => {
        const carried = (files.get(message.id) ?? []).filter((file) => this.hasFile(file.id)).map(toAttachment);
        // Absent rather than empty, so a conversation without files exports exactly as before files existed.
        return carried.length > 0 ? { ...message, attachments: carried } : message;
      };
      return {
        id: row.id,
        title: row.title,
        model: row.model,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        maxOutputTokens: row.max_output_tokens,
        currentLeafId: row.current_leaf_id,
        pinnedAt: row.pinned_at,
        settings: settingsFromJson(row.settings_json) ?? {},
        messages: this.statements.messages.all(id).map((message) => withFiles(toExported(message))),
      };
    });
  }
}
