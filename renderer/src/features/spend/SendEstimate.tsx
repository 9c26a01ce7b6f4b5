// Renderer: beside Send, for paid models: what the next reply should and may cost, marked as an estimate. Once the
// reply is written its real figure appears under it.

import styles from './spend.module.css';
import { formatCost, formatExactCost } from '../../lib/format';
import { selectNextReplyEstimate } from '../../store/spend-slice';
import { useAppStore } from '../../store/use-app-store';
import { useShallow } from 'zustand/react/shallow';
import type { CostRange } from '../../../../shared/cost-estimate';

export function SendEstimate() {
  const estimate = useAppStore(useShallow((s) => selectNextReplyEstimate(s)));
  const withFiles = useAppStore((s) => s.tray.some((item) => item.status === 'ready'));
  if (!estimate) return null;
  return (
    <EstimateBadge
      estimate={estimate}
      spokenLabel="Estimated cost"
      title={`Estimate: ${formatExactCost(estimate.low)} for a reply as long as this conversation's usual ones, up to ${formatExactCost(estimate.high)} if it uses its whole length limit.${withFiles ? ' Attached files are counted roughly: images by their size, PDFs by their pages.' : ''} The real cost shows under the reply.`}
    />
  );
}

/** The compact "≈low–high est." beside a Send button; `title` says in full what the range covers. */
export function EstimateBadge({
  estimate,
  spokenLabel,
  title,
}: {
  estimate: CostRange;
  spokenLabel: string;
  title: string;
}) {
  const low = formatCost(estimate.low, { compact: true });
  const high = formatCost(estimate.high, { compact: true });
  return (
    <span className={styles.sendEstimate} title={title}>
      <span className="visually-hidden">{spokenLabel}: </span>≈{low === high ? low : `${low}–${high}`}
      <span className={styles.tag}> est.</span>
    </span>
  );
}
