// Immutable list updates for the store: replace by id, keep the order people expect.

import type { Conversation, Message } from '../../../shared/domain';

/** Pinned first, then newest activity first, as in every chat client's sidebar (and the core's list). */
export function upsertConversation(list: readonly Conversation[], conversation: Conversation): Conversation[] {
  const rest = list.filter((item) => item.id !== conversation.id);
  return sortConversations([...rest, conversation]);
}

export function sortConversations(list: readonly Conversation[]): Conversation[] {
  return [...list].sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) ||
      b.updatedAt - a.updatedAt ||
      b.createdAt - a.createdAt ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Replaces the message with the same id in place, or appends it: a conversation reads oldest first. */
export function upsertMessage(list: readonly Message[], message: Message): Message[] {
  const index = list.findIndex((item) => item.id === message.id);
  if (index === -1) return [...list, message];
  const next = [...list];
  next[index] = message;
  return next;
}
