// Renderer: the actions under a message, shown on hover or keyboard focus: Retry, Regenerate (with another model),
// Edit, and the version pager. They wait while the conversation has a reply in flight.

import type { Message } from '../../../../shared/domain';
import { selectIsReplying } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { RegenerateMenu } from './RegenerateMenu';
import { VersionPager } from './VersionPager';
import styles from './message.module.css';
import actionStyles from './message-actions.module.css';

/** Replies that did not finish: Retry asks the same model again, in place, without sending the question twice. */
const retryable = new Set<Message['status']>(['error', 'stopped', 'interrupted']);

export function MessageActions({ message }: { message: Message }) {
  const busy = useAppStore(selectIsReplying);
  const retryReply = useAppStore((s) => s.retryReply);
  const startEditing = useAppStore((s) => s.startEditing);
  const isUser = message.role === 'user';
  return (
    <div className={styles.actions} role="group" aria-label={isUser ? 'Message actions' : 'Reply actions'}>
      {isUser ? (
        <button
          type="button"
          className={actionStyles.quietButton}
          disabled={busy}
          onClick={() => startEditing(message.id)}
        >
          Edit
        </button>
      ) : (
        <>
          {retryable.has(message.status) ? (
            <button
              type="button"
              className={actionStyles.quietButton}
              disabled={busy}
              onClick={() => void retryReply(message.id)}
            >
              Retry
            </button>
          ) : null}
          <RegenerateMenu message={message} disabled={busy} />
        </>
      )}
      <VersionPager message={message} disabled={busy} />
    </div>
  );
}
