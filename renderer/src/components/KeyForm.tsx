// Renderer: the key field, used on the welcome screen and to replace a key in Settings.

import { type FormEvent, useEffect, useId, useState } from 'react';
import { useAppStore } from '../store/use-app-store';
import { ErrorAlert } from './ErrorAlert';
import styles from './key-form.module.css';

interface KeyFormProps {
  onSaved?(): void;
  onCancel?(): void;
}

export function KeyForm({ onSaved, onCancel }: KeyFormProps) {
  const id = useId();
  // The key stays in this field only, never in the store: nothing else needs to see it.
  const [value, setValue] = useState('');
  const saving = useAppStore((s) => s.keySaving);
  const error = useAppStore((s) => s.keySaveError);
  const lastOptions = useAppStore((s) => s.keySaveOptions);
  const saveKey = useAppStore((s) => s.saveKey);
  const resetKeyForm = useAppStore((s) => s.resetKeyForm);
  // Known before any attempt (the key status could not be read): offer the way that works straight away.
  const keychainMissing = useAppStore((s) => s.keychainProblem !== null);

  useEffect(() => resetKeyForm(), [resetKeyForm]);

  const save = async (options: { sessionOnly?: boolean; skipValidation?: boolean } = {}) => {
    if (await saveKey(value, options)) {
      setValue('');
      onSaved?.();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const progress = saving
    ? lastOptions.skipValidation
      ? 'Saving your key…'
      : 'Checking your key with OpenRouter…'
    : '';

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <label htmlFor={`${id}-key`}>OpenRouter API key</label>
      <div className={styles.row}>
        <input
          id={`${id}-key`}
          type="password"
          name="openrouter-api-key"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          placeholder="sk-or-v1-…"
          value={value}
          readOnly={saving}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="primary" disabled={saving}>
          Save key
        </button>
        {keychainMissing && error?.code !== 'keychain_unavailable' ? (
          <button type="button" disabled={saving} onClick={() => void save({ sessionOnly: true })}>
            Use this key for this session only
          </button>
        ) : null}
        {onCancel ? (
          <button type="button" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        ) : null}
      </div>
      <p className={styles.progress} aria-live="polite">
        {progress}
      </p>
      {error && !saving ? (
        <ErrorAlert error={error}>
          {error.code === 'offline' ? (
            <button type="button" onClick={() => void save({ ...lastOptions, skipValidation: true })}>
              Save anyway, check later
            </button>
          ) : null}
          {error.code === 'keychain_unavailable' ? (
            <button type="button" onClick={() => void save({ ...lastOptions, sessionOnly: true })}>
              Use this key for this session only
            </button>
          ) : null}
        </ErrorAlert>
      ) : null}
    </form>
  );
}
