// Renderer: one picture at full size, above everything; Esc or Close returns to the conversation.

import { Download, X } from 'lucide-react';
import { useId } from 'react';
import { Modal } from '../../components/Modal';
import { attachmentSrc } from './attachment-url';
import styles from './attachments.module.css';
import type { Attachment } from '../../../../shared/attachments';

export function ImageViewer({
  attachment,
  onSave,
  onClose,
}: {
  attachment: Attachment;
  onSave(): void;
  onClose(): void;
}) {
  const titleId = useId();
  const size = attachment.width && attachment.height ? ` (${attachment.width} × ${attachment.height})` : '';
  return (
    <Modal role="dialog" labelledBy={titleId} className={styles.imageViewer} onClose={onClose}>
      <div className={styles.imageViewerBar}>
        <h2 id={titleId} title={attachment.name}>
          {attachment.name}
          <span className="visually-hidden">{size}</span>
        </h2>
        <button type="button" className={styles.iconTextButton} onClick={onSave}>
          <Download size={16} aria-hidden="true" /> Save as…
        </button>
        <button type="button" className="icon-button" aria-label="Close" data-autofocus onClick={onClose}>
          <X size={18} aria-hidden="true" />
        </button>
      </div>
      <img src={attachmentSrc(attachment.id, 'original')} alt={attachment.name} />
    </Modal>
  );
}
