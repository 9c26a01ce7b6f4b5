// Renderer store slice: the conversation list and which conversation is open.

import { sortConversations, upsertConversation } from '../lib/collections';
import type { ConversationsSlice, SliceCreator } from './types';

export const createConversationsSlice: SliceCreator<ConversationsSlice> = (set, get, { api }) => {
  /** Only the latest selection may fill the message list; a slow earlier load is ignored. */
  let selection = 0;

  return {
    conversations: [],
    conversationsLoaded: false,
    conversationsError: null,
    activeConversationId: null,
    messagesLoading: false,

    async loadConversations() {
      set({ conversationsError: null });
      const result = await api.conversations.list();
      if (!result.ok) {
        set({ conversationsError: result.error });
        return;
      }
      set({ conversations: sortConversations(result.value), conversationsLoaded: true });
    },

    newChat() {
      selection++;
      // The draft stays: starting a new chat must not throw away what was typed.
      set({ activeConversationId: null, messages: [], messagesLoading: false, chatError: null });
    },

    async selectConversation(id) {
      if (id === get().activeConversationId && !get().messagesLoading) return;
      const mine = ++selection;
      const known = get().conversations.find((item) => item.id === id);
      set({
        activeConversationId: id,
        messages: [],
        messagesLoading: true,
        chatError: null,
        keyConfirmation: null,
        ...(known ? { newChatModel: known.model } : {}),
      });
      const result = await api.conversations.get(id);
      if (mine !== selection) return;
      if (!result.ok) {
        set({ messagesLoading: false, chatError: result.error });
        return;
      }
      set({ messages: result.value.messages, messagesLoading: false });
      get().putConversation(result.value.conversation);
    },

    async renameConversation(id, title) {
      const trimmed = title.trim();
      const current = get().conversations.find((item) => item.id === id);
      if (!current || trimmed === '' || trimmed === current.title) return true;
      const result = await api.conversations.rename(id, trimmed);
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      get().putConversation(result.value);
      return true;
    },

    async deleteConversation(id) {
      if (get().streamConversationId === id) get().stopReply();
      const result = await api.conversations.delete(id);
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      set({ conversations: get().conversations.filter((item) => item.id !== id) });
      if (get().activeConversationId === id) get().newChat();
      return true;
    },

    putConversation(conversation) {
      set({ conversations: upsertConversation(get().conversations, conversation) });
    },
  };
};
