// Core: an import is written to a staging database first and moved into the history in one transaction at the
// end, so a cancelled, cut-off or failed import leaves nothing behind, and memory holds one conversation at a time.
// Conversations already in the history (same id) are skipped: importing the same file twice changes nothing.
// Messages' files are linked by id: the files themselves were stored (by content) while the file was read.

import { toPico } from '../../../shared/money';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { citationsToJson } from '../db/message-row';
import { settingsToJson } from '../db/settings-json';
import { guardStorage } from '../db/storage-error';
import type { ImportSummary } from '../../../shared/portability';
import type { ExportedConversation, ExportedMessage } from './export-format';
import { badFile } from './import-limits';

const stagingMarker = '.import-staging-';

/** Staging files a crash left behind are nothing anyone needs: removed at start. */
export function removeLeftoverStaging(historyFile: string): void {
  const prefix = basename(historyFile) + stagingMarker;
  let names: string[] = [];
  try {
    names = readdirSync(dirname(historyFile));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix)) rmSync(join(dirname(historyFile), name), { force: true });
  }
}

const messageColumns = `id, conversation_id, parent_id, seq, role, content, reasoning, status, model, provider,
  generation_id, finish_reason, prompt_tokens, completion_tokens, total_tokens, reasoning_tokens, cached_tokens,
  cost_pico, is_byok, usage_json, error_code, error_message, first_token_ms, duration_ms, tool_calls_json,
  created_at, updated_at, cost_status, estimate_pico, sent_settings_json, requested_model, citations_json`;
const conversationColumns =
  'id, title, model, created_at, updated_at, max_output_tokens, current_leaf_id, pinned_at, settings_json';

type MessageParams = Record<string, string | number | bigint | null>;

function messageParams(conversationId: string, seq: number, m: ExportedMessage): MessageParams {
  const u = m.usage;
  return {
    id: m.id,
    conversation_id: conversationId,
    parent_id: m.parentId,
    seq,
    role: m.role,
    content: m.content,
    reasoning: m.reasoning,
    status: m.status,
    model: m.model,
    provider: m.provider,
    generation_id: m.generationId,
    finish_reason: m.finishReason,
    prompt_tokens: u?.promptTokens ?? null,
    completion_tokens: u?.completionTokens ?? null,
    total_tokens: u?.totalTokens ?? null,
    reasoning_tokens: u?.reasoningTokens ?? null,
    cached_tokens: u?.cachedTokens ?? null,
    // Picodollars, exactly as the main history keeps them (shared/money.ts).
    cost_pico: u?.costUsd === null || u?.costUsd === undefined ? null : toPico(u.costUsd),
    is_byok: u?.isByok === null || u?.isByok === undefined ? null : u.isByok ? 1 : 0,
    // The database tells "no usage" from "usage" by this column: an empty object keeps a usage without raw figures.
    usage_json: u ? JSON.stringify(u.raw ?? {}) : null,
    error_code: m.error?.code ?? null,
    error_message: m.error?.message ?? null,
    first_token_ms: m.firstTokenMs,
    duration_ms: m.durationMs,
    tool_calls_json: m.toolCalls && m.toolCalls.length > 0 ? JSON.stringify(m.toolCalls) : null,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    // A cost still being looked up elsewhere cannot be settled here (its lookup was not exported): keep what is known.
    cost_status: m.costStatus === 'pending' ? (m.estimateUsd !== null ? 'estimated' : null) : m.costStatus,
    estimate_pico: m.estimateUsd === null ? null : toPico(m.estimateUsd),
    // A reply sent with no settings stored `{}`, which must come back as `{}`, not as "not recorded".
    sent_settings_json: m.sentSettings ? JSON.stringify(m.sentSettings) : null,
    requested_model: m.requestedModel ?? null,
    citations_json: citationsToJson(m.citations ?? null),
  };
}

export class ImportStaging {
  readonly file: string;
  private readonly db: Database;
  private readonly insertConversation: Statement<[Record<string, string | number | null>]>;
  private readonly insertMessage: Statement<[MessageParams]>;
  private readonly insertLink: Statement<
    [{ message_id: string; position: number; attachment_id: string; name: string }]
  >;
  private conversations = 0;
  private messages = 0;

  constructor(
    historyFile: string,
    private readonly now: () => number = Date.now,
  ) {
    this.file = `${historyFile}${stagingMarker}${randomBytes(6).toString('hex')}`;
    this.db = guardStorage(this.file, () => new BetterSqlite3(this.file));
    try {
      // A throwaway file: durability would only slow it down. Unique ids catch a file that repeats one.
      this.db.pragma('journal_mode = OFF');
      this.db.pragma('synchronous = OFF');
      this.db.exec(`
        CREATE TABLE conversations (
          id TEXT PRIMARY KEY, title TEXT NOT NULL, model TEXT NOT NULL, created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL, max_output_tokens INTEGER, current_leaf_id TEXT, pinned_at INTEGER,
          settings_json TEXT);
        CREATE TABLE messages (
          id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, parent_id TEXT, seq INTEGER NOT NULL, role TEXT NOT NULL,
          content TEXT NOT NULL, reasoning TEXT, status TEXT NOT NULL, model TEXT, provider TEXT, generation_id TEXT,
          finish_reason TEXT, prompt_tokens INTEGER, completion_tokens INTEGER, total_tokens INTEGER,
          reasoning_tokens INTEGER, cached_tokens INTEGER, cost_pico INTEGER, is_byok INTEGER, usage_json TEXT,
          error_code TEXT, error_message TEXT, first_token_ms INTEGER, duration_ms INTEGER, tool_calls_json TEXT,
          created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, cost_status TEXT, estimate_pico INTEGER,
          sent_settings_json TEXT, requested_model TEXT, citations_json TEXT);
        CREATE TABLE message_attachments (
          message_id TEXT NOT NULL, position INTEGER NOT NULL, attachment_id TEXT NOT NULL, name TEXT NOT NULL,
          PRIMARY KEY (message_id, position));
      `);
      this.insertConversation = this.db.prepare(
        `INSERT INTO conversations (${conversationColumns})
         VALUES (@id, @title, @model, @created_at, @updated_at, @max_output_tokens, @current_leaf_id, @pinned_at,
                 @settings_json)`,
      );
      this.insertMessage = this.db.prepare(
        `INSERT INTO messages (${messageColumns}) VALUES (${messageColumns
          .split(',')
          .map((c) => `@${c.trim()}`)
          .join(', ')})`,
      );
      this.insertLink = this.db.prepare(
        `INSERT INTO message_attachments (message_id, position, attachment_id, name)
         VALUES (@message_id, @position, @attachment_id, @name)`,
      );
    } catch (error) {
      this.discard();
      throw error;
    }
  }

  get counts(): { conversations: number; messages: number } {
    return { conversations: this.conversations, messages: this.messages };
  }

  /** Stages one conversation whose tree is already checked and ordered (import-tree.ts). */
  add(conversation: ExportedConversation): void {
    try {
      this.db.transaction(() => {
        this.insertConversation.run({
          id: conversation.id,
          title: conversation.title,
          model: conversation.model,
          created_at: conversation.createdAt,
          updated_at: conversation.updatedAt,
          max_output_tokens: conversation.maxOutputTokens,
          current_leaf_id: conversation.currentLeafId,
          pinned_at: conversation.pinnedAt,
          settings_json: settingsToJson(conversation.settings ?? null),
        });
        conversation.messages.forEach((m, i) => {
          this.insertMessage.run(messageParams(conversation.id, i + 1, m));
          (m.attachments ?? []).forEach((file, position) =>
            this.insertLink.run({ message_id: m.id, position, attachment_id: file.id, name: file.name }),
          );
        });
      })();
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw badFile(`The file holds conversation "${conversation.id}" or one of its messages twice.`);
      }
      throw error;
    }
    this.conversations++;
    this.messages += conversation.messages.length;
  }

  /** Moves everything staged into `history` in one transaction; throws (changing nothing) if it cannot. */
  apply(history: Database): { summary: ImportSummary; ids: string[] } {
    this.db.close();
    return guardStorage(history.name, () => {
      history.prepare('ATTACH DATABASE ? AS staging').run(this.file);
      try {
        return history.transaction(() => {
          history.exec(`
            CREATE TEMP TABLE import_new AS
              SELECT id FROM staging.conversations WHERE id NOT IN (SELECT id FROM main.conversations);`);
          try {
            const clash = history
              .prepare(
                `SELECT id FROM staging.messages
                 WHERE conversation_id IN (SELECT id FROM temp.import_new) AND id IN (SELECT id FROM main.messages)
                 LIMIT 1`,
              )
              .get() as { id: string } | undefined;
            if (clash) {
              throw badFile(`The file's message "${clash.id}" is already part of another conversation here.`);
            }
            const added = history
              .prepare(
                `INSERT INTO main.conversations (${conversationColumns})
                 SELECT ${conversationColumns} FROM staging.conversations WHERE id IN (SELECT id FROM temp.import_new)`,
              )
              .run().changes;
            // Each conversation's messages in their staged order: parents first (seq was given in that order).
            const messages = history
              .prepare(
                `INSERT INTO main.messages (${messageColumns})
                 SELECT ${messageColumns} FROM staging.messages
                 WHERE conversation_id IN (SELECT id FROM temp.import_new) ORDER BY conversation_id, seq`,
              )
              .run().changes;
            const links = `FROM staging.message_attachments WHERE message_id IN
              (SELECT id FROM staging.messages WHERE conversation_id IN (SELECT id FROM temp.import_new))`;
            const missing = history
              .prepare(
                `SELECT name ${links} AND attachment_id NOT IN (SELECT id FROM main.attachments) ORDER BY rowid LIMIT 1`,
              )
              .get() as { name: string } | undefined;
            if (missing) {
              throw badFile(
                `A message in the file carries “${missing.name}”, which the file does not hold. ` +
                  'Import the zip Switchboard exported with the files.',
              );
            }
            history
              .prepare(
                `INSERT INTO main.message_attachments (message_id, position, attachment_id, name)
                 SELECT message_id, position, attachment_id, name ${links}`,
              )
              .run();
            // Carried now: once no message carries them again they are garbage at once, like any sent file.
            history
              .prepare(`UPDATE main.attachments SET linked_at = ? WHERE id IN (SELECT attachment_id ${links})`)
              .run(this.now());
            const ids = (history.prepare('SELECT id FROM temp.import_new').all() as { id: string }[]).map((r) => r.id);
            return { summary: { added, skipped: this.conversations - added, messages }, ids };
          } finally {
            history.exec('DROP TABLE temp.import_new');
          }
        })();
      } finally {
        history.exec('DETACH DATABASE staging');
      }
    });
  }

  discard(): void {
    if (this.db.open) this.db.close();
    rmSync(this.file, { force: true });
  }
}
