// Renderer: the conversation as a log, kept scrolled to the newest text while the reader is at the bottom.

import { useEffect, useRef } from 'react';
import { selectVisiblePendingUserMessage, selectVisibleStreamingId } from '../store/selectors';
import { useAppStore } from '../store/use-app-store';
import { MessageRow } from './MessageRow';
import { StreamingMessage } from './StreamingMessage';

/** Within this many pixels of the end counts as "at the bottom". */
const stickThreshold = 48;

export function MessageList() {
  const messages = useAppStore((s) => s.messages);
  const streamingId = useAppStore(selectVisibleStreamingId);
  const pendingUser = useAppStore(selectVisiblePendingUserMessage);
  const loading = useAppStore((s) => s.messagesLoading);
  const activeId = useAppStore((s) => s.activeConversationId);
  const logRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);

  // Growth of any message (the streaming one included) keeps the view pinned, unless the reader scrolled up.
  useEffect(() => {
    const log = logRef.current;
    const content = contentRef.current;
    if (!log || !content) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) log.scrollTop = log.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  // Opening a conversation, or sending a message, means "show me the end" even if the reader had scrolled up.
  const sending = pendingUser !== null;
  useEffect(() => {
    atBottom.current = true;
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [activeId, sending]);

  const onScroll = () => {
    const log = logRef.current;
    if (log) atBottom.current = log.scrollHeight - log.scrollTop - log.clientHeight < stickThreshold;
  };

  return (
    <div
      role="log"
      aria-label="Messages"
      aria-busy={loading || undefined}
      className="message-log"
      ref={logRef}
      onScroll={onScroll}
      tabIndex={0}
    >
      <div className="message-stack" ref={contentRef}>
        {messages.map((message) =>
          // The stored copy of the reply being streamed is stale; the live one is drawn below.
          message.id === streamingId ? null : <MessageRow key={message.id} message={message} />,
        )}
        {pendingUser ? <MessageRow key={pendingUser.id} message={pendingUser} /> : null}
        {streamingId ? <StreamingMessage key={streamingId} /> : null}
      </div>
    </div>
  );
}
