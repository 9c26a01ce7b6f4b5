// Renderer: one message in a compare column. A column is its own conversation, so the conversation's actions
// (edit, versions, regenerate) are not offered here; a failed reply gets its column's Retry instead.

import { memo } from 'react';
import type { Message } from '../../../../shared/domain';
import { describeError, describeRetry, interruptedText } from '../../lib/error-text';
import type { RetryNotice } from '../../lib/stream-reducer';
import { Markdown } from '../markdown/Markdown';
import { ReplyMeta } from '../chat/ReplyMeta';

function statusText(message: Message, retrying: RetryNotice | null): string | null {
  if (retrying) return describeRetry(retrying);
  switch (message.status) {
    case 'streaming':
      return message.content === '' ? 'Waiting for the model…' : null;
    case 'stopped':
      return 'Stopped';
    case 'interrupted':
      return interruptedText;
    case 'error':
      return message.error ? `Failed: ${describeError(message.error).message}` : 'Failed';
    default:
      return null;
  }
}

export const CompareMessage = memo(function CompareMessage({
  message,
  retrying = null,
}: {
  message: Message;
  retrying?: RetryNotice | null;
}) {
  if (message.role === 'user') {
    return (
      <article aria-label="Your message" className="message from-user">
        <div className="message-text">{message.content}</div>
      </article>
    );
  }
  const status = statusText(message, retrying);
  const streaming = message.status === 'streaming';
  return (
    <article
      aria-label="Assistant message"
      aria-busy={streaming || undefined}
      className={`message from-assistant status-${message.status}`}
    >
      <Markdown text={message.content} streaming={streaming} />
      {status ? (
        <p className="message-status" role={message.status === 'error' ? 'alert' : undefined}>
          {status}
        </p>
      ) : null}
      <div className="reply-footer">
        <ReplyMeta message={message} />
      </div>
    </article>
  );
});
