// Renderer: one message in a compare column. A column is its own conversation, so the conversation's actions
// (edit, versions, regenerate) are not offered here; a failed reply gets its column's Retry instead.

import { memo } from 'react';
import type { Message } from '../../../../shared/domain';
import type { RetryNotice } from '../../lib/stream-reducer';
import { Markdown } from '../markdown/Markdown';
import { ReplyMeta } from '../chat/ReplyMeta';
import { replyStatusText } from '../chat/reply-status';
import { messageClass } from '../chat/message-class';
import styles from '../chat/message.module.css';

export const CompareMessage = memo(function CompareMessage({
  message,
  retrying = null,
}: {
  message: Message;
  retrying?: RetryNotice | null;
}) {
  if (message.role === 'user') {
    return (
      <article aria-label="Your message" className={messageClass(message)}>
        <div className={styles.text}>{message.content}</div>
      </article>
    );
  }
  // The column shows no reasoning, so a reply with only reasoning so far still says it is waiting.
  const status = replyStatusText(message, { retrying, thinkingShown: false });
  const streaming = message.status === 'streaming';
  return (
    <article aria-label="Assistant message" aria-busy={streaming || undefined} className={messageClass(message)}>
      <Markdown text={message.content} streaming={streaming} />
      {status ? (
        <p className={styles.status} role={message.status === 'error' ? 'alert' : undefined}>
          {status}
        </p>
      ) : null}
      <div className={styles.replyFooter}>
        <ReplyMeta message={message} />
      </div>
    </article>
  );
});
