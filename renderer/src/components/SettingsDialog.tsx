// Renderer: Settings: the key as far as the renderer may know it, and ways to refresh, replace or remove it.

import { useState } from 'react';
import { DefaultModelSetting } from '../features/models/DefaultModelSetting';
import { DeleteAllHistory } from '../features/history/DeleteAllHistory';
import { GeneratedTitlesSetting } from '../features/history/GeneratedTitlesSetting';
import { formatCredit, maskKey } from '../lib/format';
import { useAppStore } from '../store/use-app-store';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorAlert } from './ErrorAlert';
import { KeyForm } from './KeyForm';
import { Modal } from './Modal';
import { DefaultsSettings } from '../features/conversation-settings/DefaultsSettings';
import { PresetsSettings } from '../features/conversation-settings/PresetsSettings';
import { HistorySettings } from '../features/portability/HistorySettings';
import { BudgetSettings } from '../features/spend/BudgetSettings';
import { AppearanceSettings } from '../features/appearance/AppearanceSettings';
import { NotificationSetting } from '../features/notifications/NotificationSetting';
import { AboutSettings } from '../features/about/AboutSettings';
import settingsStyles from './settings.module.css';

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const key = useAppStore((s) => s.keyStatus);
  const refreshing = useAppStore((s) => s.keyRefreshing);
  const refreshError = useAppStore((s) => s.keyRefreshError);
  const removing = useAppStore((s) => s.keyRemoving);
  const removeError = useAppStore((s) => s.keyRemoveError);
  const refreshKey = useAppStore((s) => s.refreshKey);
  const removeKey = useAppStore((s) => s.removeKey);
  const [panel, setPanel] = useState<'view' | 'replace' | 'confirm-remove'>('view');

  return (
    <Modal role="dialog" label="Settings" className="settings" onClose={onClose}>
      <div className="dialog-header">
        <h2>Settings</h2>
      </div>
      <section className={settingsStyles.section} aria-labelledby="settings-key-title">
        <h3 id="settings-key-title">API key</h3>
        {key?.present ? (
          <dl className="key-facts">
            <dt>Key</dt>
            <dd className="mono">{maskKey(key.last4)}</dd>
            <dt>Label</dt>
            <dd>{key.label ?? '—'}</dd>
            <dt>Remaining credit</dt>
            <dd>{key.verified ? formatCredit(key.limitRemaining) : 'not checked yet'}</dd>
            <dt>Limit</dt>
            <dd>{key.verified ? formatCredit(key.limit) : 'not checked yet'}</dd>
            <dt>Stored</dt>
            <dd>
              {key.storage === 'session' ? 'For this session only' : 'In the system keychain'}
              {key.isFreeTier ? ' · Free tier' : ''}
              {key.verified ? '' : ' · Not verified with OpenRouter yet'}
            </dd>
          </dl>
        ) : (
          <p>No key is saved.</p>
        )}
        {refreshError ? <ErrorAlert error={refreshError} /> : null}
        {panel === 'replace' ? (
          <KeyForm onSaved={() => setPanel('view')} onCancel={() => setPanel('view')} />
        ) : (
          <div className="button-row">
            <button type="button" disabled={refreshing} onClick={() => void refreshKey()}>
              Refresh
            </button>
            <button type="button" onClick={() => setPanel('replace')}>
              Replace key
            </button>
            <button type="button" className="danger" onClick={() => setPanel('confirm-remove')}>
              Remove key
            </button>
          </div>
        )}
      </section>
      <AppearanceSettings />
      <NotificationSetting />
      <DefaultModelSetting />
      <DefaultsSettings />
      <PresetsSettings onDone={onClose} />
      <GeneratedTitlesSetting />
      <BudgetSettings />
      <HistorySettings />
      <DeleteAllHistory />
      <AboutSettings />
      <div className="button-row end dialog-footer">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {panel === 'confirm-remove' ? (
        <ConfirmDialog
          title="Remove your OpenRouter key?"
          body="Switchboard deletes the key from this computer. Your conversations stay; you will need a key to chat again."
          confirmLabel="Remove"
          busy={removing}
          error={removeError}
          // After removal the app returns to the welcome screen, which unmounts this dialog.
          onConfirm={() => void removeKey()}
          onCancel={() => setPanel('view')}
        />
      ) : null}
    </Modal>
  );
}
