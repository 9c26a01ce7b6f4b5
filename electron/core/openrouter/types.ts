// Types the OpenRouter client hands to the rest of the core; transport-free so services and tests can share them.

import type { Citation, Usage } from '../../../shared/domain';
import type { Usd } from '../../../shared/money';
import type { AppError } from '../../../shared/result';
import type { PdfEngine } from '../../../shared/attachments';

export type ChatRole = 'system' | 'user' | 'assistant';

/** A text part; `cache_control` marks a prompt-caching breakpoint (docs/openrouter-protocol.md §2.9). */
export interface TextPart {
  type: 'text';
  text: string;
  cache_control?: { type: 'ephemeral' };
}

/** An image, as a data URL (docs/openrouter-protocol.md §2.10). */
export interface ImagePart {
  type: 'image_url';
  image_url: { url: string };
}

/** A file (a PDF), as a data URL; read natively or by the file-parser plugin (§2.10). */
export interface FilePart {
  type: 'file';
  file: { filename: string; file_data: string };
}

export type ContentPart = TextPart | ImagePart | FilePart;

export interface ChatMessage {
  role: ChatRole;
  content: string | ContentPart[];
}

/** Request fields from the conversation's settings, named as OpenRouter names them (chat/request-settings.ts). */
export interface RequestOptions {
  temperature?: number;
  top_p?: number;
  reasoning?: { effort?: string; max_tokens?: number; exclude?: boolean };
  provider?: {
    sort?: string;
    order?: string[];
    only?: string[];
    ignore?: string[];
    allow_fallbacks?: boolean;
    require_parameters?: boolean;
    data_collection?: 'deny';
    zdr?: boolean;
    max_price?: { prompt?: string; completion?: string };
  };
  models?: string[];
  plugins?: ({ id: 'web'; max_results?: number } | { id: 'file-parser'; pdf: { engine: PdfEngine } })[];
}

export interface ChatRequest {
  model: string;
  /** A final assistant message is a prefill: the model continues its text (docs/openrouter-protocol.md §2.2). */
  messages: ChatMessage[];
  /** Upper bound on the answer; OpenRouter reserves credit for this worst case, so it defaults to a modest value. */
  maxTokens?: number;
  options?: RequestOptions;
}

/**
 * What one upstream chat stream produces, in order:
 * `started` (at most once, when the first chunk names the generation),
 * then any number of `reasoning`/`delta`, at most one `finish`,
 * at most one `usage` (always just before the terminal event, carrying the final figures),
 * and exactly one terminal event: `done` or `error`.
 * Abort is reported as a terminal `error` with code `aborted`.
 */
export type UpstreamEvent =
  | { type: 'started'; generationId: string | null; model: string; provider: string | null }
  | { type: 'reasoning'; text: string }
  | { type: 'delta'; text: string }
  /** A fragment of a tool call the model asked for; ToolCallCollector joins fragments by index. */
  | { type: 'tool-call'; index: number; id: string | null; name: string | null; arguments: string }
  /** The first non-null finish_reason other than "error" (e.g. stop, length, tool_calls, content_filter). */
  | { type: 'finish'; finishReason: string; nativeFinishReason: string | null }
  /** Sources the reply cites, as they arrive (TurnAccumulator keeps each URL once). */
  | { type: 'citations'; citations: Citation[] }
  /** Pictures from an image-output model, as sent (data URLs); the turn stores them with the reply. */
  | { type: 'images'; urls: string[] }
  | { type: 'usage'; usage: Usage }
  /** finishReason is null only when OpenRouter sent [DONE] without ever giving a reason. */
  | { type: 'done'; finishReason: string | null; generationId: string | null }
  /** generationId (when known) lets the caller look up the cost of a failed or stopped turn via getGeneration. */
  | { type: 'error'; error: AppError; generationId: string | null };

export type TerminalEvent = Extract<UpstreamEvent, { type: 'done' | 'error' }>;

/** What GET /key says about a key. Money is USD; null where OpenRouter did not say (or means "no limit"). */
export interface KeyInfo {
  /** OpenRouter's own masked label, e.g. "sk-or-v1-au7...890", or the name the user gave the key. */
  label: string | null;
  /** Spending cap in USD; null = unlimited. */
  limit: number | null;
  limitRemaining: number | null;
  /** "daily" | "weekly" | "monthly" or null when the cap never resets. */
  limitReset: string | null;
  /** Total USD spent through this key (everywhere, not only in Switchboard), and today, this week, this month. */
  usage: number | null;
  usageDaily: number | null;
  usageWeekly: number | null;
  usageMonthly: number | null;
  isFreeTier: boolean | null;
}

/** The settled accounting for one generation, from GET /generation. */
export interface GenerationStats {
  id: string;
  /** USD charged to the balance; null when OpenRouter left it out. */
  totalCostUsd: Usd | null;
  promptTokens: number | null;
  completionTokens: number | null;
  reasoningTokens: number | null;
  cachedTokens: number | null;
  cancelled: boolean | null;
  model: string | null;
  provider: string | null;
  finishReason: string | null;
  isByok: boolean | null;
}

export interface GenerationLookupOptions {
  /** How many times to ask in all; a 404 right after a turn only means accounting has not settled. Default 6. */
  attempts?: number;
  /** First wait between attempts; doubles each time, capped at four times this value. Default 500 ms. */
  delayMs?: number;
  signal?: AbortSignal;
}
