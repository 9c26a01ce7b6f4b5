// Core: reads conversations out of the history database in the export format, one conversation per call, so an
// export never holds a cursor open across the awaits between them (a reply may be written meanwhile).

import { fromPico } from '../../../shared/money';
import type { Database, Statement } from 'better-sqlite3';
import { guardStorage } from '../db/storage-error';
import type { ExportedConversation, ExportedMessage } from './export-format';

interface ConversationRow {
  id: string;
  title: string;
  model: string;
  created_at: number;
  updated_at: number;
  max_output_tokens: number | null;
  current_leaf_id: string | null;
  pinned_at: number | null;
}

interface Row {
  id: string;
  parent_id: string | null;
  role: 'user' | 'assistant';
  content: string;
  reasoning: string | null;
  status: ExportedMessage['status'];
  model: string | null;
  provider: string | null;
  generation_id: string | null;
  finish_reason: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_tokens: number | null;
  reasoning_tokens: number | null;
  cached_tokens: number | null;
  /** Picodollars (shared/money.ts); the file keeps the exact decimal string of USD. */
  cost_pico: number | null;
  cost_status: 'pending' | 'estimated' | null;
  estimate_pico: number | null;
  is_byok: number | null;
  usage_json: string | null;
  error_code: string | null;
  error_message: string | null;
  first_token_ms: number | null;
  duration_ms: number | null;
  tool_calls_json: string | null;
  created_at: number;
  updated_at: number;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null; // A damaged blob is dropped rather than failing the whole export.
  }
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

function toToolCalls(text: string | null): ExportedMessage['toolCalls'] {
  const parsed = parseJson(text);
  if (!Array.isArray(parsed)) return null;
  return parsed.flatMap((entry) => {
    const call = asRecord(entry);
    if (!call || typeof call.name !== 'string' || typeof call.arguments !== 'string') return [];
    return [{ id: typeof call.id === 'string' ? call.id : null, name: call.name, arguments: call.arguments }];
  });
}

function toMessage(row: Row): ExportedMessage {
  const hasUsage = row.usage_json !== null || row.prompt_tokens !== null || row.completion_tokens !== null;
  return {
    id: row.id,
    parentId: row.parent_id,
    role: row.role,
    content: row.content,
    reasoning: row.reasoning,
    status: row.status,
    model: row.model,
    provider: row.provider,
    generationId: row.generation_id,
    finishReason: row.finish_reason,
    usage: hasUsage
      ? {
          promptTokens: row.prompt_tokens,
          completionTokens: row.completion_tokens,
          totalTokens: row.total_tokens,
          reasoningTokens: row.reasoning_tokens,
          cachedTokens: row.cached_tokens,
          costUsd: row.cost_pico === null ? null : fromPico(BigInt(row.cost_pico)),
          isByok: row.is_byok === null ? null : row.is_byok === 1,
          raw: asRecord(parseJson(row.usage_json)),
        }
      : null,
    costStatus: row.cost_status,
    estimateUsd: row.estimate_pico === null ? null : fromPico(BigInt(row.estimate_pico)),
    error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' },
    firstTokenMs: row.first_token_ms,
    durationMs: row.duration_ms,
    toolCalls: toToolCalls(row.tool_calls_json),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class HistorySnapshot {
  private readonly file: string;
  private readonly statements: {
    ids: Statement<[], { id: string }>;
    conversation: Statement<[string], ConversationRow>;
    messages: Statement<[string], Row>;
  };

  constructor(db: Database) {
    this.file = db.name;
    this.statements = guardStorage(this.file, () => ({
      // A conversation deleted but still undoable is not exported: to the person it is gone.
      ids: db.prepare<[], { id: string }>(
        'SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY updated_at DESC, created_at DESC, id',
      ),
      conversation: db.prepare<[string], ConversationRow>(
        `SELECT id, title, model, created_at, updated_at, max_output_tokens, current_leaf_id, pinned_at
         FROM conversations WHERE id = ? AND deleted_at IS NULL`,
      ),
      // seq order puts every parent before its children: a message only ever follows one written before it.
      messages: db.prepare<[string], Row>(
        `SELECT id, parent_id, role, content, reasoning, status, model, provider, generation_id, finish_reason,
                prompt_tokens, completion_tokens, total_tokens, reasoning_tokens, cached_tokens, cost_pico, is_byok,
                usage_json, error_code, error_message, first_token_ms, duration_ms, tool_calls_json,
                created_at, updated_at, cost_status, estimate_pico
         FROM messages WHERE conversation_id = ? ORDER BY seq`,
      ),
    }));
  }

  /** Every conversation id, most recently active first. */
  conversationIds(): string[] {
    return guardStorage(this.file, () => this.statements.ids.all().map((row) => row.id));
  }

  /** One whole conversation, or null when it was deleted since the ids were read. */
  read(id: string): ExportedConversation | null {
    return guardStorage(this.file, () => {
      const row = this.statements.conversation.get(id);
      if (!row) return null;
      return {
        id: row.id,
        title: row.title,
        model: row.model,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        maxOutputTokens: row.max_output_tokens,
        currentLeafId: row.current_leaf_id,
        pinnedAt: row.pinned_at,
        messages: this.statements.messages.all(id).map(toMessage),
      };
    });
  }
}
