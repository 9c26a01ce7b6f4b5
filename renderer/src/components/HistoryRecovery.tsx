// Renderer: the history database was found damaged at start and moved aside; the person chooses what comes next.
// Nothing reads or writes history until then.

import type { HistoryBackup, HistoryDamage } from '../../../shared/domain';
import { formatDateTime } from '../lib/format';
import { useAppStore } from '../store/use-app-store';
import { ErrorAlert } from './ErrorAlert';
import page from './full-page.module.css';

export function HistoryRecovery({ damage, backup }: { damage: HistoryDamage; backup: HistoryBackup }) {
  const recover = useAppStore((s) => s.recoverHistory);
  const recovering = useAppStore((s) => s.historyRecovering);
  const error = useAppStore((s) => s.historyRecoverError);
  const takenAt = formatDateTime(backup.takenAt);
  return (
    <main className={page.page}>
      <div className="card">
        <h1>Your history needs attention</h1>
        {damage.movedTo ? (
          <p>
            Your history database was damaged, so Switchboard has not written to it. It was moved, unchanged, to{' '}
            <code className="path">{damage.movedTo}</code>.
          </p>
        ) : (
          <p>
            Your history database is missing from <code className="path">{damage.file}</code>, but a backup of it
            exists.
          </p>
        )}
        <p className="muted">{damage.reason}</p>
        <p>
          A backup from {takenAt} is at <code className="path">{backup.path}</code>. Restoring it brings back your
          conversations as they were then; the backup itself is kept.
        </p>
        {error ? <ErrorAlert error={error} /> : null}
        <div className={page.actions}>
          <button
            type="button"
            className="primary"
            disabled={recovering}
            onClick={() => void recover('restore-backup')}
          >
            Restore the backup from {takenAt}
          </button>
          <button type="button" disabled={recovering} onClick={() => void recover('start-fresh')}>
            Start a new, empty history
          </button>
        </div>
      </div>
    </main>
  );
}
