// Renderer: one message bubble. A person's text is shown as typed; a reply as Markdown that never renders raw HTML.

import { useRef } from 'react';
import type { Message } from '../../../shared/domain';
import { useMessageMenu } from '../features/chat/MessageMenu';
import { MessageFooter } from '../features/chat/MessageFooter';
import { CopyIconButton } from '../features/markdown/CopyButton';
import { Markdown } from '../features/markdown/Markdown';
import { MessageThinking } from '../features/reasoning/MessageThinking';
import type { RetryNotice } from '../lib/stream-reducer';
import { UnsavedReplyNote } from './UnsavedReplyNote';
import { MessageAttachments } from '../features/attachments/MessageAttachments';
import { messageClass } from '../features/chat/message-class';
import styles from '../features/chat/message.module.css';

export function MessageView({ message, retrying }: { message: Message; retrying?: RetryNotice | null }) {
  const isUser = message.role === 'user';
  const streaming = message.status === 'streaming';
  const articleRef = useRef<HTMLElement>(null);
  const messageMenu = useMessageMenu(message, articleRef);
  return (
    <article
      ref={articleRef}
      onContextMenu={messageMenu.onContextMenu}
      aria-label={isUser ? 'Your message' : 'Assistant message'}
      // Screen readers wait for the finished reply instead of reading every fragment.
      aria-busy={streaming || undefined}
      className={messageClass(message)}
    >
      {message.reasoning ? <MessageThinking message={message} /> : null}
      {isUser ? <MessageAttachments attachments={message.attachments} generated={false} /> : null}
      {isUser ? (
        <div className={styles.text}>{message.content}</div>
      ) : (
        <Markdown text={message.content} streaming={streaming} />
      )}
      {isUser ? null : <MessageAttachments attachments={message.attachments} generated />}
      {streaming || message.content === '' ? null : (
        // A reply copies as the Markdown it was written in (the context menu's Copy gives the text as it reads).
        <CopyIconButton
          text={message.content}
          label={isUser ? 'Copy message' : 'Copy as Markdown'}
          className={styles.copy}
        />
      )}
      <MessageFooter message={message} retrying={retrying} />
      {isUser ? null : <UnsavedReplyNote messageId={message.id} />}
      {messageMenu.menu}
    </article>
  );
}
