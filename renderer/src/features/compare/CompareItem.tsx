// Renderer: a compare in the sidebar, in place of its columns: its title, "Compare ·" the models, when, Rename and
// Delete (undoable for a few seconds from the toast, as a conversation's delete is).

import { memo, useState } from 'react';
import { RenameField } from '../../components/RenameField';
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
  const renameCompare = useAppStore((s) => s.renameCompare);
  const streaming = useAppStore((s) =>
    Object.values(s.liveTurns).some((turn) => compare.columns.some((c) => c.conversationId === turn.conversationId)),
  );
  const title = compare.title.trim() || 'Untitled compare';
  const models = liveColumns(compare.columns).map((column) => shortModel(column.model));
  const [renaming, setRenaming] = useState(false);
  return (
    <div role="listitem" className={`conversation-item compare-item${active ? ' active' : ''}`}>
      {renaming ? (
        <RenameField
          initial={compare.title}
          label="Compare title"
          onDone={async (next) => {
            if (next !== null) await renameCompare(compare.id, next);
            setRenaming(false);
          }}
        />
      ) : (
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
      )}
      {renaming ? null : (
        <span className="conversation-actions">
          <button
            type="button"
            className="icon-button"
            aria-label="Rename compare"
            title="Rename compare"
            onClick={() => setRenaming(true)}
          >
            ✎
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Delete compare"
            title="Delete compare (you can undo it for a few seconds; columns continued as conversations stay)"
            onClick={() => void deleteCompare(compare.id)}
          >
            ×
          </button>
        </span>
      )}
    </div>
  );
});
