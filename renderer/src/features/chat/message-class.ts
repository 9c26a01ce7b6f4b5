// Renderer: a message's classes (a bubble or a reply's card, and the statuses that change its look), one rule for
// the conversation (MessageView) and a compare column (CompareMessage).

import clsx from 'clsx';
import type { Message } from '../../../../shared/domain';
import styles from './message.module.css';

/** The statuses message.module.css styles: a reply that failed or did not finish shows its Retry at once. */
const statusClass: Partial<Record<Message['status'], string | undefined>> = {
  error: styles.statusError,
  stopped: styles.statusStopped,
  interrupted: styles.statusInterrupted,
};

export function messageClass(message: Pick<Message, 'role' | 'status'>, ...extra: (string | undefined)[]): string {
  return clsx(
    styles.message,
    message.role === 'user' ? styles.fromUser : styles.fromAssistant,
    statusClass[message.status],
    ...extra,
  );
}
