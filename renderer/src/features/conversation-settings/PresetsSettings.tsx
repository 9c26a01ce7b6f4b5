// Renderer: Settings › Presets: saved models + settings, to start a conversation from or apply to the open one;
// import and export as a JSON file.

import { type ChangeEvent, useEffect, useId, useState } from 'react';
import { type Preset, presetsFileSchema, toPresetsFile } from '../../../../shared/conversation-settings';
import { downloadText } from '../../lib/download';
import { useAppStore } from '../../store/use-app-store';
import styles from './conversation-settings.module.css';
import settingsStyles from '../../components/settings.module.css';

/** A presets file is a few kilobytes; anything this large is not one. */
const maxPresetsFileBytes = 1_000_000;

export function PresetsSettings({ onDone }: { onDone(): void }) {
  const titleId = useId();
  const fileId = useId();
  const presets = useAppStore((s) => s.presets);
  const hasConversation = useAppStore((s) => s.activeConversationId !== null);
  const load = useAppStore((s) => s.loadPresets);
  const startFromPreset = useAppStore((s) => s.startFromPreset);
  const applyPreset = useAppStore((s) => s.applyPreset);
  const deletePreset = useAppStore((s) => s.deletePreset);
  const importPresets = useAppStore((s) => s.importPresets);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    if (presets === null) void load();
  }, [presets, load]);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > maxPresetsFileBytes) return setNote(`${file.name} is too large to be a presets file.`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return setNote(`${file.name} is not JSON: choose a file exported from Presets.`);
    }
    const checked = presetsFileSchema.safeParse(parsed);
    if (!checked.success)
      return setNote(`${file.name} is not a Switchboard presets file (or one this version cannot read).`);
    if (await importPresets(checked.data))
      setNote(`Imported ${checked.data.presets.length} presets from ${file.name}.`);
  };

  const use = async (action: (preset: Preset) => Promise<boolean>, preset: Preset) => {
    if (await action(preset)) onDone();
  };

  return (
    <section className={settingsStyles.section} aria-labelledby={titleId}>
      <h3 id={titleId}>Presets</h3>
      <p className={settingsStyles.hint}>
        A model and its settings under a name (“Careful coder”, “Private &amp; cheap”). Save one from a conversation’s
        settings; start a conversation from it, or apply it to the open one.
      </p>
      {presets === null ? (
        <p className={settingsStyles.hint}>Loading…</p>
      ) : presets.length === 0 ? (
        <p className={settingsStyles.hint}>No presets yet.</p>
      ) : (
        <ul className={styles.presetList}>
          {presets.map((preset) => (
            <li key={preset.id}>
              <span className={styles.presetName}>{preset.name}</span> <code>{preset.model}</code>
              <span className={styles.presetActions}>
                <button type="button" onClick={() => void use(startFromPreset, preset)}>
                  New chat
                </button>
                {hasConversation ? (
                  <button
                    type="button"
                    aria-label={`Apply ${preset.name} to this conversation`}
                    onClick={() => void use(applyPreset, preset)}
                  >
                    Apply
                  </button>
                ) : null}
                <button
                  type="button"
                  aria-label={`Delete the preset ${preset.name}`}
                  onClick={() => void deletePreset(preset.id)}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          onChange={(event) => void importFile(event)}
        />
        <label className={styles.buttonLike} htmlFor={fileId}>
          Import presets…
        </label>
        <button
          type="button"
          disabled={!presets || presets.length === 0}
          onClick={() =>
            downloadText(
              `${JSON.stringify(toPresetsFile(presets ?? []), null, 2)}\n`,
              'switchboard-presets.json',
              'application/json',
            )
          }
        >
          Export presets
        </button>
      </div>
      {note ? (
        <p role="status" className={settingsStyles.hint}>
          {note}
        </p>
      ) : null}
    </section>
  );
}
