// Renderer store slice: the link to the host, and the order things load in.

import type { AppSlice, SliceCreator } from './types';

export const createAppSlice: SliceCreator<AppSlice> = (_set, get, deps) => ({
  connection: deps.connection.getState(),

  async start() {
    // In parallel: the history check and the keychain are independent, and both take a moment. The theme comes
    // with them, so even the key screen shows in the chosen one.
    await Promise.all([get().loadKeyStatus(), get().loadHistoryStatus(), get().loadPreferences()]);
  },

  async loadWorkspace() {
    const state = get();
    // The new chat is open first; what was typed there before the last restart comes back.
    if (!state.conversationsLoaded) state.switchDraft(state.activeConversationId);
    await Promise.all([
      state.conversationsLoaded ? undefined : state.loadConversations(),
      state.modelsStatus === 'idle' || state.modelsStatus === 'error' ? state.loadModels() : undefined,
      state.loadModelPreferences(),
      state.loadSpendOverview(),
      state.loadCompares(),
      state.loadCompareSets(),
    ]);
  },
});
