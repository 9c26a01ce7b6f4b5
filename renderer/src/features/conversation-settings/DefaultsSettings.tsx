// Renderer: Settings › New conversations: the settings every new conversation starts with (a conversation's own
// changes override them, field by field).

import { useEffect, useId, useState } from 'react';
import { type ConversationSettings, fieldsDifferingFromDefaults } from '../../../../shared/conversation-settings';
import { Modal } from '../../components/Modal';
import { selectModelEntry } from '../../store/models-slice';
import { useAppStore } from '../../store/use-app-store';
import { fieldWords } from './field-words';
import { SettingsFields } from './SettingsFields';
import { useProviders } from './use-providers';
import { useSnippets } from './use-snippets';
import styles from './conversation-settings.module.css';
import settingsStyles from '../../components/settings.module.css';

export function DefaultsSettings() {
  const titleId = useId();
  const defaults = useAppStore((s) => s.conversationDefaults);
  const load = useAppStore((s) => s.loadConversationDefaults);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    if (defaults === null) void load();
  }, [defaults, load]);

  const set = defaults ? fieldsDifferingFromDefaults({}, defaults) : [];
  return (
    <section className={settingsStyles.section} aria-labelledby={titleId}>
      <h3 id={titleId}>New conversations</h3>
      <p className={settingsStyles.hint}>
        {set.length === 0
          ? 'New conversations use OpenRouter’s defaults: no system prompt, the model’s own sampling, routing and privacy.'
          : `New conversations start with: ${set.map((field) => fieldWords[field]).join(', ')}.`}
      </p>
      <button type="button" disabled={defaults === null} onClick={() => setEditing(true)}>
        Edit defaults…
      </button>
      {editing && defaults ? <DefaultsDialog initial={defaults} onClose={() => setEditing(false)} /> : null}
    </section>
  );
}

function DefaultsDialog({ initial, onClose }: { initial: ConversationSettings; onClose(): void }) {
  const titleId = useId();
  const defaultModel = useAppStore((s) => s.defaultModel);
  const model = useAppStore((s) => selectModelEntry(s, defaultModel));
  const modelIds = useAppStore((s) => s.models).map((item) => item.id);
  const save = useAppStore((s) => s.saveConversationDefaults);
  const snippets = useSnippets();
  const providers = useProviders(defaultModel);
  const [value, setValue] = useState(initial);
  return (
    <Modal role="dialog" labelledBy={titleId} className={styles.conversationSettingsDialog} onClose={onClose}>
      <h2 id={titleId}>Defaults for new conversations</h2>
      <p className={styles.settingsDiffers}>
        Providers listed are those of the default model, <code>{defaultModel}</code>. A conversation’s own settings
        override these.
      </p>
      <SettingsFields
        value={value}
        onChange={setValue}
        model={model}
        providers={providers}
        modelIds={modelIds}
        snippets={snippets}
      />
      <div className="button-row">
        <button type="button" onClick={() => setValue({})}>
          Clear all
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save(value).then((saved) => saved && onClose())}>
          Save defaults
        </button>
      </div>
    </Modal>
  );
}
