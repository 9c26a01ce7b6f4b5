// Renderer: a compare in place of the conversation — its title and the round's total, the columns side by side
// (wrapping to rows, then stacking, as the window narrows), and one composer for every column. Esc stops them all.

import { Settings } from 'lucide-react';
import { useId, useState } from 'react';
import { MergeDialog } from './MergeDialog';
import { ExportCompareButton } from '../portability/ExportButtons';
import { MergedInto } from './MergeLinks';
import { useShallow } from 'zustand/react/shallow';
import { maxCompareColumns, minCompareColumns } from '../../../../shared/compare';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatCost, formatExactCost } from '../../lib/format';
import { useShortcut } from '../../lib/use-shortcut';
import { selectModelEntry } from '../../store/models-slice';
import { useAppStore } from '../../store/use-app-store';
import { SidebarToggle } from '../history/SidebarToggle';
import { CompareColumnView } from './CompareColumn';
import { CompareComposer } from './CompareComposer';
import { lastReplies, liveColumns, roundTotal } from './compare-model';
import styles from './compare.module.css';
import header from '../../components/chat-header.module.css';

export function CompareView({ onOpenSettings }: { onOpenSettings(): void }) {
  const view = useAppStore((s) => s.compareView);
  const openPalette = useAppStore((s) => s.openModelPalette);
  const stopAll = useAppStore((s) => s.stopAllColumns);
  const streaming = useAppStore((s) =>
    Object.values(s.liveTurns).some((turn) =>
      s.compareView?.compare?.columns.some((column) => column.conversationId === turn.conversationId),
    ),
  );
  const [merging, setMerging] = useState(false);
  // Two answers or more to combine (recomputed as columns finish).
  const canMerge = useAppStore((s) => {
    const current = s.compareView;
    if (!current?.compare) return false;
    const live = liveColumns(current.compare.columns);
    return lastReplies(live, current.threads).filter((reply) => reply && reply.content.trim() !== '').length >= 2;
  });
  useShortcut('stop', () => {
    if (!streaming || document.querySelector('dialog[open]')) return false;
    stopAll();
    return true;
  });
  if (!view) return null;
  const compare = view.compare;
  const live = compare ? liveColumns(compare.columns) : [];
  const columns = compare ? [...compare.columns].sort((a, b) => a.position - b.position) : [];
  const count = compare ? live.length : view.models.length;
  return (
    <section className={styles.compare} aria-label="Compare">
      <header className={header.header}>
        <SidebarToggle />
        <h1 className={header.title} title={compare?.title}>
          {compare ? compare.title : 'New compare'}
        </h1>
        {compare ? <RoundTotal /> : null}
        {compare ? (
          <button
            type="button"
            disabled={streaming || !canMerge}
            title="A chosen model combines the columns' last answers into one"
            onClick={() => setMerging(true)}
          >
            Merge
          </button>
        ) : null}
        <button
          type="button"
          disabled={count >= maxCompareColumns || streaming}
          title={`Add a model (up to ${maxCompareColumns})`}
          onClick={() => openPalette('compare')}
        >
          Add model
        </button>
        {compare ? <ExportCompareButton compareId={compare.id} title={compare.title} /> : null}
        <button type="button" className={header.icon} aria-label="Settings" title="Settings" onClick={onOpenSettings}>
          <Settings aria-hidden="true" size={16} />
        </button>
      </header>
      {compare ? <MergedInto merges={compare.merges} /> : null}
      {view.error ? <ErrorAlert error={view.error} /> : null}
      {view.loading ? <p className={styles.note}>Opening the compare…</p> : null}
      {compare ? (
        <div className={styles.columns} data-columns={columns.length}>
          {columns.map((column) => (
            <CompareColumnView key={column.conversationId} column={column} canDrop={live.length > 1} />
          ))}
        </div>
      ) : (
        <SetupColumns />
      )}
      {/* Below the columns, wrapping: the header has no room for more at narrow widths. */}
      <div className={styles.tools}>
        {compare && count < maxCompareColumns ? <AddFromSelect disabled={streaming} /> : null}
        <CompareSets />
      </div>
      <CompareComposer />
      {merging ? <MergeDialog onClose={() => setMerging(false)} /> : null}
    </section>
  );
}

/**
 * Where a column added with Add model starts: the compare's first message (answered at once), or a copy of a chosen
 * column's thread (its model answers from the next round on).
 */
function AddFromSelect({ disabled }: { disabled: boolean }) {
  const id = useId();
  const addFrom = useAppStore((s) => s.compareView?.addFrom ?? null);
  const setAddFrom = useAppStore((s) => s.setCompareAddFrom);
  const columns = useAppStore(
    useShallow((s) => (s.compareView?.compare ? liveColumns(s.compareView.compare.columns) : [])),
  );
  const names = useAppStore(
    useShallow((s) =>
      columns.map((column) => {
        const model = s.conversations.find((c) => c.id === column.conversationId)?.model ?? column.model;
        return selectModelEntry(s, model)?.name ?? model;
      }),
    ),
  );
  return (
    <span className={styles.addFrom}>
      <label htmlFor={id}>New column starts from</label>
      <select
        id={id}
        value={addFrom ?? ''}
        disabled={disabled}
        onChange={(event) => setAddFrom(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">the first message</option>
        {columns.map((column, index) => (
          <option key={column.conversationId} value={column.conversationId}>
            {names[index]}’s thread
          </option>
        ))}
      </select>
    </span>
  );
}

/** Before the first message: the chosen models as empty columns, each removable. */
function SetupColumns() {
  const models = useAppStore((s) => s.compareView?.models ?? []);
  const names = useAppStore(useShallow((s) => models.map((id) => selectModelEntry(s, id)?.name ?? id)));
  const remove = useAppStore((s) => s.removeCompareModel);
  return (
    <div className={styles.columns} data-columns={models.length}>
      {models.map((model, index) => (
        <section key={model} className={styles.column} aria-label={`Column: ${names[index]}`}>
          <header className={styles.columnHeader}>
            <h2 className={styles.model} title={model}>
              {names[index]}
            </h2>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${names[index]}`}
              onClick={() => remove(model)}
            >
              ×
            </button>
          </header>
        </section>
      ))}
      {models.length < minCompareColumns ? (
        <p className={styles.note}>
          Choose {minCompareColumns}–{maxCompareColumns} models with Add model (favorites come first), then write once:
          every column gets the message and answers at the same time.
        </p>
      ) : null}
    </div>
  );
}

/** What the last round cost, every column's reply added up exactly. */
function RoundTotal() {
  const total = useAppStore(
    useShallow((s) => {
      const view = s.compareView;
      if (!view?.compare) return null;
      return roundTotal(lastReplies(liveColumns(view.compare.columns), view.threads));
    }),
  );
  if (!total) return null;
  return (
    <span className={styles.total} title={`Every column's last reply: ${formatExactCost(total.total)}`}>
      Round: {total.complete ? '' : 'at least '}
      {formatCost(total.total)}
    </span>
  );
}

/** Saved sets: each starts a compare on its models with one click; the models on screen can be saved as one. */
function CompareSets() {
  const sets = useAppStore((s) => s.compareSets);
  const startSet = useAppStore((s) => s.startCompareSet);
  const deleteSet = useAppStore((s) => s.deleteCompareSet);
  const saveSet = useAppStore((s) => s.saveCompareSet);
  const canSave = useAppStore((s) => {
    const view = s.compareView;
    const count = view?.compare ? liveColumns(view.compare.columns).length : (view?.models.length ?? 0);
    return count >= minCompareColumns;
  });
  const [name, setName] = useState<string | null>(null);
  return (
    <div className={styles.sets} role="group" aria-label="Compare sets">
      {sets.map((set) => (
        <span key={set.name} className={styles.set}>
          <button type="button" title={`Start a compare of ${set.models.join(', ')}`} onClick={() => startSet(set)}>
            {set.name}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Delete the set ${set.name}`}
            onClick={() => void deleteSet(set.name)}
          >
            ×
          </button>
        </span>
      ))}
      {name === null ? (
        <button type="button" className="link-button" disabled={!canSave} onClick={() => setName('')}>
          Save these models as a set
        </button>
      ) : (
        <form
          className={styles.setForm}
          onSubmit={(event) => {
            event.preventDefault();
            void saveSet(name).then((saved) => saved && setName(null));
          }}
        >
          <label>
            Set name{' '}
            <input
              autoFocus
              value={name}
              maxLength={60}
              placeholder="cheap vs best"
              onChange={(event) => setName(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  setName(null);
                }
              }}
            />
          </label>
          <button type="submit" disabled={name.trim() === ''}>
            Save set
          </button>
        </form>
      )}
    </div>
  );
}
