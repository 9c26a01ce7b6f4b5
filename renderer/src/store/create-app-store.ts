// Renderer: assembles the one store from its slices; pure of globals so tests can build their own.

import { createStore } from 'zustand/vanilla';
import { createAppSlice } from './app-slice';
import { createChatSlice } from '../features/chat/chat-slice';
import { createDraftSlice } from '../features/chat/draft-slice';
import { createConversationsSlice } from './conversations-slice';
import { createHistorySlice } from './history-slice';
import { createPortabilitySlice } from '../features/portability/portability-slice';
import { createKeySlice } from './key-slice';
import { createLibrarySlice } from '../features/history/library-slice';
import { createModelsSlice } from './models-slice';
import { createSpendSlice } from './spend-slice';
import { createSettingsSlice } from '../features/conversation-settings/settings-slice';
import { createAppearanceSlice } from '../features/appearance/appearance-slice';
import { createAttachmentsSlice } from '../features/attachments/attachments-slice';
import { createCompareSlice } from '../features/compare/compare-slice';
import { createAboutSlice } from '../features/about/about-slice';
import type { AppState, StoreDeps } from './types';

export function createAppStore(deps: StoreDeps) {
  const store = createStore<AppState>()((set, get) => ({
    ...createAppSlice(set, get, deps),
    ...createKeySlice(set, get, deps),
    ...createConversationsSlice(set, get, deps),
    ...createChatSlice(set, get, deps),
    ...createDraftSlice(set, get, deps),
    ...createAttachmentsSlice(set, get, deps),
    ...createModelsSlice(set, get, deps),
    ...createSpendSlice(set, get, deps),
    ...createHistorySlice(set, get, deps),
    ...createPortabilitySlice(set, get, deps),
    ...createLibrarySlice(set, get, deps),
    ...createSettingsSlice(set, get, deps),
    ...createAppearanceSlice(set, get, deps),
    ...createCompareSlice(set, get, deps),
    ...createAboutSlice(set, get, deps),
  }));
  deps.connection.subscribe((connection) => store.setState({ connection }));
  // Changes from any window (this one too) apply at once: the list is the same in every window.
  deps.api.library.subscribe((event) => store.getState().applyLibraryEvent(event));
  // So are the theme and the notifications switch: changed in one window, every window shows it without a reload.
  deps.api.preferences.subscribe((preferences) => store.getState().applyPreferences(preferences));
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
