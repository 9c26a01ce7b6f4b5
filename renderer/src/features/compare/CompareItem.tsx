// Renderer: a compare in the sidebar, in place of its columns: its title, "Compare ·" the models, when, and Delete.

import { memo, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { Compare } from '../../../../shared/compare';
import { activityTime, shortModel } from '../history/sidebar-rows';
import { useAppStore } from '../../store/use-app-store';
import { liveColumns } from './compare-model';

interface CompareItemProps {
  compare: Compare;
  /** Its newest column's activity, as the list places it. */
  updatedAt: number;
  active: boolean;
  now: Date;
}

export const CompareItem = memo(function CompareItem({ compare, updatedAt, active, now }: CompareItemProps) {
  const openCompare = useAppStore((s) => s.openCompare);
  const deleteCompare = useAppStore((s) => s.deleteCompare);
  const streaming = useAppStore((s) =>
    Object.values(s.liveTurns).some((turn) => compare.columns.some((c) => c.conversationId === turn.conversationId)),
  );
  const title = compare.title.trim() || 'Untitled compare';
  const models = liveColumns(compare.columns).map((column) => shortModel(column.model));
  const [confirming, setConfirming] = useState(false);
  return (
    <div role="listitem" className={`conversation-item compare-item${active ? ' active' : ''}`}>
      <button
        type="button"
        className="conversation-title"
        aria-current={active ? 'true' : undefined}
        title={`${title}\nCompare: ${compare.columns.map((c) => c.model).join(', ')}`}
        onClick={() => void openCompare(compare.id)}
      >
        <span className="conversation-name">{title}</span>
        <span className="conversation-subtitle">
          <span className="compare-tag">Compare</span> {models.join(' · ')} · {activityTime(updatedAt, now)}
        </span>
        {streaming ? (
          <span className="conversation-mark streaming" title="Replies are being written">
            <span className="visually-hidden">, replying</span>
          </span>
        ) : null}
      </button>
      <span className="conversation-actions">
        <button
          type="button"
          className="icon-button"
          aria-label="Delete compare"
          title="Delete compare (columns continued as conversations stay)"
          onClick={() => setConfirming(true)}
        >
          ×
        </button>
      </span>
      {confirming ? (
        <ConfirmDialog
          title="Delete this compare?"
          body={`“${title}” and its columns' conversations will be deleted. Columns you continued as conversations stay. What they cost stays in Spend.`}
          confirmLabel="Delete compare"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void deleteCompare(compare.id);
          }}
        />
      ) : null}
    </div>
  );
});
