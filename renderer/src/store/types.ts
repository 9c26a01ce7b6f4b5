// Renderer: the store's shape, assembled from one interface per slice.

import type { SettingsSlice } from '../features/conversation-settings/settings-slice';
import type { StoreApi } from 'zustand/vanilla';
import type { DesktopApi } from '../../../shared/api';
import type { Conversation, HistoryStatus, KeyStatus, Message, ModelSummary } from '../../../shared/domain';
import type { Usd } from '../../../shared/money';
import type { ConversationSpend, KeyUsage, SpendExport, SpendOverview, SpendSummary } from '../../../shared/spend';
import type { AppError, Result } from '../../../shared/result';
import type { ScheduleFrame } from '../lib/frame-batcher';
import type { RetryNotice, TurnView } from '../lib/stream-reducer';
import type { ConnectionMonitor, ConnectionState } from '../transport/connection';
import type { PortabilitySlice } from '../features/portability/portability-slice';
import type { LibrarySlice } from '../features/history/library-slice';
import type { AppearanceSlice } from '../features/appearance/appearance-slice';
import type { InputModalityFilter } from '../features/models/model-query';
import type { AttachmentsSlice } from '../features/attachments/attachments-slice';
import type { CompareSlice } from '../features/compare/compare-slice';
import type { AboutSlice } from '../features/about/about-slice';

/** What the store needs from outside; injected so tests can run the real slices against fakes. */
export interface StoreDeps {
  api: DesktopApi;
  connection: ConnectionMonitor;
  scheduleFrame: ScheduleFrame;
  /** Runs `callback` after `ms`; returns a function that cancels it. Tests pass their own to run it when they say. */
  setTimer?(callback: () => void, ms: number): () => void;
}

export interface AppSlice {
  connection: ConnectionState;
  /** First thing after the page loads: find out whether a key exists. */
  start(): Promise<void>;
  /** Load what the main screen shows, once a key is known to exist. */
  loadWorkspace(): Promise<void>;
}

export interface KeySaveOptions {
  sessionOnly?: boolean;
  skipValidation?: boolean;
}

export interface KeySlice {
  /** Null until `key:status` answers. */
  keyStatus: KeyStatus | null;
  keyLoadError: AppError | null;
  /** The OS keychain cannot be used on this machine: a key can still be kept for this session only. */
  keychainProblem: AppError | null;
  keySaving: boolean;
  keySaveError: AppError | null;
  /** Options of the last save attempt, so a follow-up ("save anyway") keeps the earlier choice. */
  keySaveOptions: KeySaveOptions;
  /** Shown once on the empty chat after a successful save. */
  keyConfirmation: KeyStatus | null;
  /** Set when OpenRouter rejected the saved key mid-session: the key screen comes back in "replace" mode. */
  keyRejected: boolean;
  keyRefreshing: boolean;
  keyRefreshError: AppError | null;
  keyRemoving: boolean;
  keyRemoveError: AppError | null;
  loadKeyStatus(): Promise<void>;
  saveKey(rawKey: string, options?: KeySaveOptions): Promise<boolean>;
  /** Fetches the key's figures again; true when they arrived. */
  refreshKey(): Promise<boolean>;
  removeKey(): Promise<boolean>;
  resetKeyForm(): void;
  dismissKeyConfirmation(): void;
  markKeyRejected(): void;
  cancelKeyReplacement(): void;
}

export interface ConversationsSlice {
  conversations: Conversation[];
  conversationsLoaded: boolean;
  conversationsError: AppError | null;
  /** Null means a new chat: the core creates (and names) the conversation when its first message is sent. */
  activeConversationId: string | null;
  messagesLoading: boolean;
  loadConversations(): Promise<void>;
  newChat(): void;
  selectConversation(id: string): Promise<void>;
  renameConversation(id: string, title: string): Promise<boolean>;
  /** Caps a conversation's replies at this many tokens; null lets the core choose (the model's maximum, credit allowing). */
  setMaxOutputTokens(id: string, maxOutputTokens: number | null): Promise<boolean>;
  deleteConversation(id: string): Promise<boolean>;
  putConversation(conversation: Conversation): void;
}

/** A reply in flight in some conversation; several run at once, at most one per conversation. */
export interface LiveTurn {
  id: string;
  /** Null until the core has created the conversation for a new chat's first message. */
  conversationId: string | null;
  phase: 'sending' | 'streaming';
  /** The sent text, shown at once until the core confirms it (send and edit only). */
  pendingUser: Message | null;
  /** The reply as it streams; only its own row re-renders on each frame. */
  reply: Message | null;
  /** Loaded messages after this one are hidden while the turn runs: the version being replaced and what followed. */
  cutAfterId: string | null;
  /** The core is retrying an early failure by itself. */
  retrying: RetryNotice | null;
}

export interface ChatSlice {
  /** The open conversation's thread: its newest pages only, oldest first. Unchanged while replies stream. */
  messages: Message[];
  /** More of the thread lies before `messages[0]` in the database. */
  hasOlder: boolean;
  olderLoading: boolean;
  /** The list view's index of `messages[0]`; lowered by exactly the page size when an older page is prepended. */
  firstItemIndex: number;
  /** Bumped whenever `messages` is replaced whole, so the view starts again at the end. */
  threadGeneration: number;
  /** Replies in flight, by turn id. */
  liveTurns: Record<string, LiveTurn>;
  /** Conversations whose reply finished while the person was elsewhere. */
  unread: Record<string, true>;
  /** The last reply that finished or failed (not one stopped), for a notification; `seq` tells two apart. */
  finishedReply: FinishedReply | null;
  /** The person's message being edited in place. */
  editingMessageId: string | null;
  chatError: AppError | null;
  /** Replies the core could not save yet (a full disk), by message id: it keeps them in memory and retries. */
  unsavedReplies: Record<string, AppError>;
  /** Shows a freshly loaded thread (a conversation opened, or a new chat with none). */
  showThread(messages: Message[], hasOlder: boolean): void;
  loadOlder(): Promise<void>;
  sendMessage(): Promise<void>;
  /** A new version of a reply, optionally from another model; also how Retry works (with the reply's own model). */
  /** A new version of a reply: with `model` (else the conversation's), or `{ asSent: true }` as that reply was sent. */
  regenerate(messageId: string, model?: string, how?: { asSent: true }): Promise<void>;
  retryReply(messageId: string): Promise<void>;
  editMessage(messageId: string, text: string): Promise<void>;
  continueReply(messageId: string): Promise<void>;
  selectVersion(messageId: string): Promise<void>;
  startEditing(messageId: string | null): void;
  /** Up in an empty composer: edit the last message of yours in the open conversation. False when there is none. */
  editLastMessage(): boolean;
  /**
   * A compare column's turn: an ordinary chat:send to that column's conversation, streamed like any reply (its live
   * row is in `liveTurns`), without the open conversation's banner, unread mark or draft. Answers with how it ended
   * (null when the column was still busy or the model id is malformed).
   */
  sendInColumn(conversationId: string, text: string, model: string): Promise<TurnView | null>;
  /** A new conversation on `model` whose first message is `text` (a compare's Merge), opened as it starts. */
  /** `onStarted`: told the new conversation's id as soon as the core has created it. */
  startConversation(text: string, model: string, onStarted?: (conversationId: string) => void): Promise<void>;
  /**
   * The compare view says whether a column's end is below sight (the reader is higher up). While it is, the column's
   * growing text is not drawn (draw-pacer.ts); it is drawn as its end comes back into sight, and whole when it ends.
   */
  setColumnEndInSight(conversationId: string, inSight: boolean): void;
  /** Retry of a column's reply (a new version with the same model), as `sendInColumn`. */
  retryInColumn(conversationId: string, reply: Message): Promise<TurnView | null>;
  /** Stops the reply in the given conversation (the open one by default); other conversations stream on. */
  stopReply(conversationId?: string | null): void;
  dismissChatError(): void;
  showError(error: AppError): void;
}

export interface DraftSlice {
  /** What the composer holds, for the open conversation (or the new chat). */
  draft: string;
  /** False while a change has not reached the host. */
  draftSaved: boolean;
  setDraft(text: string): void;
  /** The open conversation changed: save the old draft now, show the new one's. */
  switchDraft(conversationId: string | null): void;
  /** The new chat became a conversation: what was typed meanwhile belongs to it now. */
  adoptNewChatDraft(conversationId: string): void;
  /** A message that could not be sent goes back where it was typed, unless something new was typed there. */
  restoreDraft(conversationId: string | null, text: string): void;
  flushDraft(): Promise<void>;
}

export type ModelsStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Why the model palette is open: to choose the open conversation's model, or the default for new ones. */
export type ModelPalettePurpose = 'conversation' | 'default' | 'compare';

export interface ModelsSlice {
  /** The catalogue, in OpenRouter's order. Read one entry with `selectModelEntry`. */
  models: ModelSummary[];
  modelsStatus: ModelsStatus;
  /** Set when there is no catalogue at all (never fetched, and the fetch failed). */
  modelsError: AppError | null;
  /** When the catalogue shown was fetched; null before the first one. */
  modelsFetchedAt: number | null;
  /** The last refresh failed: the older copy is shown, and this says why. */
  modelsRefreshError: AppError | null;
  modelsRefreshing: boolean;
  favoriteModels: string[];
  /** Newest first. */
  recentModels: string[];
  /** For new conversations: the person's choice, else the built-in one. */
  defaultModel: string;
  /** Model for a chat that does not exist yet: the default, until the person picks another for it. */
  newChatModel: string;
  /** Null while the palette is closed. */
  modelPalette: ModelPalettePurpose | null;
  loadModels(): Promise<void>;
  /** Fetches the catalogue now; a failure keeps the one shown. */
  refreshModels(): Promise<void>;
  loadModelPreferences(): Promise<void>;
  toggleFavorite(id: string): Promise<void>;
  setDefaultModel(id: string): Promise<void>;
  /** False when the id is not shaped like a model id. */
  chooseModel(id: string): Promise<boolean>;
  /** Input kinds the palette opens filtered to (a model that accepts the attached images); empty = as left. */
  modelPaletteRequires: InputModalityFilter[];
  openModelPalette(purpose?: ModelPalettePurpose, requires?: InputModalityFilter[]): void;
  closeModelPalette(): void;
}

export interface SpendSlice {
  /** This month's spend against the budget; null until first loaded. */
  spendOverview: SpendOverview | null;
  /** The open conversation's running cost. */
  conversationSpend: { conversationId: string; spend: ConversationSpend } | null;
  spendViewOpen: boolean;
  /** What the Spend view shows: the ledger's summary and GET /key's figures, each with its own failure. */
  spendView: {
    summary: SpendSummary | null;
    keyUsage: KeyUsage | null;
    error: AppError | null;
    keyError: AppError | null;
  };
  /** The 80 % warnings due now (each shown once a month). */
  spendNotices: string[];
  /** Asked before sending when the reply may pass the budget or the key's limit; null when nothing is asked. */
  sendQuestion: string | null;
  /** After a reply: re-reads the remaining credit, this month's spend and the open conversation's total. */
  refreshSpend(): Promise<void>;
  loadSpendOverview(): Promise<void>;
  checkSpendWarnings(): void;
  dismissSpendNotices(): void;
  loadConversationSpend(conversationId: string): Promise<void>;
  /** Replies showing "cost pending" get their settled figures in place, without reopening the conversation. */
  settlePendingCosts(): Promise<void>;
  openSpendView(): void;
  loadSpendView(): Promise<void>;
  /** The ledger as CSV (for the view to hand to the browser as a download). */
  exportSpendCsv(): Promise<Result<SpendExport>>;
  closeSpendView(): void;
  /** Null on success, else what went wrong. */
  setMonthlyBudget(monthlyUsd: Usd | null): Promise<AppError | null>;
  /**
   * Which send the question is about: the open conversation's message, a compare's round (every column), or a
   * compare's Merge (its prompt to the chosen model, kept in `pendingMerge` until answered).
   */
  sendQuestionFor: 'chat' | 'compare' | 'merge';
  pendingMerge: { prompt: string; model: string; compareId: string | null } | null;
  /** Send, unless the budget or the key's limit means asking first. */
  requestSend(): Promise<void>;
  /** A compare's round: asks (as requestSend does) over every column's estimate added up; true when it asked. */
  askBeforeCompareSend(): boolean;
  /** Merge: the prompt goes to the chosen model as a new conversation, after the same budget check as any send. */
  requestMergeSend(prompt: string, model: string): Promise<void>;
  answerSendQuestion(send: boolean): Promise<void>;
}

export interface HistorySlice {
  /** Null until `history:status` answers (it waits for the start-up integrity check). */
  historyStatus: HistoryStatus | null;
  historyNoticeDismissed: boolean;
  historyRecovering: boolean;
  historyRecoverError: AppError | null;
  loadHistoryStatus(): Promise<void>;
  recoverHistory(choice: 'restore-backup' | 'start-fresh'): Promise<void>;
  dismissHistoryNotice(): void;
}

export type AppState = AboutSlice &
  CompareSlice &
  PortabilitySlice &
  AttachmentsSlice &
  SettingsSlice &
  AppearanceSlice &
  AppSlice &
  LibrarySlice &
  KeySlice &
  ConversationsSlice &
  ChatSlice &
  DraftSlice &
  ModelsSlice &
  SpendSlice &
  HistorySlice;

export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];
export type SliceCreator<T> = (set: SetState, get: GetState, deps: StoreDeps) => T;

export const defaultModel = 'openai/gpt-4o-mini';

export interface FinishedReply {
  seq: number;
  conversationId: string;
  /** The conversation's title as the turn last reported it ('' when untitled). */
  title: string;
  failed: boolean;
}
