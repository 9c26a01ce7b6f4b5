// Renderer: what history adds above the page — the search dialog, the Undo toast — and its window-wide shortcuts:
// Ctrl/Cmd+Shift+F searches every conversation, Ctrl/Cmd+F finds in the open one.

import { appStore } from '../../store/use-app-store';
import { SearchDialog } from './SearchDialog';
import { useShortcut } from '../../lib/use-shortcut';
import { UndoToast } from './UndoToast';

export function HistoryOverlays() {
  useShortcut('search', () => {
    appStore.getState().setSearchOpen(true);
    return true;
  });
  useShortcut('find', () => {
    const state = appStore.getState();
    if (state.activeConversationId === null || document.querySelector('dialog[open]')) return false;
    // The browser's own find sees only the messages on screen; this one searches the whole conversation.
    state.setFindOpen(true);
    return true;
  });

  return (
    <>
      <SearchDialog />
      <UndoToast />
    </>
  );
}
