// Renderer: the open conversation's running cost in the header: every reply in every version, and — when it
// differs — the thread on screen apart. Updated as replies finish and as pending costs settle.

import styles from './spend.module.css';
import { useEffect } from 'react';
import { compareUsd } from '../../../../shared/money';
import { formatCost, formatExactCost } from '../../lib/format';
import { useAppStore } from '../../store/use-app-store';

export function ConversationCost() {
  const activeId = useAppStore((s) => s.activeConversationId);
  const generation = useAppStore((s) => s.threadGeneration);
  const entry = useAppStore((s) => s.conversationSpend);
  const loadConversationSpend = useAppStore((s) => s.loadConversationSpend);

  useEffect(() => {
    if (activeId) void loadConversationSpend(activeId);
  }, [activeId, generation, loadConversationSpend]);

  if (!activeId || entry?.conversationId !== activeId) return null;
  const { total, thread, pending } = entry.spend;
  const differs = compareUsd(total, thread) !== 0;
  const title =
    `This conversation has cost ${formatExactCost(total)} in all, every version included` +
    (differs ? `; the thread on screen ${formatExactCost(thread)}` : '') +
    (pending > 0 ? `; ${pending} repl${pending === 1 ? 'y is' : 'ies are'} still being settled` : '') +
    '.';
  return (
    // The figure is shown short; screen readers get the whole sentence as text (aria-label is not allowed on a span).
    <span className={styles.conversationCost} title={title}>
      <span className="visually-hidden">{title}</span>
      <span aria-hidden="true">
        {formatCost(total, { compact: true })}
        {differs ? (
          <span className={styles.threadCost}> (this thread {formatCost(thread, { compact: true })})</span>
        ) : null}
        {pending > 0 ? <span className={styles.threadCost}> + pending</span> : null}
      </span>
    </span>
  );
}
