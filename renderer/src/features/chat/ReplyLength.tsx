// Renderer: how long a reply in this conversation may get. Automatic means the model's own maximum, lowered only as
// far as the key's remaining credit requires (OpenRouter reserves credit for the whole cap up front).

import { Ruler } from 'lucide-react';
import { type FormEvent, useId, useState } from 'react';
import { Modal } from '../../components/Modal';
import { formatTokens } from '../../lib/format';
import { selectActiveConversation } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import styles from './reply-length.module.css';

const maxAllowed = 1_000_000;

export function ReplyLengthButton() {
  const conversation = useAppStore(selectActiveConversation);
  const [open, setOpen] = useState(false);
  if (!conversation) return null;
  const cap = conversation.maxOutputTokens;
  const label = cap === null ? 'automatic' : formatTokens(cap);
  return (
    <>
      <button
        type="button"
        className={styles.button}
        title={`Reply length: ${label} (how long a reply may get)`}
        aria-label={`Reply length: ${label}`}
        onClick={() => setOpen(true)}
      >
        <Ruler aria-hidden="true" size={16} />
        {cap === null ? 'auto' : label}
      </button>
      {open ? (
        <ReplyLengthDialog
          conversationId={conversation.id}
          model={conversation.model}
          current={cap}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

function ReplyLengthDialog(props: { conversationId: string; model: string; current: number | null; onClose(): void }) {
  const titleId = useId();
  const modelMax = useAppStore((s) => s.models.find((m) => m.id === props.model)?.maxCompletionTokens ?? null);
  const setMaxOutputTokens = useAppStore((s) => s.setMaxOutputTokens);
  const [automatic, setAutomatic] = useState(props.current === null);
  const [value, setValue] = useState(String(props.current ?? modelMax ?? 4096));
  const parsed = Number(value);
  const valid = automatic || (Number.isInteger(parsed) && parsed >= 1 && parsed <= maxAllowed);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    if (await setMaxOutputTokens(props.conversationId, automatic ? null : parsed)) props.onClose();
  };

  return (
    <Modal role="dialog" labelledBy={titleId} onClose={props.onClose}>
      <form onSubmit={(event) => void save(event)} className={styles.form}>
        <h2 id={titleId}>Reply length</h2>
        <label>
          <input type="radio" name="reply-length" checked={automatic} onChange={() => setAutomatic(true)} />
          Automatic —{' '}
          {modelMax === null ? "the model's maximum" : `up to ${formatTokens(modelMax)}, this model's maximum`}, lowered
          only if your remaining credit cannot cover it
        </label>
        <label>
          <input type="radio" name="reply-length" checked={!automatic} onChange={() => setAutomatic(false)} />
          At most{' '}
          <input
            type="number"
            min={1}
            max={maxAllowed}
            step={1}
            inputMode="numeric"
            aria-label="Most tokens per reply"
            value={value}
            disabled={automatic}
            onChange={(event) => setValue(event.target.value)}
          />{' '}
          tokens
        </label>
        {!valid ? (
          <p role="alert" className="error-text">
            Enter a whole number of tokens from 1 to {maxAllowed.toLocaleString('en-US')}.
          </p>
        ) : null}
        <p className="muted">
          A reply that reaches the limit is marked “cut off at the length limit” and can be continued.
        </p>
        <div className="button-row end">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!valid} data-autofocus>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
