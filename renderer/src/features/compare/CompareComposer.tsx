// Renderer: the one composer of a compare. Enter sends the message to every column at once (after the budget check
// over every column's estimate); while columns answer it offers Stop all, as Esc does.

import { type FormEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { minCompareColumns } from '../../../../shared/compare';
import { maxMessageLength } from '../../../../shared/schemas';
import { formatExactCost } from '../../lib/format';
import { EstimateBadge } from '../spend/SendEstimate';
import { useAppStore } from '../../store/use-app-store';
import { selectCompareEstimate } from './compare-estimate';
import { liveColumns } from './compare-model';
import clsx from 'clsx';
import styles from '../chat/composer.module.css';

export const compareInputId = 'compare-input';

export function CompareComposer() {
  const draft = useAppStore((s) => s.compareDraft);
  const setDraft = useAppStore((s) => s.setCompareDraft);
  const send = useAppStore((s) => s.requestCompareSend);
  const stopAll = useAppStore((s) => s.stopAllColumns);
  const columns = useAppStore((s) => {
    const view = s.compareView;
    if (!view) return 0;
    return view.compare ? liveColumns(view.compare.columns).length : view.models.length;
  });
  const started = useAppStore((s) => s.compareView?.compare != null);
  const streaming = useAppStore((s) =>
    Object.values(s.liveTurns).some((turn) =>
      s.compareView?.compare?.columns.some((column) => column.conversationId === turn.conversationId),
    ),
  );
  const tooLong = draft.length > maxMessageLength;
  const enough = started ? columns >= 1 : columns >= minCompareColumns;
  const canSend = !streaming && enough && draft.trim() !== '' && !tooLong;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSend) void send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing || event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    if (canSend) void send();
  };

  return (
    <form className={styles.composer} onSubmit={submit}>
      <label htmlFor={compareInputId} className="visually-hidden">
        Message to every column
      </label>
      <div className={styles.field}>
        {tooLong ? (
          <p className={styles.limit} role="alert">
            This message is {draft.length.toLocaleString('en-US')} characters long; the limit is{' '}
            {maxMessageLength.toLocaleString('en-US')}.
          </p>
        ) : null}
        <textarea
          id={compareInputId}
          value={draft}
          rows={2}
          placeholder={
            enough
              ? `Write once: ${columns} models answer at the same time  (Enter to send)`
              : `Add ${minCompareColumns - columns} more model${minCompareColumns - columns === 1 ? '' : 's'} to compare`
          }
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      {streaming ? (
        <button type="button" className={styles.send} onClick={stopAll}>
          Stop all
        </button>
      ) : (
        <div className={styles.sendSide}>
          <RoundEstimate />
          <button type="submit" className={clsx('primary', styles.send)} disabled={!canSend}>
            Send to all
          </button>
        </div>
      )}
    </form>
  );
}

/** Beside Send: what the round should and may cost, every column added up. */
function RoundEstimate() {
  const estimate = useAppStore(useShallow((s) => selectCompareEstimate(s)));
  if (!estimate) return null;
  return (
    <EstimateBadge
      estimate={estimate}
      spokenLabel="Estimated cost of the round"
      title={`Estimate for every column together: ${formatExactCost(estimate.low)} for usual replies, up to ${formatExactCost(estimate.high)} if each uses its whole length limit.`}
    />
  );
}
