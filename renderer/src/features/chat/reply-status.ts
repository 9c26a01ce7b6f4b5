// Renderer: the one owner of the line under a reply that says where it stands (waiting, writing, stopped, failed,
// retrying by itself). The conversation's footer and a compare column's message both show it, in the same words.

import type { Message } from '../../../../shared/domain';
import { describeError, describeRetry, interruptedText } from '../../lib/error-text';
import type { RetryNotice } from '../../lib/stream-reducer';

export interface ReplyStatusOptions {
  /** Set while the core retries an early failure by itself: that notice is the status. */
  retrying?: RetryNotice | null;
  /**
   * Whether a Thinking block above shows the reasoning as it arrives; then a reply with only reasoning so far needs no
   * "waiting" line of its own. A compare column shows no reasoning, so it keeps the line.
   */
  thinkingShown?: boolean;
}

/** The reply's status line, or null when there is nothing to say (a finished reply, a user's message). */
export function replyStatusText(message: Message, { retrying = null, thinkingShown = true }: ReplyStatusOptions = {}) {
  if (message.role !== 'assistant') return null;
  if (retrying) return describeRetry(retrying);
  switch (message.status) {
    case 'complete':
      return null;
    case 'streaming':
      if (message.content !== '') return 'Writing…';
      return message.reasoning && thinkingShown ? null : 'Waiting for the model…';
    case 'stopped':
      return 'Stopped';
    case 'interrupted':
      return interruptedText;
    case 'error':
      return message.error ? `Failed: ${describeError(message.error).message}` : 'Failed';
  }
}
