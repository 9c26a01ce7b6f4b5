// Renderer: the store's shape, assembled from one interface per slice.

import type { StoreApi } from 'zustand/vanilla';
import type { DesktopApi } from '../../../shared/api';
import type { Conversation, HistoryStatus, KeyStatus, Message, ModelSummary } from '../../../shared/domain';
import type { AppError } from '../../../shared/result';
import type { ScheduleFrame } from '../lib/frame-batcher';
import type { ConnectionMonitor, ConnectionState } from '../transport/connection';

/** What the store needs from outside; injected so tests can run the real slices against fakes. */
export interface StoreDeps {
  api: DesktopApi;
  connection: ConnectionMonitor;
  scheduleFrame: ScheduleFrame;
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
  refreshKey(): Promise<void>;
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
  deleteConversation(id: string): Promise<boolean>;
  putConversation(conversation: Conversation): void;
}

export type TurnPhase = 'idle' | 'sending' | 'streaming';

export interface ChatSlice {
  /** Persisted messages of the active conversation; does not change while a reply streams. */
  messages: Message[];
  /** The reply being streamed; kept apart from `messages` so only its own bubble re-renders. */
  streamingMessage: Message | null;
  /** The sent text, shown at once until the core confirms it with the saved message. */
  pendingUserMessage: Message | null;
  streamConversationId: string | null;
  turnPhase: TurnPhase;
  draft: string;
  chatError: AppError | null;
  /** Replies the core could not save yet (a full disk), by message id: it keeps them in memory and retries. */
  unsavedReplies: Record<string, AppError>;
  setDraft(text: string): void;
  sendMessage(): Promise<void>;
  stopReply(): void;
  dismissChatError(): void;
  showError(error: AppError): void;
}

export type ModelsStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ModelsSlice {
  models: ModelSummary[];
  modelsStatus: ModelsStatus;
  modelsError: AppError | null;
  /** Model for a chat that does not exist yet; follows the person's last choice. */
  newChatModel: string;
  loadModels(): Promise<void>;
  /** False when the id is not shaped like a model id. */
  chooseModel(id: string): Promise<boolean>;
}

export interface SpendSlice {
  /** What replies cost since the app started, as OpenRouter reported it. */
  sessionSpendUsd: number;
  spendRefreshing: boolean;
  recordSpend(costUsd: number): void;
  /** Re-reads the remaining credit quietly; failures keep the last known figure. */
  refreshSpend(): Promise<void>;
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

export type AppState = AppSlice & KeySlice & ConversationsSlice & ChatSlice & ModelsSlice & SpendSlice & HistorySlice;

export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];
export type SliceCreator<T> = (set: SetState, get: GetState, deps: StoreDeps) => T;

export const defaultModel = 'openai/gpt-4o-mini';
