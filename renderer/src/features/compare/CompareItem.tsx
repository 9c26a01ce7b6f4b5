// Renderer: a compare in the sidebar, in place of its columns (a SidebarEntry): its title, "Compare ·" the models,
// when, a mark while its replies are written, and Rename and Delete (undoable for a few seconds from the toast, as a
// conversation's delete is).

import { memo } from 'react';
import { SidebarEntry } from '../../components/SidebarEntry';
import type { Compare } from '../../../../shared/compare';
import { activityTime, shortModel } from '../history/sidebar-rows';
import { useAppStore } from '../../store/use-app-store';
import { liveColumns } from './compare-model';
import styles from './compare.module.css';

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
  return (
    <SidebarEntry
      noun="compare"
      title={title}
      storedTitle={compare.title}
      tooltip={`${title}\nCompare: ${compare.columns.map((c) => c.model).join(', ')}`}
      subtitle={
        <>
          <span className={styles.tag}>Compare</span> {models.join(' · ')} · {activityTime(updatedAt, now)}
        </>
      }
      active={active}
      mark={streaming ? { kind: 'streaming', title: 'Replies are being written', spoken: ', replying' } : null}
      deleteTitle="Delete compare (you can undo it for a few seconds; columns continued as conversations stay)"
      onOpen={() => void openCompare(compare.id)}
      onRename={(next) => renameCompare(compare.id, next)}
      onDelete={() => void deleteCompare(compare.id)}
    />
  );
});
