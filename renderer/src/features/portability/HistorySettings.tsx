// Renderer: Settings › History — export everything, import a file, and the backups: back up now, show where they
// are, restore one (after a confirmation; the history as it is now is backed up first).

import { useEffect, useState } from 'react';
import type { BackupEntry } from '../../../../shared/portability';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAppStore } from '../../store/use-app-store';
import { TransferProgress } from './TransferProgress';
import { formatSize } from './transfer-text';
import clsx from 'clsx';
import settingsStyles from '../../components/settings.module.css';
import styles from './portability.module.css';

const kindLabels: Record<BackupEntry['kind'], string> = {
  daily: 'Daily',
  manual: 'Made by hand',
  upgrade: 'Before an upgrade',
  'before-restore': 'Before a restore',
};

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function HistorySettings({ reload = () => window.location.reload() }: { reload?(): void }) {
  const exportHistory = useAppStore((s) => s.exportHistory);
  const importHistory = useAppStore((s) => s.importHistory);
  const busy = useAppStore(
    (s) => s.transfer !== null && (s.transfer.state === 'waiting' || s.transfer.state === 'running'),
  );
  const backups = useAppStore((s) => s.backups);
  const backupsBusy = useAppStore((s) => s.backupsBusy);
  const backupError = useAppStore((s) => s.backupError);
  const folderShown = useAppStore((s) => s.backupFolderShown);
  const loadBackups = useAppStore((s) => s.loadBackups);
  const backUpNow = useAppStore((s) => s.backUpNow);
  const showBackupFolder = useAppStore((s) => s.showBackupFolder);
  const restoreBackup = useAppStore((s) => s.restoreBackup);
  const [confirming, setConfirming] = useState<BackupEntry | null>(null);

  useEffect(() => {
    void loadBackups();
  }, [loadBackups]);

  const restore = async (entry: BackupEntry) => {
    // Everything on screen belongs to the history being replaced: start again from the restored one.
    if (await restoreBackup(entry.path)) reload();
  };

  return (
    <section className={clsx(settingsStyles.section, styles.historySettings)} aria-labelledby="settings-history-title">
      <h3 id="settings-history-title">History</h3>
      <p className={settingsStyles.hint}>
        Export every conversation, or import a Switchboard export, a ChatGPT export (<code>conversations.json</code> or
        the zip it comes in), a Markdown file or a zip of them. A JSON export of conversations with attached files is a
        zip holding them. Importing the same export twice adds nothing the second time.
      </p>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void exportHistory('json', 'everything')}>
          Export all (JSON)
        </button>
        <button type="button" disabled={busy} onClick={() => void exportHistory('markdown', 'everything')}>
          Export all (Markdown zip)
        </button>
        <button type="button" disabled={busy} onClick={() => void importHistory()}>
          Import…
        </button>
      </div>
      <TransferProgress />

      <h4>Backups</h4>
      <p className={settingsStyles.hint}>Switchboard backs up your history once a day and keeps the last seven.</p>
      <div className="button-row">
        <button type="button" disabled={backupsBusy} onClick={() => void backUpNow()}>
          {backupsBusy ? 'Backing up…' : 'Back up now'}
        </button>
        <button type="button" onClick={() => void showBackupFolder()}>
          Show in folder
        </button>
      </div>
      {folderShown ? (
        <p className={settingsStyles.hint}>
          Backups are kept in <code className={styles.backupFolder}>{folderShown}</code>
        </p>
      ) : null}
      {backupError && !confirming ? <ErrorAlert error={backupError} /> : null}
      {backups && backups.backups.length > 0 ? (
        <ul className={styles.backupList} aria-label="Backups">
          {backups.backups.map((entry) => (
            <li key={entry.path}>
              <span className={styles.backupWhen}>{when(entry.takenAt)}</span>
              <span className={styles.backupMeta}>
                {kindLabels[entry.kind]} · {formatSize(entry.bytes)}
              </span>
              <button
                type="button"
                aria-label={`Restore the backup from ${when(entry.takenAt)}`}
                onClick={() => setConfirming(entry)}
              >
                Restore…
              </button>
            </li>
          ))}
        </ul>
      ) : backups ? (
        <p className={settingsStyles.hint}>No backups yet.</p>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title="Restore this backup?"
          body={`Your history will be replaced by the backup from ${when(confirming.takenAt)}. Your history as it is now is backed up first, so you can go back to it from this list.`}
          confirmLabel="Restore"
          busy={backupsBusy}
          error={backupError}
          onConfirm={() => void restore(confirming)}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
    </section>
  );
}
