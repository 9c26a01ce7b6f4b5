// Renderer store slice: organising and searching history — pin, delete with Undo, delete everything, search, find,
// opening a message far up a conversation — and keeping the list in step with every other window.

import type { Compare } from '../../../../shared/compare';
import type { Conversation } from '../../../../shared/domain';
import type { FindResults, LibraryEvent, SearchResults } from '../../../../shared/library';
import type { AppError, Result } from '../../../../shared/result';
import type { TitleSettings } from '../../../../shared/titles';
import type { SearchInput } from '../../../../shared/schemas';
import type { SliceCreator } from '../../store/types';

/** What the Undo toast offers to bring back: a conversation, or a compare with its columns. */
export type Undoable =
  | { kind: 'conversation'; conversation: Conversation; wasOpen: boolean }
  | { kind: 'compare'; compare: Compare; wasOpen: boolean };

export interface LibrarySlice {
  /** The conversation or compare just deleted, while its Undo is offered. */
  undoable: Undoable | null;
  searchOpen: boolean;
  findOpen: boolean;
  /** Bumped by each Ctrl/Cmd+F, so a find bar already open takes the focus again. */
  findFocusNonce: number;
  /**
   * The message to bring into view and highlight once the open thread shows it (a search hit, a find match); `nonce`
   * changes each time, so revealing the same message twice scrolls twice.
   */
  reveal: { messageId: string; nonce: number; terms: string[] } | null;
  togglePinned(id: string): Promise<boolean>;
  /** Deletes at once and offers Undo; false (with the error shown) when the core refused. */
  deleteWithUndo(id: string): Promise<boolean>;
  undoDelete(): Promise<void>;
  dismissUndo(): void;
  /** Every conversation; with `alsoSpending`, the spend ledger too (kept otherwise: it is what the key spent). */
  deleteAllHistory(alsoSpending?: boolean): Promise<boolean>;
  setSearchOpen(open: boolean): void;
  setFindOpen(open: boolean): void;
  searchHistory(input: SearchInput): Promise<Result<SearchResults>>;
  findInOpenConversation(query: string): Promise<Result<FindResults>>;
  /**
   * Opens the conversation scrolled to the message (loading as far back as it lies) and highlights it, with `terms`
   * (the searched words) marked inside it.
   */
  openMessage(conversationId: string, messageId: string, terms?: string[]): Promise<void>;
  applyLibraryEvent(event: LibraryEvent): void;
  /** In a narrow window, whether the sidebar is open over the conversation (wide windows always show it). */
  sidebarOpen: boolean;
  setSidebarOpen(open: boolean): void;
  /** Whether a cheap model names new conversations (Settings); null until read. */
  titleSettings: TitleSettings | null;
  loadTitleSettings(): Promise<void>;
  /** The error when the change could not be saved (shown beside the setting), else null. */
  setGeneratedTitles(enabled: boolean): Promise<AppError | null>;
}

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get, { api, connection }) => {
  let nonce = 0;
  let wasOffline = false;
  // Changes made while the link was down were never heard: read the list again once it is back.
  connection.subscribe((state) => {
    if (state === 'offline') wasOffline = true;
    if (state === 'open' && wasOffline && get().conversationsLoaded) void get().loadConversations();
    if (state === 'open') wasOffline = false;
  });

  const removeFromList = (id: string) => {
    const { [id]: _unread, ...unread } = get().unread;
    set({ conversations: get().conversations.filter((item) => item.id !== id), unread });
    if (get().activeConversationId === id) get().newChat();
  };

  return {
    undoable: null,
    searchOpen: false,
    findOpen: false,
    findFocusNonce: 0,
    reveal: null,
    titleSettings: null,
    sidebarOpen: false,

    setSidebarOpen(open) {
      if (get().sidebarOpen !== open) set({ sidebarOpen: open });
    },

    async loadTitleSettings() {
      const result = await api.titles.settings();
      if (result.ok) set({ titleSettings: result.value });
    },

    async setGeneratedTitles(enabled) {
      const result = await api.titles.setEnabled(enabled);
      if (!result.ok) return result.error;
      set({ titleSettings: result.value });
      return null;
    },

    async togglePinned(id) {
      const current = get().conversations.find((item) => item.id === id);
      if (!current) return false;
      const result = await api.conversations.setPinned(id, !current.pinned);
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      get().putConversation(result.value);
      return true;
    },

    async deleteWithUndo(id) {
      const conversation = get().conversations.find((item) => item.id === id);
      if (!conversation) return false;
      const wasOpen = get().activeConversationId === id;
      get().stopReply(id);
      const result = await api.conversations.delete(id);
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      removeFromList(id);
      set({ undoable: { kind: 'conversation', conversation, wasOpen } });
      return true;
    },

    async undoDelete() {
      const undoable = get().undoable;
      if (!undoable) return;
      set({ undoable: null });
      if (undoable.kind === 'compare') {
        await get().restoreCompare(undoable.compare.id, undoable.wasOpen);
        return;
      }
      const result = await api.conversations.restore(undoable.conversation.id);
      if (!result.ok) {
        get().showError(result.error);
        return;
      }
      get().putConversation(result.value);
      if (undoable.wasOpen) await get().selectConversation(result.value.id);
    },

    dismissUndo() {
      set({ undoable: null });
    },

    async deleteAllHistory(alsoSpending = false) {
      for (const conversation of get().conversations) get().stopReply(conversation.id);
      const result = await api.conversations.deleteAll();
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      get().applyLibraryEvent({ type: 'cleared' });
      if (!alsoSpending) return true;
      const cleared = await api.spend.clearLedger();
      if (!cleared.ok) {
        get().showError(cleared.error);
        return false;
      }
      void get().loadSpendOverview();
      return true;
    },

    setSearchOpen(open) {
      set({ searchOpen: open });
    },

    setFindOpen(open) {
      set(open ? { findOpen: true, findFocusNonce: get().findFocusNonce + 1 } : { findOpen: false });
    },

    searchHistory(input) {
      return api.search.messages(input);
    },

    findInOpenConversation(query) {
      const id = get().activeConversationId;
      if (id === null) return Promise.resolve({ ok: true, value: { messageIds: [], truncated: false } });
      return api.search.inConversation(id, query);
    },

    async openMessage(conversationId, messageId, terms = []) {
      // A hit in a compare's column opens the compare, every column as it was.
      const compareId = get().conversations.find((item) => item.id === conversationId)?.compareId;
      if (compareId !== undefined) {
        await get().openCompare(compareId);
        return;
      }
      get().closeCompare();
      const state = get();
      const showsIt =
        state.activeConversationId === conversationId &&
        !state.messagesLoading &&
        state.messages.some((message) => message.id === messageId);
      if (showsIt) {
        set({ reveal: { messageId, nonce: ++nonce, terms } });
        return;
      }
      if (state.activeConversationId !== conversationId) state.switchDraft(conversationId);
      const { [conversationId]: _seen, ...unread } = state.unread;
      set({ activeConversationId: conversationId, messagesLoading: true, chatError: null, unread, reveal: null });
      state.showThread([], false);
      const result = await api.conversations.reveal(conversationId, messageId);
      // Someone chose something else meanwhile.
      if (get().activeConversationId !== conversationId) return;
      if (!result.ok) {
        set({ messagesLoading: false, chatError: result.error });
        return;
      }
      // Set before the thread shows, so the list opens at the message instead of at the end.
      set({ reveal: { messageId, nonce: ++nonce, terms } });
      get().showThread(result.value.messages, result.value.hasOlder);
      set({ messagesLoading: false });
      get().putConversation(result.value.conversation);
    },

    applyLibraryEvent(event) {
      if (!get().conversationsLoaded) return;
      if (event.type === 'changed') {
        get().putConversation(event.conversation);
        // A compare started in another window: its record comes with the list of compares.
        const compareId = event.conversation.compareId;
        if (compareId !== undefined && !get().compares.some((item) => item.id === compareId)) void get().loadCompares();
      } else if (event.type === 'removed') removeFromList(event.id);
      else {
        set({ conversations: [], unread: {}, undoable: null, compares: [] });
        get().newChat();
      }
    },
  };
};
