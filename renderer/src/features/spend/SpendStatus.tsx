// Renderer: the status bar's spend: this month against the budget (with a progress bar), and the way into the Spend
// view, with its shortcut.

import clsx from 'clsx';
import styles from './spend.module.css';
import { formatCost } from '../../lib/format';
import { useAppStore } from '../../store/use-app-store';
import { budgetShare } from './budget';
import { StatusSeparator } from '../../components/StatusSeparator';
import { shortcutAria, shortcutLabel } from '../../lib/keyboard';

export function SpendStatus() {
  const overview = useAppStore((s) => s.spendOverview);
  const openSpendView = useAppStore((s) => s.openSpendView);
  const share = overview ? budgetShare(overview.month, overview.budget) : null;
  const month = overview ? formatCost(overview.month, { compact: true }) : null;
  return (
    <span className={styles.spendStatus}>
      <StatusSeparator />
      <button
        type="button"
        className="link-button"
        aria-keyshortcuts={shortcutAria('spend')}
        title={`Open the Spend view (${shortcutLabel('spend')})`}
        onClick={openSpendView}
      >
        {month === null
          ? 'Spend'
          : overview?.budget
            ? `This month: ${month} of ${formatCost(overview.budget)}`
            : `This month: ${month}`}
        <span> ({shortcutLabel('spend')})</span>
      </button>
      {share !== null ? (
        <progress
          className={clsx(styles.budgetBar, share >= 0.8 && styles.near)}
          max={1}
          value={share}
          aria-label={`Monthly budget used: ${Math.round(share * 100)} %`}
        />
      ) : null}
    </span>
  );
}
