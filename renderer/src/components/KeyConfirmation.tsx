// Renderer: a one-time note that the key works, with what it may spend.

import type { KeyStatus } from '../../../shared/domain';
import { formatCredit, maskKey } from '../lib/format';
import styles from './empty-chat.module.css';

export function KeyConfirmation({ status }: { status: KeyStatus }) {
  const name = status.label ? `“${status.label}”` : maskKey(status.last4);
  return (
    <section className={styles.keyConfirmation} aria-labelledby="key-confirmation-title">
      <h2 id="key-confirmation-title">Your key is ready</h2>
      <p>Saved the key {name}.</p>
      {status.verified ? (
        <ul className={styles.facts}>
          <li>Limit: {formatCredit(status.limit)}</li>
          <li>Remaining: {formatCredit(status.limitRemaining)}</li>
          {status.isFreeTier ? <li>Free tier</li> : null}
        </ul>
      ) : (
        <p>OpenRouter could not be reached to check it; Switchboard will check it on the first message.</p>
      )}
      {status.storage === 'session' ? (
        <p>It is kept for this session only; Switchboard will ask for it again next time.</p>
      ) : null}
    </section>
  );
}
