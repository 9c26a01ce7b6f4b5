// Renderer: the open conversation's settings, from the header: its settings over the defaults, which fields differ
// from them, and saving the whole as a preset.

import { SlidersHorizontal } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import {
  type ConversationSettings,
  effectiveSettings,
  fieldsDifferingFromDefaults,
  settingsToStore,
} from '../../../../shared/conversation-settings';
import { Modal } from '../../components/Modal';
import { selectModelEntry } from '../../store/models-slice';
import { selectActiveConversation } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { SettingsFields } from './SettingsFields';
import { fieldWords } from './field-words';
import { useProviders } from './use-providers';
import { useSnippets } from './use-snippets';
import styles from './conversation-settings.module.css';
import settingsStyles from '../../components/settings.module.css';
import header from '../../components/chat-header.module.css';

export function ConversationSettingsButton() {
  const conversation = useAppStore(selectActiveConversation);
  const differing = useAppStore((s) => {
    const open = selectActiveConversation(s);
    return open ? fieldsDifferingFromDefaults(s.conversationDefaults ?? {}, open.settings).length : 0;
  });
  const [open, setOpen] = useState(false);
  if (!conversation) return null;
  const label = differing > 0 ? `Conversation settings (${differing} changed)` : 'Conversation settings';
  return (
    <>
      <button type="button" className={header.icon} aria-label={label} title={label} onClick={() => setOpen(true)}>
        <SlidersHorizontal aria-hidden="true" size={16} />
        {differing > 0 ? <span className={styles.settingsBadge}>{differing}</span> : null}
      </button>
      {open ? <ConversationSettingsDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ConversationSettingsDialog({ onClose }: { onClose(): void }) {
  const titleId = useId();
  const conversation = useAppStore(selectActiveConversation);
  const defaults = useAppStore((s) => s.conversationDefaults);
  const model = useAppStore((s) => (conversation ? selectModelEntry(s, conversation.model) : null));
  const modelIds = useAppStore((s) => s.models).map((item) => item.id);
  const loadDefaults = useAppStore((s) => s.loadConversationDefaults);
  const save = useAppStore((s) => s.saveConversationSettings);
  const savePreset = useAppStore((s) => s.savePreset);
  const snippets = useSnippets();
  const providers = useProviders(conversation?.model ?? null);
  const [edited, setEdited] = useState<ConversationSettings | null>(null);
  const [presetName, setPresetName] = useState('');
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    if (defaults === null) void loadDefaults();
  }, [defaults, loadDefaults]);

  if (!conversation) return null;
  const base = defaults ?? {};
  const value = edited ?? effectiveSettings(base, conversation.settings);
  const differing = fieldsDifferingFromDefaults(base, settingsToStore(value, base));

  return (
    <Modal role="dialog" labelledBy={titleId} className={styles.conversationSettingsDialog} onClose={onClose}>
      <h2 id={titleId}>Conversation settings</h2>
      <p className={styles.settingsDiffers}>
        For “{conversation.title}” on <code>{conversation.model}</code>.{' '}
        {differing.length === 0
          ? 'Everything as in the defaults for new conversations (Settings).'
          : `Differs from the defaults: ${differing.map((field) => fieldWords[field]).join(', ')}.`}
      </p>
      {defaults === null ? (
        <p className={settingsStyles.hint}>Loading the defaults…</p>
      ) : (
        <SettingsFields
          value={value}
          onChange={setEdited}
          model={model}
          providers={providers}
          modelIds={modelIds}
          snippets={snippets}
        />
      )}
      <form
        className={styles.presetSave}
        onSubmit={(event) => {
          event.preventDefault();
          const name = presetName.trim();
          if (!name) return;
          void savePreset({ name, model: conversation.model, settings: value }).then((saved) => {
            if (saved) {
              setNote(`Saved the preset “${name}”.`);
              setPresetName('');
            }
          });
        }}
      >
        <input
          aria-label="Preset name"
          placeholder="Save model and settings as a preset…"
          maxLength={80}
          value={presetName}
          onChange={(event) => setPresetName(event.target.value)}
        />
        <button type="submit" disabled={presetName.trim() === ''}>
          Save as preset
        </button>
      </form>
      {note ? (
        <p role="status" className={settingsStyles.hint}>
          {note}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => setEdited({ ...base })}>
          Use the defaults
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={defaults === null}
          onClick={() => void save(conversation.id, value).then((saved) => saved && onClose())}
        >
          Save
        </button>
      </div>
    </Modal>
  );
}
