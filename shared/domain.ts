// Contract: the records that cross the boundary between core and renderer.

import type { Attachment } from './attachments';
import type { ConversationSettings } from './conversation-settings';
import type { Usd } from './money';
import type { AppError } from './result';

export type MessageRole = 'user' | 'assistant';

/**
 * `streaming` only while a turn is in flight. A crash (or kill) leaves it, and the core repairs it to `interrupted` on
 * start, keeping the last checkpoint: never shown as if complete.
 */
export type MessageStatus = 'complete' | 'streaming' | 'stopped' | 'error' | 'interrupted';

/** A tool call the model asked for. Switchboard does not run tools; it shows them. */
export interface ToolCall {
  id: string | null;
  name: string;
  /** The arguments exactly as streamed (normally JSON text, but never parsed or trusted). */
  arguments: string;
}

/** Token and cost figures exactly as OpenRouter reported them; `raw` keeps the whole object for later features. */
export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  reasoningTokens: number | null;
  /** Prompt tokens read from the provider's cache (prompt_tokens_details.cached_tokens). */
  cachedTokens: number | null;
  /** Prompt tokens written to the cache this turn (prompt_tokens_details.cache_write_tokens); null when not said. */
  cacheWriteTokens: number | null;
  /**
   * What caching saved, in USD, when OpenRouter reported it (`cache_discount`; negative when writing the cache cost
   * more than it saved); null when it did not say.
   */
  cacheDiscountUsd: Usd | null;
  /** USD charged to the OpenRouter balance, exactly as reported (a decimal string); null when OpenRouter did not say. */
  costUsd: Usd | null;
  isByok: boolean | null;
  raw: Record<string, unknown>;
}

export interface Conversation {
  id: string;
  title: string;
  /** Model used for the next turn; each message records the model that actually answered. */
  model: string;
  createdAt: number;
  updatedAt: number;
  /** max_tokens for the next turn; null = automatic (the model's own max output, lowered only as the key's credit requires). */
  maxOutputTokens: number | null;
  /** Pinned conversations list before the others. */
  pinned: boolean;
  /**
   * Only what the person set on this conversation; the defaults for new conversations fill the rest when a turn is
   * sent (effectiveSettings in shared/conversation-settings.ts). `{}` = all defaults.
   */
  settings: ConversationSettings;
  /**
   * Set while the conversation is a column of a compare (shared/compare.ts): the sidebar lists the compare instead.
   * Absent for an ordinary conversation, and once "Continue with this one" made the column one.
   */
  compareId?: string;
}

/** A source the model cited (a `url_citation` annotation, e.g. from web search). Untrusted: shown as text and links. */
export interface Citation {
  url: string;
  title: string | null;
  /** The cited passage, when the provider gave one. */
  content: string | null;
  /** Where in the reply's text the citation applies (UTF-16 offsets as sent); null when not said. */
  startIndex: number | null;
  endIndex: number | null;
}

export interface Message {
  id: string;
  conversationId: string;
  role: MessageRole;
  content: string;
  reasoning: string | null;
  status: MessageStatus;
  /** Model requested for this turn (user) or the resolved model that answered (assistant). */
  model: string | null;
  provider: string | null;
  generationId: string | null;
  finishReason: string | null;
  usage: Usage | null;
  error: AppError | null;
  createdAt: number;
  /** The message this one follows in the thread: a user message follows the previous reply (null for the first), a reply its user message. */
  parentId: string | null;
  /** Every version at this point of the thread (same parent, same role), this one included, oldest first; `[id]` when only one. */
  versionIds: string[];
  /** Milliseconds from sending the request to the first token; replies only, null when unknown. */
  firstTokenMs: number | null;
  /** Milliseconds from sending the request to the end of the reply; replies only, null when unknown. */
  durationMs: number | null;
  /** Tool calls the model asked for; null when none. */
  toolCalls: ToolCall[] | null;
  /**
   * Replies: the effective settings the request was sent with (the conversation's over the defaults), so an old reply
   * can be understood and regenerated faithfully; null for questions and replies from before settings existed.
   */
  sentSettings: ConversationSettings | null;
  /** Replies: the model the request asked for (`model` is the one that answered); null when unknown. */
  requestedModel: string | null;
  /**
   * Replies answered by one of the fallback models: the requested model it stood in for ("answered by `model`,
   * fallback from `fallbackFrom`"); null otherwise (a router's pick or a dated model id is not a fallback).
   */
  fallbackFrom: string | null;
  /** Sources cited in the reply, in the order they came (numbered links under the answer); null when none. */
  citations: Citation[] | null;
  /** Null when the cost is on record (in `usage`) or nothing was billed; see CostStatus. */
  costStatus: CostStatus | null;
  /** Our own estimate, only when `costStatus` is 'estimated': OpenRouter never reported the charge. */
  estimatedCostUsd: Usd | null;
  /**
   * Questions: the files sent with it, in the order shown. Replies: the images the model sent back (kind 'image').
   * `[]` when none.
   */
  attachments: Attachment[];
}

/**
 * 'pending': the stream ended without a cost (stopped, failed, interrupted, or a legacy usage chunk without one) and
 * OpenRouter's generation record is being asked for it; 'estimated': that record never came, so the reply shows an
 * estimate, marked as one.
 */
export type CostStatus = 'pending' | 'estimated';

export interface ConversationWithMessages {
  conversation: Conversation;
  /** The last page (at most 50) of the current thread, oldest first. */
  messages: Message[];
  /** True when the thread has messages before the first one here (`messages:older` reads them). */
  hasOlder: boolean;
}

/** A page of the current thread, oldest first. */
export interface MessagePage {
  messages: Message[];
  hasOlder: boolean;
}

/** The most the renderer ever learns about the key: never the key itself. */
export interface KeyStatus {
  present: boolean;
  /** Where the key lives: the OS keychain, or memory for this session only. */
  storage: 'keychain' | 'session' | null;
  last4: string | null;
  label: string | null;
  /** Spending cap in USD; null = no limit. */
  limit: number | null;
  limitRemaining: number | null;
  isFreeTier: boolean | null;
  /** False when the key was saved without a successful check against OpenRouter. */
  verified: boolean;
}

/** Extra OpenRouter prices besides per-token input and output; null where the catalogue gives none (or "-1"). */
export interface ModelExtraPrices {
  /** USD charged per request, whatever its size. */
  request: number | null;
  /** USD per input image. */
  image: number | null;
  /** USD per web search. */
  webSearch: number | null;
  /** USD per reasoning token, when billed apart from output. */
  internalReasoning: number | null;
  /** USD per cached input token read / written. */
  cacheRead: number | null;
  cacheWrite: number | null;
}

/** One catalogue entry, as the picker, the context gauge and reply sizing read it (docs/openrouter-protocol.md §6.1). */
export interface ModelSummary {
  id: string;
  name: string;
  /** The id's author part ("openai" in "openai/gpt-4o-mini"). */
  author: string;
  description: string;
  /** Unix seconds; null when unknown. */
  created: number | null;
  contextLength: number | null;
  /** USD per token; null when OpenRouter reports the price as variable ("-1") or absent. */
  promptPrice: number | null;
  completionPrice: number | null;
  /** True when a price is "-1": routers, whose price is that of the model they pick. */
  variablePricing: boolean;
  extraPrices: ModelExtraPrices;
  isFree: boolean;
  /** "text", "image", "file", "audio", "video", or anything newer, kept as given. */
  inputModalities: string[];
  outputModalities: string[];
  /** What the request may carry; null when the entry does not say (older snapshots). */
  supportedParameters: string[] | null;
  supportsReasoning: boolean;
  /**
   * The reasoning efforts the model takes, when the catalogue lists them (`reasoning.supported_efforts`); absent or
   * null when it does not say (shared/settings-support.ts then assumes the documented set).
   */
  reasoningEfforts?: string[] | null;
  supportsTools: boolean;
  supportsStructuredOutput: boolean;
  /** The longest answer the model's top provider gives, in tokens; null when OpenRouter does not say. */
  maxCompletionTokens: number | null;
  /** The day OpenRouter retires the model (YYYY-MM-DD or an ISO time); null when none is announced. */
  expirationDate: string | null;
  /** A router (openrouter/auto…) picks another model per request; each reply records the one that answered. */
  isRouter: boolean;
}

/** The catalogue as cached by the core; `fetchedAt` null when nothing was ever fetched. */
export interface ModelCatalogue {
  models: ModelSummary[];
  /** When OpenRouter gave this list, in milliseconds since the epoch. */
  fetchedAt: number | null;
  /** Set when the last try to refresh failed (unreachable, malformed answer) and this is the older copy. */
  refreshError: AppError | null;
}

/** Favorites, recents (newest first) and the default model for new conversations; kept across restarts. */
/** A provider serving a model on OpenRouter, as routing settings name it. */
export interface ModelProvider {
  /** OpenRouter's slug for it ("openai", "deepinfra/turbo"): what the routing lists take. */
  slug: string;
  /** Its display name ("OpenAI"). */
  name: string;
}

export interface ModelPreferences {
  favorites: string[];
  recents: string[];
  /** Null until the person chooses one. */
  defaultModel: string | null;
}

export interface AppInfo {
  /** package.json's version. */
  version: string;
  transport: 'electron' | 'web';
  openRouterBaseUrl: string;
  /** What runs the core: Electron and Chromium are null on the web host (its page runs in whatever browser opened it). */
  runtime: { node: string; electron: string | null; chromium: string | null };
  /** The profile folder: history, backups, window state. */
  dataFolder: string;
  /** Whether this transport can open the data folder in the file manager (the desktop app); the web host cannot. */
  canShowDataFolder: boolean;
}

/**
 * What one chat turn streams to the renderer, in order: started, then deltas, then exactly one of done or error.
 * A storage-warning may come at any point after started; `retrying` only before the first token.
 * For `chat:continue`, `started.assistantMessage` is the existing reply with its text so far, and deltas append to it.
 */
export type ChatStreamEvent =
  | { type: 'started'; conversation: Conversation; userMessage: Message; assistantMessage: Message }
  /** An error before the first token is being retried automatically (attempt 1 or 2) after `delayMs`. */
  | { type: 'retrying'; attempt: number; delayMs: number; error: AppError }
  | { type: 'delta'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'done'; message: Message }
  | { type: 'error'; error: AppError; message: Message | null }
  /** The reply could not be saved (e.g. the disk is full); it streams on and is kept in memory until a save succeeds. */
  | { type: 'storage-warning'; error: AppError };

/** A copy of the history taken before a schema upgrade (`<file>.bak-v<version>`). */
export interface HistoryBackup {
  path: string;
  /** When the copy was written, in milliseconds since the epoch. */
  takenAt: number;
}

/** The history database was found damaged at start and moved aside, never written to. */
export interface HistoryDamage {
  /** Where the history database lives. */
  file: string;
  /** Where the damaged file (with its -wal and -shm) now is; null when there was no file, only backups. */
  movedTo: string | null;
  /** What the check found, for the details line. */
  reason: string;
}

export type HistoryStatus =
  /** `damage` is set when the history was started fresh after damage, for a notice the person can dismiss. */
  | { state: 'ready'; damage: HistoryDamage | null; restoredFrom: HistoryBackup | null }
  /** Nothing reads or writes history until the person chooses between the backup and a new, empty history. */
  | { state: 'needs-recovery'; damage: HistoryDamage; newestBackup: HistoryBackup }
  | { state: 'unavailable'; error: AppError };
