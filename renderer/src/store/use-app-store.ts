// Renderer: the app's store instance and the hook components read it through.

import { useStore } from 'zustand';
import { api, connection } from '../api';
import { scheduleAnimationFrame } from '../lib/frame-batcher';
import { pageTypingClock, typingFirst } from '../lib/typing-first';
import { createAppStore } from './create-app-store';
import type { AppState } from './types';

export const appStore = createAppStore({
  api,
  connection,
  // Streamed replies repaint every frame, or at most every 100 ms while the person types (lib/typing-first.ts).
  scheduleFrame: typingFirst(scheduleAnimationFrame, pageTypingClock(document)),
});

/** Select the smallest piece needed (a primitive or a stable object) so a component re-renders only for it. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
