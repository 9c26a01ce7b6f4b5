// Renderer: "are you sure?" before something that cannot be undone.

import { useId } from 'react';
import type { AppError } from '../../../shared/result';
import { ErrorAlert } from './ErrorAlert';
import { Modal } from './Modal';
import styles from './confirm-dialog.module.css';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  busy?: boolean;
  error?: AppError | null;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, body, confirmLabel, busy, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const id = useId();
  return (
    <Modal
      role="alertdialog"
      labelledBy={`${id}-title`}
      describedBy={`${id}-body`}
      className={styles.confirm}
      onClose={onCancel}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-body`}>{body}</p>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="button-row end">
        {/* The safe choice has focus, so a stray Enter does not destroy anything. */}
        <button type="button" data-autofocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
