// Renderer store slice: whether the history database is usable, and the person's choice after it was found damaged.

import type { HistorySlice, SliceCreator } from './types';

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get, deps) => ({
  historyStatus: null,
  historyNoticeDismissed: false,
  historyRecovering: false,
  historyRecoverError: null,

  async loadHistoryStatus() {
    const result = await deps.api.history.status();
    // A failed call leaves the status unknown: the history channels themselves then say what is wrong.
    if (result.ok) set({ historyStatus: result.value });
  },

  async recoverHistory(choice) {
    if (get().historyRecovering) return;
    set({ historyRecovering: true, historyRecoverError: null });
    const result = await deps.api.history.recover({ choice });
    if (!result.ok) {
      set({ historyRecovering: false, historyRecoverError: result.error });
      return;
    }
    // The person has just seen where the damaged file went; the notice would only repeat it.
    set({ historyRecovering: false, historyStatus: result.value, historyNoticeDismissed: true });
    // Anything loaded while the choice was pending was refused; load it again from the chosen history.
    await get().loadConversations();
  },

  dismissHistoryNotice() {
    set({ historyNoticeDismissed: true });
  },
});
