// Renderer store slice: the open conversation's messages, the reply being streamed, the draft and the last error.

import type { StreamHandle } from '../../../shared/api';
import type { ChatStreamEvent, Message, MessageRole } from '../../../shared/domain';
import { maxMessageLength, modelIdSchema } from '../../../shared/schemas';
import { upsertMessage } from '../lib/collections';
import { createFrameBatcher } from '../lib/frame-batcher';
import { emptyTurn, finishUnended, reduceStream, type TurnView } from '../lib/stream-reducer';
import { selectCurrentModel } from './selectors';
import type { AppState, ChatSlice, SliceCreator } from './types';

/** One send, from the click to the last event; lives outside the state because nothing renders it. */
interface Turn {
  text: string;
  conversationId: string | null;
  handle: StreamHandle | null;
  view: TurnView;
}

export const pendingUserId = 'pending-user';
export const pendingAssistantId = 'pending-assistant';

/** Stand-ins drawn the moment Send is pressed; the core's `started` replaces both. */
function placeholder(role: MessageRole, content: string, conversationId: string | null): Message {
  return {
    id: role === 'user' ? pendingUserId : pendingAssistantId,
    conversationId: conversationId ?? '',
    role,
    content,
    reasoning: null,
    status: role === 'user' ? 'complete' : 'streaming',
    model: null,
    provider: null,
    generationId: null,
    finishReason: null,
    usage: null,
    error: null,
    createdAt: Date.now(),
  };
}

export const createChatSlice: SliceCreator<ChatSlice> = (set, get, deps) => {
  let turn: Turn | null = null;

  /** Moves one batch of events into the store; the last batch also closes the turn. */
  const commit = (current: Turn, next: TurnView) => {
    const previous = current.view;
    current.view = next;
    if (next === previous) return;
    if (next.conversation && next.conversation !== previous.conversation) get().putConversation(next.conversation);
    const patch: Partial<AppState> = {};
    if (current.conversationId === null && next.conversation) {
      // The core created the conversation for this first message. Open it, unless the person has moved on.
      current.conversationId = next.conversation.id;
      patch.streamConversationId = current.conversationId;
      if (get().activeConversationId === null) patch.activeConversationId = current.conversationId;
    }
    const state = get();
    const showing = (patch.activeConversationId ?? state.activeConversationId) === current.conversationId;
    let messages = state.messages;

    if (next.userMessage && next.userMessage !== previous.userMessage) {
      if (showing) messages = upsertMessage(messages, next.userMessage);
      patch.pendingUserMessage = null;
      patch.turnPhase = 'streaming';
      // The core saves replies it kept in memory before it writes a new turn; this one's start proves it could.
      if (Object.keys(state.unsavedReplies).length > 0) patch.unsavedReplies = {};
    }

    const assistantId = next.assistant?.id;
    if (next.storageWarning && next.storageWarning !== previous.storageWarning && assistantId) {
      patch.unsavedReplies = { ...(patch.unsavedReplies ?? state.unsavedReplies), [assistantId]: next.storageWarning };
    }

    if (!next.finished) {
      if (next.assistant !== previous.assistant) patch.streamingMessage = next.assistant;
    } else {
      turn = null;
      Object.assign(patch, {
        streamingMessage: null,
        pendingUserMessage: null,
        streamConversationId: null,
        turnPhase: 'idle' as const,
      });
      if (next.assistant && showing) messages = upsertMessage(messages, next.assistant);
      const error = next.error;
      const failed = error !== null && error.code !== 'aborted';
      // Never lose what was typed: a failed turn, or one stopped before the core saved it, puts the text back.
      if ((failed || next.userMessage === null) && state.draft.trim() === '') patch.draft = current.text;
      if (failed && error.code !== 'unauthorized') patch.chatError = error;
    }
    if (messages !== state.messages) patch.messages = messages;
    set(patch);

    if (next.finished) {
      const cost = next.assistant?.usage?.costUsd;
      if (cost != null) get().recordSpend(cost);
      if (next.error?.code === 'unauthorized') get().markKeyRejected();
      else if (next.error?.code !== 'offline') void get().refreshSpend();
    }
  };

  return {
    messages: [],
    streamingMessage: null,
    pendingUserMessage: null,
    streamConversationId: null,
    turnPhase: 'idle',
    draft: '',
    chatError: null,
    unsavedReplies: {},

    setDraft(text) {
      set({ draft: text });
    },

    async sendMessage() {
      const state = get();
      const text = state.draft;
      // Over the limit the composer explains; the draft stays where it is.
      if (turn || text.trim() === '' || text.length > maxMessageLength) return;
      const model = selectCurrentModel(state);
      if (!modelIdSchema.safeParse(model).success) {
        set({
          chatError: {
            code: 'invalid_input',
            message: `“${model}” is not a model id; ids look like openai/gpt-4o-mini.`,
          },
        });
        return;
      }
      const current: Turn = {
        text,
        conversationId: state.activeConversationId,
        handle: null,
        view: emptyTurn,
      };
      turn = current;
      // Feedback on the click itself: the message and an empty reply appear before any round trip.
      set({
        turnPhase: 'sending',
        chatError: null,
        keyConfirmation: null,
        draft: '',
        pendingUserMessage: placeholder('user', text, current.conversationId),
        streamingMessage: placeholder('assistant', '', current.conversationId),
        streamConversationId: current.conversationId,
      });

      const batcher = createFrameBatcher<ChatStreamEvent>(
        (events) => commit(current, reduceStream(current.view, events)),
        deps.scheduleFrame,
      );
      // Without a conversation id the core starts a new conversation and names it from this message.
      const input = current.conversationId ? { conversationId: current.conversationId, text, model } : { text, model };
      current.handle = deps.api.chat.send(input, (event) => batcher.push(event));
      await current.handle.finished;
      batcher.flush();
      // Cancelled before the host saw it, or cut off without done/error: close the turn with what arrived.
      if (!current.view.finished) commit(current, finishUnended(current.view));
    },

    stopReply() {
      if (!turn) return;
      turn.handle?.cancel();
    },

    dismissChatError() {
      set({ chatError: null });
    },

    showError(error) {
      set({ chatError: error });
    },
  };
};
