// Renderer store slice: remaining credit, re-read from OpenRouter after each reply.

import { sumUsd } from '../../../shared/money';
import type { SliceCreator, SpendSlice } from './types';

export const createSpendSlice: SliceCreator<SpendSlice> = (set, get, { api }) => ({
  sessionSpendUsd: '0',
  spendRefreshing: false,

  recordSpend(costUsd) {
    set({ sessionSpendUsd: sumUsd([get().sessionSpendUsd, costUsd]) });
  },

  async refreshSpend() {
    if (get().spendRefreshing) return;
    set({ spendRefreshing: true });
    const result = await api.key.refresh();
    if (result.ok) {
      set({ spendRefreshing: false, keyStatus: result.value });
      return;
    }
    set({ spendRefreshing: false });
    // A stale balance is fine to show for a while; a rejected key is not something to keep quiet about.
    if (result.error.code === 'unauthorized') get().markKeyRejected();
  },
});
