// Renderer: the running (or just finished) export or import — what it is doing, how far it is, Cancel, and then what
// came of it. Announced politely to screen readers as it changes.

import { ErrorAlert } from '../../components/ErrorAlert';
import { useAppStore } from '../../store/use-app-store';
import { transferFraction, transferText } from './transfer-text';
import styles from './portability.module.css';

export function TransferProgress() {
  const transfer = useAppStore((s) => s.transfer);
  const error = useAppStore((s) => s.transferError);
  const cancel = useAppStore((s) => s.cancelTransfer);
  const dismiss = useAppStore((s) => s.dismissTransfer);
  if (!transfer && !error) return null;
  const running = transfer !== null && (transfer.state === 'waiting' || transfer.state === 'running');
  const fraction = transfer ? transferFraction(transfer) : null;
  return (
    <div className={styles.transferProgress} data-state={transfer?.state ?? 'failed'}>
      {transfer ? (
        <p role={transfer.state === 'failed' ? 'alert' : 'status'} className={styles.transferText}>
          {transferText(transfer)}
        </p>
      ) : null}
      {running ? (
        <progress
          aria-label={transfer.kind === 'export' ? 'Export progress' : 'Import progress'}
          max={1}
          value={fraction ?? undefined}
        />
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      <div className="button-row">
        {running ? (
          <button type="button" onClick={() => void cancel()}>
            Cancel {transfer.kind}
          </button>
        ) : (
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}
