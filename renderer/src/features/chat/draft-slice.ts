// Renderer store slice: the composer's text, kept per conversation across switching and restarts (`drafts:*`); the
// files its tray held come back with it (attachments-slice.ts).
// Only the Composer reads `draft`, so a keystroke re-renders the composer and nothing else.

import type { DraftSlice, SliceCreator } from '../../store/types';
import { createDraftSaver, type DraftKey } from './draft-saver';

const defaultTimer = (callback: () => void, ms: number) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

export const createDraftSlice: SliceCreator<DraftSlice> = (set, get, { api, setTimer = defaultTimer }) => {
  const saver = createDraftSaver({
    save: (key, text) => api.drafts.save(key, text),
    setTimer,
    onPendingChange: (pending) => set({ draftSaved: !pending }),
  });
  /** Drafts already read or typed this session, so switching back shows them in the same frame. */
  const known = new Map<DraftKey, string>();
  /** Whose draft the composer holds. */
  let key: DraftKey = null;
  /** Bumped on every switch, so a slow `drafts:get` for a conversation already left is ignored. */
  let generation = 0;

  const load = async (wanted: DraftKey) => {
    const mine = ++generation;
    const result = await api.drafts.get(wanted);
    if (!result.ok) return;
    // The files the tray held come back too (not over files added before the answer came).
    get().restoreTray(wanted, result.value.attachments, { kept: true });
    // Typing before the answer came wins over the stored text.
    if (mine !== generation || known.has(wanted)) return;
    known.set(wanted, result.value.text);
    set({ draft: result.value.text });
  };

  return {
    draft: '',
    draftSaved: true,

    setDraft(text) {
      known.set(key, text);
      set({ draft: text });
      saver.change(key, text);
    },

    switchDraft(conversationId) {
      // The files waiting to be sent belong to the same conversation as the text.
      get().switchTray(conversationId);
      if (conversationId === key && known.has(key)) return;
      void saver.flush();
      key = conversationId;
      const cached = known.get(conversationId);
      set({ draft: cached ?? '' });
      if (cached === undefined) void load(conversationId);
      else generation++;
    },

    adoptNewChatDraft(conversationId) {
      if (key !== null) return;
      get().adoptNewChatTray(conversationId);
      const text = known.get(null) ?? get().draft;
      key = conversationId;
      known.set(conversationId, text);
      known.set(null, '');
      generation++;
      if (text !== '') {
        saver.change(null, '');
        saver.change(conversationId, text);
      }
    },

    restoreDraft(conversationId, text) {
      const current = known.get(conversationId) ?? (conversationId === key ? get().draft : '');
      if (current.trim() !== '') return;
      known.set(conversationId, text);
      if (conversationId === key) set({ draft: text });
      saver.change(conversationId, text);
    },

    flushDraft: () => saver.flush(),
  };
};
