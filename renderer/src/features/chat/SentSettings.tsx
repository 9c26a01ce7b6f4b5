// Renderer: what a reply was sent with (its conversation's settings at the time), folded under the reply, so an old
// answer can be understood after the settings changed.

import type { Message } from '../../../../shared/domain';
import { describeSettings } from '../conversation-settings/describe-settings';
import styles from './message.module.css';

export function SentSettings({ message }: { message: Message }) {
  if (!message.sentSettings) return null;
  const phrases = describeSettings(message.sentSettings);
  if (phrases.length === 0) return null;
  return (
    <details className={styles.sentSettings}>
      <summary>
        Sent with {phrases.length} {phrases.length === 1 ? 'setting' : 'settings'}
      </summary>
      <ul>
        {phrases.map((phrase) => (
          <li key={phrase}>{phrase}</li>
        ))}
      </ul>
    </details>
  );
}
