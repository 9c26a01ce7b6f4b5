// Core: the messages table's row shape and its mapping to the shared Message record, in both directions.

import type { ConversationSettings } from '../../../shared/conversation-settings';
import type {
  Citation,
  CostStatus,
  Message,
  MessageRole,
  MessageStatus,
  ToolCall,
  Usage,
} from '../../../shared/domain';
import { fromPico, toPico } from '../../../shared/money';
import { type AppError, type ErrorCode, errorCodes } from '../../../shared/result';
import { cacheFigures } from '../openrouter/usage';
import { settingsFromJson } from './settings-json';
import { readStoredJson } from './stored-json';

/** The usage columns as bound parameters; all null when there is no usage, which is how a read knows there was none. */
export interface UsageParams {
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_tokens: number | null;
  reasoning_tokens: number | null;
  cached_tokens: number | null;
  /** Picodollars (1e-12 USD): exact, and summed exactly by SQLite. */
  cost_pico: bigint | null;
  is_byok: number | null;
  usage_json: string | null;
}

/**
 * One reply's picodollars are read back as a plain number: exact below 2^53 (about $9,007 for a single reply). Sums
 * of many replies are done in SQLite and read as BigInt (cost/spend-repo.ts).
 */
export interface MessageRow extends Omit<UsageParams, 'cost_pico'> {
  cost_pico: number | null;
  cost_status: CostStatus | null;
  estimate_pico: number | null;
  id: string;
  conversation_id: string;
  parent_id: string | null;
  seq: number;
  role: MessageRole;
  content: string;
  reasoning: string | null;
  status: MessageStatus;
  model: string | null;
  provider: string | null;
  generation_id: string | null;
  finish_reason: string | null;
  error_code: string | null;
  error_message: string | null;
  first_token_ms: number | null;
  duration_ms: number | null;
  tool_calls_json: string | null;
  sent_settings_json: string | null;
  requested_model: string | null;
  citations_json: string | null;
  created_at: number;
  updated_at: number;
}

export const messageColumns = `id, conversation_id, parent_id, seq, role, content, reasoning, status, model,
  provider, generation_id, finish_reason, prompt_tokens, completion_tokens, total_tokens, reasoning_tokens,
  cached_tokens, cost_pico, is_byok, usage_json, error_code, error_message, first_token_ms, duration_ms,
  tool_calls_json, created_at, updated_at, cost_status, estimate_pico, sent_settings_json, requested_model,
  citations_json`;

/** STRICT INTEGER columns reject fractions and NaN; a strange figure from upstream must not lose the whole reply. */
const wholeOrNull = (n: number | null): number | null => (n !== null && Number.isFinite(n) ? Math.round(n) : null);

/** Figures get their own columns so spend and token queries stay in SQL; `raw` keeps the rest for later features. */
export function usageToParams(usage: Usage | null): UsageParams {
  if (!usage) {
    return {
      prompt_tokens: null,
      completion_tokens: null,
      total_tokens: null,
      reasoning_tokens: null,
      cached_tokens: null,
      cost_pico: null,
      is_byok: null,
      usage_json: null,
    };
  }
  return {
    prompt_tokens: wholeOrNull(usage.promptTokens),
    completion_tokens: wholeOrNull(usage.completionTokens),
    total_tokens: wholeOrNull(usage.totalTokens),
    reasoning_tokens: wholeOrNull(usage.reasoningTokens),
    cached_tokens: wholeOrNull(usage.cachedTokens),
    cost_pico: toPico(usage.costUsd),
    is_byok: usage.isByok === null ? null : usage.isByok ? 1 : 0,
    usage_json: JSON.stringify(usage.raw ?? {}),
  };
}

function parseRaw(json: string | null): Record<string, unknown> {
  // A damaged blob must not hide the message; the figures in the columns are still right.
  const parsed = readStoredJson(json);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

/** Usage as stored: each figure null where OpenRouter did not say (the export keeps that); null for no usage at all. */
export type StoredUsage = Omit<
  Usage,
  'promptTokens' | 'completionTokens' | 'totalTokens' | 'cacheWriteTokens' | 'cacheDiscountUsd'
> & {
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
};

export function rowToStoredUsage(row: MessageRow): StoredUsage | null {
  if (row.usage_json === null && row.prompt_tokens === null && row.completion_tokens === null) return null;
  const raw = parseRaw(row.usage_json);
  return {
    promptTokens: row.prompt_tokens,
    completionTokens: row.completion_tokens,
    totalTokens: row.total_tokens,
    reasoningTokens: row.reasoning_tokens,
    cachedTokens: row.cached_tokens,
    costUsd: row.cost_pico === null ? null : fromPico(BigInt(row.cost_pico)),
    isByok: row.is_byok === null ? null : row.is_byok === 1,
    raw,
  };
}

/** The page shows figures: a figure OpenRouter left out counts as none. */
function rowToUsage(row: MessageRow): Usage | null {
  const stored = rowToStoredUsage(row);
  if (!stored) return null;
  const promptTokens = stored.promptTokens ?? 0;
  const completionTokens = stored.completionTokens ?? 0;
  return {
    ...stored,
    promptTokens,
    completionTokens,
    totalTokens: stored.totalTokens ?? promptTokens + completionTokens,
    // Rare figures are read from the report as OpenRouter sent it rather than given columns of their own.
    ...cacheFigures(stored.raw),
  };
}

export function toolCallsToJson(calls: ToolCall[] | null): string | null {
  return calls && calls.length > 0 ? JSON.stringify(calls) : null;
}

/** Only well-formed entries survive: a damaged blob must not hide the message. */
function rowToToolCalls(json: string | null): ToolCall[] | null {
  const parsed = readStoredJson(json);
  if (!Array.isArray(parsed)) return null;
  const calls = parsed.flatMap((entry: unknown): ToolCall[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { id, name, arguments: args } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || typeof args !== 'string') return [];
    return [{ id: typeof id === 'string' ? id : null, name, arguments: args }];
  });
  return calls.length > 0 ? calls : null;
}

export function citationsToJson(citations: Citation[] | null): string | null {
  return citations && citations.length > 0 ? JSON.stringify(citations) : null;
}

const intOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Only entries with a URL survive: a damaged blob must not hide the message. */
function rowToCitations(json: string | null): Citation[] | null {
  const parsed = readStoredJson(json);
  if (!Array.isArray(parsed)) return null;
  const citations = parsed.flatMap((entry: unknown): Citation[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const record = entry as Record<string, unknown>;
    if (typeof record['url'] !== 'string') return [];
    return [
      {
        url: record['url'],
        title: textOrNull(record['title']),
        content: textOrNull(record['content']),
        startIndex: intOrNull(record['startIndex']),
        endIndex: intOrNull(record['endIndex']),
      },
    ];
  });
  return citations.length > 0 ? citations : null;
}

/**
 * The requested model a fallback stood in for: only when the model that answered is one of the fallbacks sent (by
 * id, or a dated form of one: "…-20260423"). A router's pick, or a dated form of the requested model, is no fallback.
 */
export function fallbackFrom(
  answered: string | null,
  requested: string | null,
  sent: ConversationSettings | null,
): string | null {
  if (answered === null || requested === null || answered === requested) return null;
  const sameModel = (id: string) => answered === id || answered.startsWith(`${id}-`);
  if (sameModel(requested)) return null;
  return (sent?.fallbackModels ?? []).some(sameModel) ? requested : null;
}

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

function rowToError(row: MessageRow): AppError | null {
  if (row.error_code === null) return null;
  // A code renamed or dropped in a later version still shows its message rather than vanishing.
  const code: ErrorCode = knownCodes.has(row.error_code) ? (row.error_code as ErrorCode) : 'internal';
  return { code, message: row.error_message ?? '' };
}

/** `versionIds` is `[id]` and `attachments` `[]` here; the repository fills them in when it reads a thread. */
export function rowToMessage(row: MessageRow): Message {
  const sentSettings = settingsFromJson(row.sent_settings_json);
  return {
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role,
    content: row.content,
    reasoning: row.reasoning,
    status: row.status,
    model: row.model,
    provider: row.provider,
    generationId: row.generation_id,
    finishReason: row.finish_reason,
    usage: rowToUsage(row),
    error: rowToError(row),
    createdAt: row.created_at,
    parentId: row.parent_id,
    versionIds: [row.id],
    firstTokenMs: row.first_token_ms,
    durationMs: row.duration_ms,
    toolCalls: rowToToolCalls(row.tool_calls_json),
    costStatus: row.cost_status,
    estimatedCostUsd: row.estimate_pico === null ? null : fromPico(BigInt(row.estimate_pico)),
    // A reply sent with no settings at all stored `{}`; questions store nothing.
    sentSettings,
    requestedModel: row.requested_model,
    fallbackFrom: row.role === 'assistant' ? fallbackFrom(row.model, row.requested_model, sentSettings) : null,
    citations: rowToCitations(row.citations_json),
    // The repository fills them in from the link table when it reads messages.
    attachments: [],
  };
}
