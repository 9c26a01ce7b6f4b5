// Renderer: ‹ 2/3 › on a message with versions; flipping shows that version's thread and continues from it.

import type { Message } from '../../../../shared/domain';
import { useAppStore } from '../../store/use-app-store';
import clsx from 'clsx';
import styles from './message-actions.module.css';

export function VersionPager({ message, disabled }: { message: Message; disabled: boolean }) {
  const selectVersion = useAppStore((s) => s.selectVersion);
  const versions = message.versionIds;
  const index = versions.indexOf(message.id);
  if (versions.length < 2 || index === -1) return null;
  const go = (to: number) => {
    const id = versions[to];
    if (id) void selectVersion(id);
  };
  return (
    <span className={styles.versionPager} role="group" aria-label="Versions">
      <button
        type="button"
        className={clsx(styles.quietButton, styles.iconOnly)}
        aria-label="Previous version"
        title="Previous version"
        disabled={disabled || index === 0}
        onClick={() => go(index - 1)}
      >
        ‹
      </button>
      <span className={styles.versionCount} aria-label={`Version ${index + 1} of ${versions.length}`}>
        {index + 1}/{versions.length}
      </span>
      <button
        type="button"
        className={clsx(styles.quietButton, styles.iconOnly)}
        aria-label="Next version"
        title="Next version"
        disabled={disabled || index === versions.length - 1}
        onClick={() => go(index + 1)}
      >
        ›
      </button>
    </span>
  );
}
