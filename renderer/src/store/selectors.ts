// Renderer: derived values read by more than one component or slice.

import type { Conversation } from '../../../shared/domain';
import type { AppState, LiveTurn } from './types';

export function selectActiveConversation(state: AppState): Conversation | null {
  return state.conversations.find((item) => item.id === state.activeConversationId) ?? null;
}

/** The model the next turn will use: the open conversation's, or the one picked for a new chat. */
export function selectCurrentModel(state: AppState): string {
  return selectActiveConversation(state)?.model ?? state.newChatModel;
}

/** The reply in flight in the open conversation (or the new chat), if any. */
export function selectOpenTurn(state: AppState): LiveTurn | null {
  for (const id in state.liveTurns) {
    const turn = state.liveTurns[id];
    if (turn && turn.conversationId === state.activeConversationId) return turn;
  }
  return null;
}

/** True while the open conversation has a reply in flight: its composer offers Stop instead of Send. */
export function selectIsReplying(state: AppState): boolean {
  return selectOpenTurn(state) !== null;
}

/** True while some conversation has a reply in flight (closing the page would cancel it). */
export function selectAnyReplying(state: AppState): boolean {
  for (const _ in state.liveTurns) return true;
  return false;
}

export function selectIsStreamingIn(state: AppState, conversationId: string): boolean {
  for (const id in state.liveTurns) if (state.liveTurns[id]?.conversationId === conversationId) return true;
  return false;
}
