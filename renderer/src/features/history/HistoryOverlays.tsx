// Renderer: what history adds above the page — the search dialog, the Undo toast — and its window-wide shortcuts:
// Ctrl/Cmd+Shift+F searches every conversation, Ctrl/Cmd+F finds in the open one.

import { useEffect } from 'react';
import { appStore } from '../../store/use-app-store';
import { SearchDialog } from './SearchDialog';
import { isShortcut } from '../../lib/keyboard';
import { UndoToast } from './UndoToast';

export function HistoryOverlays() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const state = appStore.getState();
      if (isShortcut('search', event)) {
        event.preventDefault();
        state.setSearchOpen(true);
      } else if (
        isShortcut('find', event) &&
        state.activeConversationId !== null &&
        !document.querySelector('dialog[open]')
      ) {
        // The browser's own find sees only the messages on screen; this one searches the whole conversation.
        event.preventDefault();
        state.setFindOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <SearchDialog />
      <UndoToast />
    </>
  );
}
