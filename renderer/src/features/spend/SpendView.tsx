// Renderer: the Spend view — this app's spend from the local ledger (today, week, month, all time, 30 days, per model
// and per conversation, CSV of every row) beside what OpenRouter reports for the key everywhere it is used.

import { downloadText } from '../../lib/download';
import clsx from 'clsx';
import styles from './spend.module.css';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Modal } from '../../components/Modal';
import { formatCost, formatCredit, formatExactCost } from '../../lib/format';
import type { AppError } from '../../../../shared/result';
import { useAppStore } from '../../store/use-app-store';
import { BreakdownTable, conversationRows, modelRows } from './BreakdownTable';
import { budgetShare } from './budget';
import { SpendChart } from './SpendChart';
import { shortcutLabel } from '../../lib/keyboard';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className={styles.spendFigure}>
      <dt>{label}</dt>
      <dd title={formatExactCost(value)}>{formatCost(value)}</dd>
    </div>
  );
}

const keyFigure = (usd: number | null) => (usd === null ? '—' : formatCredit(usd));

const download = (csv: string) =>
  downloadText(csv, `switchboard-spend-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv;charset=utf-8');

export function SpendView() {
  const close = useAppStore((s) => s.closeSpendView);
  const overview = useAppStore((s) => s.spendOverview);
  const { summary, keyUsage, keyError, error: loadError } = useAppStore((s) => s.spendView);
  const exportSpendCsv = useAppStore((s) => s.exportSpendCsv);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const [exportError, setExportError] = useState<AppError | null>(null);
  const error = loadError ?? exportError;

  const exportCsv = async () => {
    setExportNote('Preparing the CSV…');
    const result = await exportSpendCsv();
    if (!result.ok) {
      setExportNote(null);
      setExportError(result.error);
      return;
    }
    download(result.value.csv);
    setExportNote(`Exported ${result.value.rows.toLocaleString('en-US')} ledger rows.`);
  };

  const share = overview ? budgetShare(overview.month, overview.budget) : null;

  return (
    <Modal role="dialog" label="Spend" className={styles.spendView} onClose={close}>
      <div className="dialog-header">
        <h2>Spend</h2>
        <span className="muted">{shortcutLabel('spend')}</span>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {!summary && !error ? <p className="muted">Reading the spending history…</p> : null}
      {summary ? (
        <>
          <section aria-labelledby="spend-local-title">
            <h3 id="spend-local-title">Spent in Switchboard</h3>
            <dl className={styles.spendFigures}>
              <Figure label="Today" value={summary.today} />
              <Figure label="This week" value={summary.week} />
              <Figure label="This month" value={summary.month} />
              <Figure label="All time" value={summary.allTime} />
            </dl>
            {overview?.budget && share !== null ? (
              <p className={styles.budgetLine}>
                <progress className={clsx(styles.budgetBar, share >= 0.8 && styles.near)} max={1} value={share} />{' '}
                {formatCost(summary.month)} of your {formatCost(overview.budget)} monthly budget (
                {Math.floor(share * 100)} %)
              </p>
            ) : (
              <p className="muted">No monthly budget set — add one in Settings.</p>
            )}
            <SpendChart days={summary.days} />
          </section>
          <section aria-labelledby="spend-key-title">
            <h3 id="spend-key-title">What OpenRouter reports for this key</h3>
            <p className="muted">Everything spent with this key, in any app — not only here.</p>
            {keyError ? <ErrorAlert error={keyError} /> : null}
            {keyUsage ? (
              <dl className={styles.spendFigures}>
                <div className={styles.spendFigure}>
                  <dt>Today</dt>
                  <dd>{keyFigure(keyUsage.usageDaily)}</dd>
                </div>
                <div className={styles.spendFigure}>
                  <dt>This week</dt>
                  <dd>{keyFigure(keyUsage.usageWeekly)}</dd>
                </div>
                <div className={styles.spendFigure}>
                  <dt>This month</dt>
                  <dd>{keyFigure(keyUsage.usageMonthly)}</dd>
                </div>
                <div className={styles.spendFigure}>
                  <dt>All time</dt>
                  <dd>{keyFigure(keyUsage.usage)}</dd>
                </div>
                <div className={styles.spendFigure}>
                  <dt>Left under the key’s limit</dt>
                  <dd>{keyUsage.limit === null ? 'no limit' : keyFigure(keyUsage.limitRemaining)}</dd>
                </div>
              </dl>
            ) : keyError ? null : (
              <p className="muted">Asking OpenRouter…</p>
            )}
          </section>
          <BreakdownTable
            id="spend-model-title"
            heading="By model"
            label="Spend by model"
            rows={modelRows(summary.byModel)}
          />
          <BreakdownTable
            id="spend-conversation-title"
            heading="By conversation"
            label="Spend by conversation"
            rows={conversationRows(summary.byConversation)}
          />
          <p className="muted">
            {summary.entries.toLocaleString('en-US')} ledger rows, one per billed generation. Deleting a conversation
            keeps its rows.
          </p>
        </>
      ) : null}
      <div className="button-row end dialog-footer">
        {exportNote ? (
          <span role="status" className="muted">
            {exportNote}
          </span>
        ) : null}
        <button type="button" onClick={() => void exportCsv()}>
          Export CSV
        </button>
        <button type="button" data-autofocus onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}
