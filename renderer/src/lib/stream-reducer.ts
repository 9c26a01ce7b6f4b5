// Folds a batch of ChatStreamEvents into the visible state of one chat turn. Pure, so batching is testable.

import type { ChatStreamEvent, Conversation, Message } from '../../../shared/domain';
import type { AppError } from '../../../shared/result';

export interface TurnView {
  /** As the core last reported it (title and updatedAt change when a turn starts). */
  conversation: Conversation | null;
  userMessage: Message | null;
  /** The growing reply; at done/error it is replaced by the message the core persisted. */
  assistant: Message | null;
  finished: boolean;
  error: AppError | null;
  /** Set when the core could not save the reply (a full disk); it keeps the text in memory meanwhile. */
  storageWarning: AppError | null;
  /** An error before the first token that the core is retrying by itself; cleared once anything else arrives. */
  retrying: RetryNotice | null;
}

export interface RetryNotice {
  attempt: number;
  delayMs: number;
  error: AppError;
}

export const emptyTurn: TurnView = {
  conversation: null,
  userMessage: null,
  assistant: null,
  finished: false,
  error: null,
  storageWarning: null,
  retrying: null,
};

/**
 * Applies events in order. Consecutive text deltas are joined before touching the message, so a batch of
 * hundreds of tiny deltas costs one string concatenation and one new message object.
 */
export function reduceStream(view: TurnView, events: readonly ChatStreamEvent[]): TurnView {
  let next = view;
  let pendingText = '';
  let pendingReasoning = '';

  const flushText = () => {
    if (!next.assistant || (pendingText === '' && pendingReasoning === '')) {
      pendingText = '';
      pendingReasoning = '';
      return;
    }
    const assistant = next.assistant;
    next = {
      ...next,
      assistant: {
        ...assistant,
        content: assistant.content + pendingText,
        reasoning: pendingReasoning === '' ? assistant.reasoning : (assistant.reasoning ?? '') + pendingReasoning,
      },
    };
    pendingText = '';
    pendingReasoning = '';
  };

  for (const event of events) {
    // Nothing may change a finished turn: the persisted message is the truth.
    if (next.finished) break;
    // The retry notice lasts until the next attempt shows a sign of life (or the turn ends).
    if (next.retrying && event.type !== 'retrying' && event.type !== 'storage-warning')
      next = { ...next, retrying: null };
    switch (event.type) {
      case 'retrying':
        next = { ...next, retrying: { attempt: event.attempt, delayMs: event.delayMs, error: event.error } };
        break;
      case 'delta':
        // Text before `started` has no message to belong to; the contract says it cannot happen.
        if (next.assistant) pendingText += event.text;
        break;
      case 'reasoning':
        if (next.assistant) pendingReasoning += event.text;
        break;
      case 'started':
        flushText();
        next = {
          ...next,
          conversation: event.conversation,
          userMessage: event.userMessage,
          assistant: event.assistantMessage,
        };
        break;
      case 'usage':
        flushText();
        if (next.assistant) next = { ...next, assistant: { ...next.assistant, usage: event.usage } };
        break;
      case 'storage-warning':
        next = { ...next, storageWarning: event.error };
        break;
      case 'done':
        pendingText = '';
        pendingReasoning = '';
        next = { ...next, assistant: event.message, finished: true };
        break;
      case 'error': {
        flushText();
        const status = event.error.code === 'aborted' ? 'stopped' : 'error';
        const assistant = event.message ?? (next.assistant ? { ...next.assistant, status, error: event.error } : null);
        next = { ...next, assistant, finished: true, error: event.error };
        break;
      }
    }
  }
  flushText();
  return next;
}

/** A stream that ended without done or error (cancelled before it was sent, or cut off): keep what arrived. */
export function finishUnended(view: TurnView): TurnView {
  if (view.finished) return view;
  const assistant =
    view.assistant && view.assistant.status === 'streaming'
      ? { ...view.assistant, status: 'stopped' as const }
      : view.assistant;
  return { ...view, assistant, finished: true };
}
