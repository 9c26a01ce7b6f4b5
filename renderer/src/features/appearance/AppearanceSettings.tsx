// Renderer: Settings › Appearance: light, dark or the system's theme (switched live, kept by the core), and the way to
// the Keyboard Shortcuts sheet.

import { useState } from 'react';
import { type ThemeChoice, themeChoices } from '../../../../shared/preferences';
import type { AppError } from '../../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { shortcutLabel } from '../../lib/keyboard';
import { useAppStore } from '../../store/use-app-store';
import settingsStyles from '../../components/settings.module.css';
import styles from './appearance.module.css';

const choiceLabels: Record<ThemeChoice, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

export function AppearanceSettings() {
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  const openSheet = useAppStore((s) => s.setShortcutsSheetOpen);
  const [error, setError] = useState<AppError | null>(null);

  return (
    <section className={settingsStyles.section} aria-labelledby="settings-appearance-title">
      <h3 id="settings-appearance-title">Appearance</h3>
      <fieldset className={styles.themeChoices}>
        <legend>Theme ({shortcutLabel('toggle-theme')} switches light and dark)</legend>
        {themeChoices.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="theme"
              value={choice}
              checked={theme === choice}
              onChange={() => void setTheme(choice).then(setError)}
            />
            {choiceLabels[choice]}
          </label>
        ))}
      </fieldset>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="button-row">
        <button type="button" onClick={() => openSheet(true)}>
          Keyboard shortcuts ({shortcutLabel('shortcuts-sheet')})
        </button>
      </div>
    </section>
  );
}
