// Renderer: derived values read by more than one component or slice.

import type { Conversation, Message } from '../../../shared/domain';
import type { AppState } from './types';

export function selectActiveConversation(state: AppState): Conversation | null {
  return state.conversations.find((item) => item.id === state.activeConversationId) ?? null;
}

/** The model the next turn will use: the open conversation's, or the one picked for a new chat. */
export function selectCurrentModel(state: AppState): string {
  return selectActiveConversation(state)?.model ?? state.newChatModel;
}

export function selectIsReplying(state: AppState): boolean {
  return state.turnPhase !== 'idle';
}

/** A turn belongs to one conversation (null: a new chat not created yet); show it only there. */
function showsTurn(state: AppState): boolean {
  return state.turnPhase !== 'idle' && state.streamConversationId === state.activeConversationId;
}

export function selectVisibleStreamingId(state: AppState): string | null {
  return showsTurn(state) ? (state.streamingMessage?.id ?? null) : null;
}

export function selectVisiblePendingUserMessage(state: AppState): Message | null {
  return showsTurn(state) ? state.pendingUserMessage : null;
}
