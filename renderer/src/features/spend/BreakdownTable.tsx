// Renderer: one of the Spend view's breakdowns (per model, per conversation) — a heading and a table of name, replies
// and spent, the exact figure in each total's tooltip. The two differ only in how a row is named, which lives here too.

import { formatCost, formatExactCost, shortModelName } from '../../lib/format';
import type { SpendByConversation, SpendByModel } from '../../../../shared/spend';
import styles from './spend.module.css';

export interface BreakdownRow {
  key: string;
  name: string;
  /** The full name, for a name shortened on screen. */
  title: string;
  total: string;
  replies: number;
}

export function modelRows(rows: readonly SpendByModel[]): BreakdownRow[] {
  return rows.map((row) => ({
    key: row.model ?? '',
    name: row.model ? shortModelName(row.model) : 'unknown model',
    title: row.model ?? 'unknown model',
    total: row.total,
    replies: row.replies,
  }));
}

/** A conversation without a title here was deleted: its ledger rows outlive it. */
export function conversationRows(rows: readonly SpendByConversation[]): BreakdownRow[] {
  return rows.map((row) => ({
    key: row.conversationId ?? '',
    name: row.title ?? 'deleted conversation',
    title: row.title ?? 'deleted conversation',
    total: row.total,
    replies: row.replies,
  }));
}

export function BreakdownTable({
  id,
  heading,
  label,
  rows,
}: {
  id: string;
  heading: string;
  label: string;
  rows: BreakdownRow[];
}) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {rows.length === 0 ? (
        <p className="muted">Nothing spent yet.</p>
      ) : (
        <table className={styles.spendTable} aria-label={label}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Replies</th>
              <th scope="col">Spent</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" title={row.title}>
                  {row.name}
                </th>
                <td>{row.replies.toLocaleString('en-US')}</td>
                <td title={formatExactCost(row.total)}>{formatCost(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
