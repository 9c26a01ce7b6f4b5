// Renderer: what sits under a message: its status and notes, the quiet meta line, and the actions (on hover/focus).

import type { Message } from '../../../../shared/domain';
import type { RetryNotice } from '../../lib/stream-reducer';
import { lengthLimitText } from '../../lib/error-text';
import { MessageActions } from './MessageActions';
import { ReplyMeta } from './ReplyMeta';
import { replyStatusText } from './reply-status';
import { SentSettings } from './SentSettings';
import { Sources } from './Sources';
import { ToolCallNote } from './ToolCallNote';
import { useAppStore } from '../../store/use-app-store';
import styles from './message.module.css';

interface MessageFooterProps {
  message: Message;
  /** Set for the reply being streamed: it shows progress, and no actions until it is finished. */
  retrying?: RetryNotice | null;
}

export function MessageFooter({ message, retrying }: MessageFooterProps) {
  if (message.role === 'user') return <MessageActions message={message} />;
  const status = replyStatusText(message, { retrying });
  const live = message.status === 'streaming';
  return (
    <>
      {status ? (
        <p className={styles.status} aria-live={retrying ? 'polite' : undefined}>
          {status}
        </p>
      ) : null}
      {message.toolCalls && message.toolCalls.length > 0 ? <ToolCallNote calls={message.toolCalls} /> : null}
      <Sources citations={message.citations} />
      {live ? null : <SentSettings message={message} />}
      {!live && message.finishReason === 'length' ? <LengthNote message={message} /> : null}
      <div className={styles.replyFooter}>
        <ReplyMeta message={message} />
        {live ? null : <MessageActions message={message} />}
      </div>
    </>
  );
}

function LengthNote({ message }: { message: Message }) {
  const continueReply = useAppStore((s) => s.continueReply);
  return (
    <p className={styles.note}>
      {lengthLimitText}{' '}
      <button type="button" className="link-button" onClick={() => void continueReply(message.id)}>
        Continue
      </button>
    </p>
  );
}
