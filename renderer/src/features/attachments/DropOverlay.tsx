// Renderer: what the conversation shows while files are dragged over it.

import { Paperclip } from 'lucide-react';
import styles from './attachments.module.css';

export function DropOverlay() {
  return (
    <div className={styles.dropOverlay} role="status" aria-live="polite">
      <div className={styles.dropCard}>
        <Paperclip size={22} aria-hidden="true" />
        <span>Drop to attach: images, PDFs, text files</span>
      </div>
    </div>
  );
}
