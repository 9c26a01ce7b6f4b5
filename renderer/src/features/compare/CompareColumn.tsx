// Renderer: one column of a compare — its model, its thread, the reply streaming in it, and its own Stop, Retry,
// "Continue with this one" and Drop. Only the live reply re-renders while it streams.

import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CompareColumn as Column } from '../../../../shared/compare';
import type { Message } from '../../../../shared/domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { selectModelEntry } from '../../store/models-slice';
import { useAppStore } from '../../store/use-app-store';
import { CompareMessage } from './CompareMessage';
import styles from './compare.module.css';
import { useEndInSight } from './use-end-in-sight';

const noMessages: Message[] = [];

export function CompareColumnView({ column, canDrop }: { column: Column; canDrop: boolean }) {
  const id = column.conversationId;
  const thread = useAppStore((s) => s.compareView?.threads[id] ?? noMessages);
  const unsavedError = useAppStore((s) => s.compareView?.columnErrors[id] ?? null);
  const model = useAppStore((s) => s.conversations.find((c) => c.id === id)?.model ?? column.model);
  const name = useAppStore((s) => selectModelEntry(s, model)?.name ?? model);
  const live = useAppStore(
    useShallow((s) => {
      const turn = Object.values(s.liveTurns).find((item) => item.conversationId === id);
      return turn ? { pendingUser: turn.pendingUser, reply: turn.reply, retrying: turn.retrying } : null;
    }),
  );
  const retryColumn = useAppStore((s) => s.retryColumn);
  const stopColumn = useAppStore((s) => s.stopColumn);
  const continueColumn = useAppStore((s) => s.continueColumn);
  const dropColumn = useAppStore((s) => s.dropColumn);
  const end = useRef<HTMLDivElement>(null);
  useEndInSight(end, id, live !== null);
  const continued = column.continuedAt !== null;
  // A retry answers a question already in the thread: show the thread up to it, and the new reply after it.
  const askedAt = live?.pendingUser ? thread.findIndex((m) => m.id === live.pendingUser?.id) : -1;
  const asked = askedAt !== -1;
  const shown = asked ? thread.slice(0, askedAt + 1) : thread;
  const last = thread.at(-1);
  // Retry once the column's turn ended in a failure, saved (an error reply) or not (nothing to show it on).
  const failed = !live && (unsavedError !== null || (last?.role === 'assistant' && last.status === 'error'));
  const answered = !live && last?.role === 'assistant' && last.content !== '';

  return (
    <section className={styles.column} aria-label={`Column: ${name}`}>
      <header className={styles.columnHeader}>
        <h2 className={styles.model} title={model}>
          {name}
        </h2>
        {live ? (
          <button type="button" className="stop" onClick={() => stopColumn(id)} aria-label={`Stop ${name}`}>
            Stop
          </button>
        ) : null}
        {!continued && answered ? (
          <button type="button" onClick={() => void continueColumn(id)}>
            Continue with this one
          </button>
        ) : null}
        {!continued && canDrop && !live ? (
          <button
            type="button"
            className="icon-button"
            aria-label={`Drop the ${name} column`}
            title="Drop this column (its conversation is deleted; what it cost stays in Spend)"
            onClick={() => void dropColumn(id)}
          >
            ×
          </button>
        ) : null}
      </header>
      {continued ? (
        <p className={styles.note}>Continued as a conversation of its own; it takes no more rounds here.</p>
      ) : null}
      <div className={styles.thread}>
        {shown.map((message) => (
          <CompareMessage key={message.id} message={message} />
        ))}
        {live?.pendingUser && !asked ? <CompareMessage message={live.pendingUser} /> : null}
        {live?.reply ? <CompareMessage message={live.reply} retrying={live.retrying} /> : null}
        {unsavedError && !live ? <ErrorAlert error={unsavedError} /> : null}
        {failed ? (
          <button type="button" className={styles.retry} onClick={() => void retryColumn(id)}>
            Retry {name}
          </button>
        ) : null}
      </div>
      {/* Where the column ends, watched while it streams (use-end-in-sight.ts). */}
      <div ref={end} />
    </section>
  );
}
