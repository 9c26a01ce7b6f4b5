// Renderer: Settings › Conversation titles: whether a cheap model names each new conversation after its first reply.
// Off until the person turns it on, and the text says why: every title is a small paid request.

import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAppStore } from '../../store/use-app-store';
import settingsStyles from '../../components/settings.module.css';

export function GeneratedTitlesSetting() {
  const settings = useAppStore((s) => s.titleSettings);
  const load = useAppStore((s) => s.loadTitleSettings);
  const setEnabled = useAppStore((s) => s.setGeneratedTitles);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  const change = async (enabled: boolean) => {
    setBusy(true);
    setError(await setEnabled(enabled));
    setBusy(false);
  };

  return (
    <section className={settingsStyles.section} aria-labelledby="settings-titles-title">
      <h3 id="settings-titles-title">Conversation titles</h3>
      <label className="checkbox-row">
        <input
          type="checkbox"
          checked={settings?.enabled ?? false}
          disabled={settings === null || busy}
          aria-describedby="settings-titles-hint"
          onChange={(event) => void change(event.target.checked)}
        />
        Name new conversations with a cheap model
      </label>
      <p className={settingsStyles.hint} id="settings-titles-hint">
        Without this, a conversation is named after your first message, for free. With it, after the first reply
        Switchboard sends the question and the start of the answer to{' '}
        <span className="mono">{settings?.model ?? 'a cheap model'}</span> for a short title. Each title is a paid
        request (usually a hundredth of a cent) and counts in Spending. A conversation you renamed keeps your name.
      </p>
      {error ? <ErrorAlert error={error} /> : null}
    </section>
  );
}
