// Renderer: Settings' "Default model" section: which model new conversations start with, changed through the palette.

import { selectModelEntry } from '../../store/models-slice';
import { useAppStore } from '../../store/use-app-store';
import settingsStyles from '../../components/settings.module.css';

export function DefaultModelSetting() {
  const id = useAppStore((s) => s.defaultModel);
  const name = useAppStore((s) => selectModelEntry(s, id)?.name ?? null);
  const open = useAppStore((s) => s.openModelPalette);
  return (
    <section className={settingsStyles.section} aria-labelledby="settings-model-title">
      <h3 id="settings-model-title">Default model</h3>
      <p>
        New conversations start with <strong>{name ?? id}</strong>
        {name ? <span className="mono muted"> ({id})</span> : null}.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => open('default')}>
          Change default model…
        </button>
      </div>
    </section>
  );
}
