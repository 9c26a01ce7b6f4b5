// Renderer: the links between a compare and the conversations its Merge started, both ways — under the compare's
// header, the merged conversations; under a merged conversation's header, the compare it came from. Both read the
// compare's `merges` (kept by the core), so they survive a restart and vanish when either side is deleted.

import { useShallow } from 'zustand/react/shallow';
import { selectActiveConversation } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import styles from './compare.module.css';

/** Under a compare's header: "Merged into" each conversation its Merge started, one click away. */
export function MergedInto({ merges }: { merges: readonly string[] }) {
  const selectConversation = useAppStore((s) => s.selectConversation);
  // Strings only: a shallow comparison of fresh objects would differ every time and render without end.
  const titles = useAppStore(
    useShallow((s) => merges.map((id) => s.conversations.find((item) => item.id === id)?.title ?? null)),
  );
  const merged = merges.flatMap((id, index) => {
    const title = titles[index];
    return title === null || title === undefined ? [] : [{ id, title: title.trim() || 'Untitled conversation' }];
  });
  if (merged.length === 0) return null;
  return (
    <p className={styles.links}>
      Merged into{' '}
      {merged.map((item, index) => (
        <span key={item.id}>
          {index > 0 ? ', ' : null}
          <button type="button" className="link-button" onClick={() => void selectConversation(item.id)}>
            {item.title}
          </button>
        </span>
      ))}
    </p>
  );
}

/** Under a merged conversation's header: the compare whose answers it merged. */
export function MergedFrom() {
  const openCompare = useAppStore((s) => s.openCompare);
  const source = useAppStore(
    useShallow((s) => {
      const id = selectActiveConversation(s)?.id;
      const compare = id ? s.compares.find((item) => item.merges.includes(id)) : undefined;
      return compare ? { id: compare.id, title: compare.title.trim() || 'Untitled compare' } : null;
    }),
  );
  if (!source) return null;
  return (
    <p className={styles.links}>
      Merged from the compare{' '}
      <button type="button" className="link-button" onClick={() => void openCompare(source.id)}>
        {source.title}
      </button>
    </p>
  );
}
