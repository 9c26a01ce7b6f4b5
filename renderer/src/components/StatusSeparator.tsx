// Renderer: the dot between two facts of the status bar (the bar's own and the spend feature's), hidden from screen
// readers, which read each fact as its own.

import styles from './status-bar.module.css';

export function StatusSeparator() {
  return (
    <span aria-hidden="true" className={styles.separator}>
      {' '}
      ·{' '}
    </span>
  );
}
