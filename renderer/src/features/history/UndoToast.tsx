// Renderer: "Deleted …  Undo" for a few seconds after a conversation or a compare is deleted; Ctrl/Cmd+Z also undoes
// it.

import { useEffect } from 'react';
import clsx from 'clsx';
import { useAppStore } from '../../store/use-app-store';
import { isShortcut } from '../../lib/keyboard';
import styles from './undo-toast.module.css';

/** Long enough to notice and reach; the core keeps the conversation restorable for longer than this. */
export const undoToastMs = 8_000;

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName));

export function UndoToast() {
  const undoable = useAppStore((s) => s.undoable);
  const undoDelete = useAppStore((s) => s.undoDelete);
  const dismissUndo = useAppStore((s) => s.dismissUndo);

  useEffect(() => {
    if (!undoable) return;
    const timer = setTimeout(dismissUndo, undoToastMs);
    const onKeyDown = (event: KeyboardEvent) => {
      // In a text field, Ctrl/Cmd+Z undoes typing, as everywhere else.
      if (!isShortcut('undo-delete', event) || isTextField(event.target)) return;
      event.preventDefault();
      void undoDelete();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [undoable, undoDelete, dismissUndo]);

  return (
    <div className={clsx(styles.toast, undoable && styles.visible)} role="status" aria-live="polite">
      {undoable ? (
        <>
          <span className={styles.text}>
            Deleted “
            {undoable.kind === 'compare'
              ? undoable.compare.title.trim() || 'Untitled compare'
              : undoable.conversation.title.trim() || 'Untitled conversation'}
            ”.
          </span>
          <button type="button" className="link-button" onClick={() => void undoDelete()}>
            Undo
          </button>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismissUndo}>
            ×
          </button>
        </>
      ) : null}
    </div>
  );
}
