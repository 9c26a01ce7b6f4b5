// Renderer: the history was found damaged at start and no backup existed, so a new one was started; says where
// the damaged file went, until dismissed.

import { useAppStore } from '../store/use-app-store';

export function HistoryNotice() {
  const status = useAppStore((s) => s.historyStatus);
  const dismissed = useAppStore((s) => s.historyNoticeDismissed);
  const dismiss = useAppStore((s) => s.dismissHistoryNotice);
  if (dismissed || status?.state !== 'ready' || !status.damage) return null;
  const { damage } = status;
  return (
    <div role="status" className="history-notice banner">
      <div>
        <p>
          <strong>Your history database was damaged, and no backup was found, so Switchboard started a new one.</strong>
        </p>
        <p>
          {damage.movedTo ? (
            <>
              The damaged file was moved, unchanged, to <code className="path">{damage.movedTo}</code>.
            </>
          ) : null}{' '}
          {damage.reason}
        </p>
      </div>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
