// Renderer: Settings › Delete all history — every conversation, after typing a word to confirm.

import { useId, useState } from 'react';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../store/use-app-store';
import settingsStyles from '../../components/settings.module.css';

/** What must be typed: a deliberate act, not a reflexive Enter. */
export const deleteAllConfirmWord = 'delete';

export function DeleteAllHistory() {
  const [confirming, setConfirming] = useState(false);
  return (
    <section className={settingsStyles.section} aria-labelledby="settings-delete-history-title">
      <h3 id="settings-delete-history-title">Delete history</h3>
      <p className={settingsStyles.hint}>
        Removes every conversation from this computer at once. To remove one, use × beside it in the sidebar (it can be
        undone for a few seconds).
      </p>
      <div className="button-row">
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Delete all history…
        </button>
      </div>
      {confirming ? <DeleteAllDialog onDone={() => setConfirming(false)} /> : null}
    </section>
  );
}

function DeleteAllDialog({ onDone }: { onDone(): void }) {
  const deleteAllHistory = useAppStore((s) => s.deleteAllHistory);
  const count = useAppStore((s) => s.conversations.length);
  const [typed, setTyped] = useState('');
  const [alsoSpending, setAlsoSpending] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const confirmed = typed.trim().toLowerCase() === deleteAllConfirmWord;

  const confirm = async () => {
    if (!confirmed || busy) return;
    setBusy(true);
    const done = await deleteAllHistory(alsoSpending);
    setBusy(false);
    if (done) onDone();
  };

  return (
    <Modal role="alertdialog" labelledBy={`${id}-title`} describedBy={`${id}-body`} onClose={onDone}>
      <h2 id={`${id}-title`}>Delete all history?</h2>
      <p id={`${id}-body`}>
        All {count} conversation{count === 1 ? '' : 's'} and every message in them will be removed from this computer.
        This cannot be undone. What replies cost stays in your spending history unless you choose below.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <label htmlFor={`${id}-word`}>
          Type <strong>{deleteAllConfirmWord}</strong> to confirm
        </label>
        <input
          id={`${id}-word`}
          data-autofocus
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <label className="checkbox-row">
          <input type="checkbox" checked={alsoSpending} onChange={(event) => setAlsoSpending(event.target.checked)} />
          Also delete spending history
        </label>
        <div className="button-row end">
          <button type="button" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={!confirmed || busy}>
            Delete all history
          </button>
        </div>
      </form>
    </Modal>
  );
}
