// Renderer store slice: the OpenRouter key: whether there is one, saving, replacing, removing it.

import type { KeyStatus } from '../../../shared/domain';
import { checkKeyInput } from '../../../shared/key-format';
import type { KeySlice, SliceCreator } from './types';

const noKey: KeyStatus = {
  present: false,
  storage: null,
  last4: null,
  label: null,
  limit: null,
  limitRemaining: null,
  isFreeTier: null,
  verified: false,
};

export const createKeySlice: SliceCreator<KeySlice> = (set, get, { api }) => ({
  keyStatus: null,
  keyLoadError: null,
  keychainProblem: null,
  keySaving: false,
  keySaveError: null,
  keySaveOptions: {},
  keyConfirmation: null,
  keyRejected: false,
  keyRefreshing: false,
  keyRefreshError: null,
  keyRemoving: false,
  keyRemoveError: null,

  async loadKeyStatus() {
    set({ keyLoadError: null });
    const result = await api.key.status();
    if (!result.ok) {
      // Without a keychain no saved key can be read, but one can still be entered for this session.
      if (result.error.code === 'keychain_unavailable') set({ keyStatus: noKey, keychainProblem: result.error });
      else set({ keyLoadError: result.error });
      return;
    }
    set({ keyStatus: result.value });
    if (!result.value.present) return;
    // After a restart the core knows the key is there but not what it may still spend: ask OpenRouter in the
    // background, which also catches a key revoked while the app was closed.
    if (!result.value.verified) void get().refreshKey();
    await get().loadWorkspace();
  },

  async saveKey(rawKey, options = {}) {
    if (get().keySaving) return false;
    const check = checkKeyInput(rawKey);
    if (!check.ok) {
      // Refused before any request: a malformed key never leaves the page.
      set({ keySaveError: { code: 'malformed_key', message: check.problem }, keySaveOptions: options });
      return false;
    }
    set({ keySaving: true, keySaveError: null, keySaveOptions: options });
    const result = await api.key.save({ key: check.key, ...options });
    if (!result.ok) {
      set({ keySaving: false, keySaveError: result.error });
      return false;
    }
    set({
      keySaving: false,
      keyStatus: result.value,
      keyConfirmation: result.value,
      keychainProblem: null,
      keyRejected: false,
      keySaveOptions: {},
      keyRefreshError: null,
    });
    void get().loadWorkspace();
    return true;
  },

  async refreshKey() {
    if (get().keyRefreshing) return false;
    set({ keyRefreshing: true, keyRefreshError: null });
    const result = await api.key.refresh();
    if (!result.ok) {
      set({ keyRefreshing: false, keyRefreshError: result.error });
      // A stale balance is fine to show for a while; a rejected key is not something to keep quiet about.
      if (result.error.code === 'unauthorized') get().markKeyRejected();
      return false;
    }
    set({ keyRefreshing: false, keyStatus: result.value });
    return true;
  },

  async removeKey() {
    set({ keyRemoving: true, keyRemoveError: null });
    const result = await api.key.remove();
    if (!result.ok) {
      set({ keyRemoving: false, keyRemoveError: result.error });
      return false;
    }
    set({
      keyRemoving: false,
      keyStatus: result.value,
      keyConfirmation: null,
      keyRejected: false,
      keySaveError: null,
      keySaveOptions: {},
    });
    return true;
  },

  resetKeyForm() {
    set({ keySaveError: null, keySaveOptions: {} });
  },

  dismissKeyConfirmation() {
    set({ keyConfirmation: null });
  },

  markKeyRejected() {
    set({ keyRejected: true, keyConfirmation: null, keySaveError: null, keySaveOptions: {} });
  },

  cancelKeyReplacement() {
    set({ keyRejected: false, keySaveError: null, keySaveOptions: {} });
  },
});
