// Renderer: a reply's cost at the end of its meta line — "free", "$0.000024", "cost pending…" or a marked estimate —
// which opens the breakdown (tokens, cache discount, reasoning, provider, speed, the exact figure); then what the
// prompt cache saved, when it was read from.

import { useId, useState } from 'react';
import type { Message } from '../../../../shared/domain';
import { tokensPerSecond } from '../chat/reply-meta';
import { useAppStore } from '../../store/use-app-store';
import { cacheSummary, costBreakdown, replyCost } from './reply-cost';
import { selectModelPricing } from './model-prices';
import clsx from 'clsx';
import styles from './spend.module.css';

export function ReplyCost({ message }: { message: Message }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const promptPrice = useAppStore((s) => selectModelPricing(s, message.model)?.promptPrice ?? null);
  const cost = replyCost(message);
  if (!cost && !message.usage) return null;
  const label = cost ? cost.text : 'details';
  const cached = cacheSummary(message.usage, promptPrice);
  return (
    <span className={styles.replyCost}>
      <button
        type="button"
        className={clsx(
          'link-button',
          styles.replyCostToggle,
          (cost?.kind === 'pending' || cost?.kind === 'estimated') && styles.costUnsettled,
        )}
        aria-expanded={open}
        aria-controls={id}
        title={cost?.exact ? `${cost.exact} — show the breakdown` : 'Show the breakdown'}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
        {cost?.byok ? <span className={styles.tag}> BYOK</span> : null}
      </button>
      {cached !== null ? (
        <span>
          <span aria-hidden="true"> · </span>
          {cached}
        </span>
      ) : null}
      {open ? (
        <dl id={id} className={styles.costBreakdown} aria-label="Cost breakdown">
          {costBreakdown(message, { promptPrice, tokensPerSecond: tokensPerSecond(message) }).map((line) => (
            <div key={line.term}>
              <dt>{line.term}</dt>
              <dd>{line.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </span>
  );
}
