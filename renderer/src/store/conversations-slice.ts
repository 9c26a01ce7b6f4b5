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
      // Each conversation keeps its own draft; the new chat's is kept too (`conversationId: null`).
      get().switchDraft(null);
      // A new conversation starts on the default model (Settings, or "Make default" in the model palette).
      get().closeCompare();
      set({ activeConversationId: null, messagesLoading: false, chatError: null, newChatModel: get().defaultModel });
      get().showThread([], false);
    },

    async selectConversation(id) {
      get().closeCompare();
      if (id === get().activeConversationId && !get().messagesLoading) return;
      const mine = ++selection;
      const known = get().conversations.find((item) => item.id === id);
      get().switchDraft(id);
      const { [id]: _seen, ...unread } = get().unread;
      set({
        activeConversationId: id,
        messagesLoading: true,
        chatError: null,
        unread,
        ...(known ? { newChatModel: known.model } : {}),
      });
      get().dismissKeyConfirmation();
      get().showThread([], false);
      // Only the last page crosses the transport; older pages load as the person scrolls up.
      const result = await api.conversations.get(id);
      if (mine !== selection) return;
      if (!result.ok) {
        set({ messagesLoading: false, chatError: result.error });
        return;
      }
      get().showThread(result.value.messages, result.value.hasOlder);
      set({ messagesLoading: false });
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

    async setMaxOutputTokens(id, maxOutputTokens) {
      const result = await api.conversations.setMaxOutput(id, maxOutputTokens);
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      get().putConversation(result.value);
      return true;
    },

    async deleteConversation(id) {
      get().stopReply(id);
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
