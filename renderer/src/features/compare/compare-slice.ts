// Renderer store slice: compares — the list in the sidebar, the compare on screen (or one being set up), and its
// rounds. A round is one ordinary chat turn per column, all at once, through the chat slice's own turn runner
// (`sendInColumn`), so each column streams as a background reply does and nothing here parses a stream.

import type { Compare, CompareSet } from '../../../../shared/compare';
import { maxCompareColumns, minCompareColumns } from '../../../../shared/compare';
import type { Message } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/result';
import { maxMessageLength } from '../../../../shared/schemas';
import type { TurnView } from '../../lib/stream-reducer';
import { selectCurrentModel, selectIsStreamingIn } from '../../store/selectors';
import type { SliceCreator } from '../../store/types';
import { liveColumns, threadAfterTurn } from './compare-model';

export interface CompareView {
  /** Null while it is being set up: the first message creates it. */
  compare: Compare | null;
  /** The models chosen for a compare being set up (2–4, in column order). */
  models: string[];
  /** Each column's thread by conversation id, oldest first (the last page, as a conversation opens). */
  threads: Record<string, Message[]>;
  /** A column whose turn ended before the core saved anything (no reply row to show the error on). */
  columnErrors: Record<string, AppError>;
  /** The column a column added next starts from (its thread copied); null: from the compare's first message. */
  addFrom: string | null;
  loading: boolean;
  error: AppError | null;
}

export interface CompareSlice {
  /** Every compare, newest activity first; the sidebar lists them in place of their columns. */
  compares: Compare[];
  /** The compare on screen in place of the conversation; null when a conversation (or a new chat) is. */
  compareView: CompareView | null;
  /** What the compare's composer holds. */
  compareDraft: string;
  loadCompares(): Promise<void>;
  /** A new compare, starting from the current model; the person adds the others through the model palette. */
  startCompare(): void;
  /** Setting up: adds a model; an open compare: adds a column, sent the compare's first message. */
  addCompareModel(model: string): Promise<void>;
  removeCompareModel(model: string): void;
  /** Where the next added column starts: a live column's thread, or null for the compare's first message. */
  setCompareAddFrom(conversationId: string | null): void;
  openCompare(id: string): Promise<void>;
  closeCompare(): void;
  setCompareDraft(text: string): void;
  /** The budget check over every column's estimate first (the spend slice asks when it must). */
  requestCompareSend(): Promise<void>;
  sendCompareRound(): Promise<void>;
  retryColumn(conversationId: string): Promise<void>;
  stopColumn(conversationId: string): void;
  stopAllColumns(): void;
  /** "Continue with this one": the column becomes an ordinary conversation, opened at once. */
  continueColumn(conversationId: string): Promise<void>;
  dropColumn(conversationId: string): Promise<void>;
  /** Deletes at once and offers Undo (the same toast as a conversation's); false when the core refused. */
  deleteCompare(id: string): Promise<boolean>;
  /** Undo of deleteCompare (from the toast); reopens it when it was on screen. */
  restoreCompare(id: string, reopen: boolean): Promise<void>;
  renameCompare(id: string, title: string): Promise<boolean>;
  /**
   * Merge: the prompt starts an ordinary conversation with the chosen model, linked to the compare (when there is one)
   * as soon as the core has created it, so each links to the other.
   */
  startMerge(compareId: string | null, prompt: string, model: string): Promise<void>;
  /** Saved sets of models ("cheap vs best"); empty until loaded. */
  compareSets: CompareSet[];
  loadCompareSets(): Promise<void>;
  /** Keeps the compare's models under `name` (replacing a set of that name); false when it could not be kept. */
  saveCompareSet(name: string): Promise<boolean>;
  deleteCompareSet(name: string): Promise<void>;
  /** A new compare on the set's models, ready for its first message: one click. */
  startCompareSet(set: CompareSet): void;
}

const emptyView = (models: string[]): CompareView => ({
  compare: null,
  models,
  threads: {},
  columnErrors: {},
  addFrom: null,
  loading: false,
  error: null,
});

export const createCompareSlice: SliceCreator<CompareSlice> = (set, get, { api }) => {
  /** Only the newest open may fill the view. */
  let opening = 0;

  const putCompare = (compare: Compare) => {
    const others = get().compares.filter((item) => item.id !== compare.id);
    set({ compares: [compare, ...others].sort((a, b) => b.updatedAt - a.updatedAt) });
  };

  /** Applies a column's ended turn to the view, if that compare is still the one on screen. */
  const applyTurn = (compareId: string, conversationId: string, ended: TurnView | null) => {
    const view = get().compareView;
    if (!view || view.compare?.id !== compareId || !ended) return;
    const { [conversationId]: _cleared, ...columnErrors } = view.columnErrors;
    const failedUnsaved = ended.error && ended.error.code !== 'aborted' && !ended.assistant;
    set({
      compareView: {
        ...view,
        threads: { ...view.threads, [conversationId]: threadAfterTurn(view.threads[conversationId] ?? [], ended) },
        columnErrors: failedUnsaved && ended.error ? { ...columnErrors, [conversationId]: ended.error } : columnErrors,
      },
    });
  };

  /** Sends `text` to the given columns at once; each column's end is applied as it comes. */
  const sendToColumns = async (
    compare: Compare,
    columns: { conversationId: string; model: string }[],
    text: string,
  ) => {
    await Promise.all(
      columns.map(async (column) => {
        const ended = await get().sendInColumn(column.conversationId, text, column.model);
        applyTurn(compare.id, column.conversationId, ended);
      }),
    );
    void get().loadCompares();
  };

  const setView = (change: Partial<CompareView>) => {
    const view = get().compareView;
    if (view) set({ compareView: { ...view, ...change } });
  };

  return {
    compares: [],
    compareSets: [],
    compareView: null,
    compareDraft: '',

    async loadCompares() {
      const result = await api.compares.list();
      if (result.ok) set({ compares: result.value });
    },

    startCompare() {
      opening++;
      set({ compareView: emptyView([selectCurrentModel(get())]), compareDraft: '' });
    },

    async addCompareModel(model) {
      const view = get().compareView;
      if (!view) return;
      if (!view.compare) {
        if (view.models.includes(model) || view.models.length >= maxCompareColumns) return;
        setView({ models: [...view.models, model] });
        return;
      }
      const from = liveColumns(view.compare.columns).some((column) => column.conversationId === view.addFrom)
        ? (view.addFrom ?? undefined)
        : undefined;
      const result = await api.compares.addColumn(view.compare.id, model, from);
      if (!result.ok) {
        setView({ error: result.error });
        return;
      }
      const compare = result.value;
      putCompare(compare);
      const added = compare.columns.at(-1);
      if (!added || get().compareView?.compare?.id !== compare.id) return;
      if (from) {
        // It starts with a copy of the chosen column's thread; its model answers from the next round on.
        const copied = await api.conversations.get(added.conversationId);
        const current = get().compareView;
        if (current?.compare?.id !== compare.id) return;
        set({
          compareView: {
            ...current,
            compare,
            addFrom: null,
            threads: { ...current.threads, [added.conversationId]: copied.ok ? copied.value.messages : [] },
            error: copied.ok ? current.error : copied.error,
          },
        });
        return;
      }
      const current = get().compareView!;
      set({ compareView: { ...current, compare, threads: { ...current.threads, [added.conversationId]: [] } } });
      // A new column starts from the compare's first message, as the others did.
      const first = (current.threads[liveColumns(compare.columns)[0]?.conversationId ?? ''] ?? []).find(
        (message) => message.role === 'user',
      );
      if (first) await sendToColumns(compare, [added], first.content);
    },

    removeCompareModel(model) {
      const view = get().compareView;
      if (!view || view.compare) return;
      setView({ models: view.models.filter((item) => item !== model) });
    },

    setCompareAddFrom(conversationId) {
      setView({ addFrom: conversationId });
    },

    async openCompare(id) {
      const mine = ++opening;
      set({ compareView: { ...emptyView([]), loading: true } });
      const result = await api.compares.get(id);
      if (mine !== opening) return;
      if (!result.ok) {
        setView({ loading: false, error: result.error });
        return;
      }
      const { compare, threads } = result.value;
      putCompare(compare);
      set({
        compareView: {
          ...emptyView(compare.columns.map((column) => column.model)),
          compare,
          threads: Object.fromEntries(threads.map((thread) => [thread.conversation.id, thread.messages])),
        },
      });
    },

    closeCompare() {
      opening++;
      if (get().compareView) set({ compareView: null });
    },

    setCompareDraft(text) {
      set({ compareDraft: text });
    },

    async requestCompareSend() {
      if (get().askBeforeCompareSend()) return;
      await get().sendCompareRound();
    },

    async sendCompareRound() {
      const view = get().compareView;
      const text = get().compareDraft;
      if (!view || text.trim() === '' || text.length > maxMessageLength) return;
      let compare = view.compare;
      if (!compare) {
        if (view.models.length < minCompareColumns) return;
        const created = await api.compares.create({ models: view.models, text });
        if (!created.ok) {
          setView({ error: created.error });
          return;
        }
        compare = created.value;
        putCompare(compare);
        const threads = Object.fromEntries(compare.columns.map((column) => [column.conversationId, []]));
        // Opening another compare or a conversation meanwhile does not pull the person back here.
        if (get().compareView !== view) return;
        set({ compareView: { ...view, compare, threads, error: null } });
      }
      const live = liveColumns(compare.columns);
      // A column still answering the last round would get two questions in a row.
      if (live.some((column) => selectIsStreamingIn(get(), column.conversationId))) return;
      set({ compareDraft: '' });
      await sendToColumns(
        compare,
        live.map((column) => ({
          conversationId: column.conversationId,
          model: get().conversations.find((item) => item.id === column.conversationId)?.model ?? column.model,
        })),
        text,
      );
    },

    async retryColumn(conversationId) {
      const view = get().compareView;
      const compare = view?.compare;
      if (!view || !compare) return;
      const reply = view.threads[conversationId]?.at(-1);
      if (reply?.role === 'assistant') {
        applyTurn(compare.id, conversationId, await get().retryInColumn(conversationId, reply));
        return;
      }
      // Nothing was saved (the turn failed before the core had the question): send the round's message again.
      const question = (view.threads[liveColumns(compare.columns)[0]?.conversationId ?? ''] ?? [])
        .filter((message) => message.role === 'user')
        .at(-1);
      const column = compare.columns.find((item) => item.conversationId === conversationId);
      if (question && column) await sendToColumns(compare, [column], question.content);
    },

    stopColumn(conversationId) {
      get().stopReply(conversationId);
    },

    stopAllColumns() {
      const compare = get().compareView?.compare;
      if (!compare) return;
      for (const column of compare.columns) get().stopReply(column.conversationId);
    },

    async continueColumn(conversationId) {
      const result = await api.compares.continueColumn(conversationId);
      if (!result.ok) {
        setView({ error: result.error });
        return;
      }
      get().putConversation(result.value);
      void get().loadCompares();
      get().closeCompare();
      await get().selectConversation(conversationId);
    },

    async dropColumn(conversationId) {
      get().stopReply(conversationId);
      const result = await api.compares.dropColumn(conversationId);
      if (!result.ok) {
        setView({ error: result.error });
        return;
      }
      putCompare(result.value);
      const view = get().compareView;
      if (view?.compare?.id === result.value.id) {
        const { [conversationId]: _dropped, ...threads } = view.threads;
        const addFrom = view.addFrom === conversationId ? null : view.addFrom;
        set({ compareView: { ...view, compare: result.value, threads, addFrom } });
      }
    },

    async loadCompareSets() {
      const result = await api.compares.sets();
      if (result.ok) set({ compareSets: result.value });
    },

    async saveCompareSet(name) {
      const view = get().compareView;
      const models = view?.compare ? liveColumns(view.compare.columns).map((column) => column.model) : view?.models;
      if (!models || models.length < minCompareColumns || name.trim() === '') return false;
      const others = get().compareSets.filter((item) => item.name !== name.trim());
      const result = await api.compares.setSets([...others, { name: name.trim(), models }]);
      if (!result.ok) {
        setView({ error: result.error });
        return false;
      }
      set({ compareSets: result.value });
      return true;
    },

    async deleteCompareSet(name) {
      const result = await api.compares.setSets(get().compareSets.filter((item) => item.name !== name));
      if (result.ok) set({ compareSets: result.value });
      else setView({ error: result.error });
    },

    startCompareSet(chosen) {
      opening++;
      set({ compareView: emptyView([...chosen.models]) });
    },

    async deleteCompare(id) {
      const compare = get().compares.find((item) => item.id === id);
      if (!compare) return false;
      for (const column of compare.columns) get().stopReply(column.conversationId);
      const result = await api.compares.delete(id);
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      const wasOpen = get().compareView?.compare?.id === id;
      set({
        compares: get().compares.filter((item) => item.id !== id),
        undoable: { kind: 'compare', compare, wasOpen },
      });
      if (wasOpen) get().newChat();
      return true;
    },

    async restoreCompare(id, reopen) {
      const result = await api.compares.restore(id);
      if (!result.ok) {
        get().showError(result.error);
        return;
      }
      putCompare(result.value);
      if (reopen) await get().openCompare(id);
    },

    async renameCompare(id, title) {
      const trimmed = title.trim();
      const current = get().compares.find((item) => item.id === id);
      if (!current || trimmed === '' || trimmed === current.title) return true;
      const result = await api.compares.rename(id, trimmed);
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      putCompare(result.value);
      const view = get().compareView;
      if (view?.compare?.id === id) set({ compareView: { ...view, compare: result.value } });
      return true;
    },

    async startMerge(compareId, prompt, model) {
      const link = (conversationId: string) => {
        if (!compareId) return;
        void api.compares.addMerge(compareId, conversationId).then((result) => {
          if (result.ok) putCompare(result.value);
          else get().showError(result.error);
        });
      };
      await get().startConversation(prompt, model, link);
    },
  };
};
