// Renderer: one message bubble. A person's text is shown as typed; a reply as Markdown that never renders raw HTML.

import type { Message } from '../../../shared/domain';
import { CopyIconButton } from '../features/markdown/CopyButton';
import { Markdown } from '../features/markdown/Markdown';
import { MessageThinking } from '../features/reasoning/MessageThinking';
import { describeError } from '../lib/error-text';
import { formatCost, formatTokens, shortModelName } from '../lib/format';
import { UnsavedReplyNote } from './UnsavedReplyNote';

function statusText(message: Message): string | null {
  switch (message.status) {
    case 'complete':
      return null;
    case 'streaming':
      if (message.content !== '') return 'Writing…';
      return message.reasoning ? 'Thinking…' : 'Waiting for the model…';
    case 'stopped':
      return 'Stopped';
    case 'error':
      return message.error ? `Failed: ${describeError(message.error).message}` : 'Failed';
  }
}

function usageLine(message: Message): string | null {
  if (!message.usage) return null;
  const parts = [
    message.model ? shortModelName(message.model) : null,
    formatTokens(message.usage.totalTokens),
    message.usage.costUsd === null ? null : formatCost(message.usage.costUsd),
  ];
  return parts.filter((part) => part !== null).join(' · ');
}

export function MessageView({ message }: { message: Message }) {
  const isUser = message.role === 'user';
  const status = isUser ? null : statusText(message);
  const usage = isUser ? null : usageLine(message);
  const streaming = message.status === 'streaming';
  return (
    <article
      aria-label={isUser ? 'Your message' : 'Assistant message'}
      // Screen readers wait for the finished reply instead of reading every fragment.
      aria-busy={streaming || undefined}
      className={`message ${isUser ? 'from-user' : 'from-assistant'} status-${message.status}`}
    >
      {message.reasoning ? <MessageThinking message={message} /> : null}
      {isUser ? (
        <div className="message-text">{message.content}</div>
      ) : (
        <Markdown text={message.content} streaming={streaming} />
      )}
      {streaming || message.content === '' ? null : (
        <CopyIconButton text={message.content} label="Copy message" className="copy-message" />
      )}
      {status ? <p className="message-status">{status}</p> : null}
      {usage ? <p className="message-meta">{usage}</p> : null}
      {isUser ? null : <UnsavedReplyNote messageId={message.id} />}
    </article>
  );
}
