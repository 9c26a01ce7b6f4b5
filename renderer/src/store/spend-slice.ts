// Renderer store slice: what replies cost — remaining credit (re-read after each reply), this month against the
// budget, the open conversation's total, replies whose cost is still settling, the Spend view, and the budget check
// before a message goes out.

import { askBeforeSend, dueWarnings } from '../features/spend/budget';
import { last30DayStarts, monthKey, startOfDay, startOfMonth, startOfWeek } from '../features/spend/calendar';
import { selectModelPricing } from '../features/spend/model-prices';
import { estimateNextReply } from '../features/spend/send-estimate';
import { selectCompareEstimate } from '../features/compare/compare-estimate';
import { selectActiveConversation, selectCurrentModel } from './selectors';
import { trayAttachments } from '../features/attachments/attachments-slice';
import { effectivePdfEngine, pdfParserCost } from '../features/attachments/pdf-engine';
import { selectModelEntry } from './models-slice';
import type { AppState, SliceCreator, SpendSlice } from './types';

/**
 * The question to ask before a send that may cost up to `estimateHigh` (this month's spend against the budget, the
 * key's limit), or null to just send: one rule for a chat send, a compare round and a merge.
 */
function budgetQuestion(state: AppState, estimateHigh: Parameters<typeof askBeforeSend>[0]['estimateHigh']) {
  const key = state.keyStatus;
  return askBeforeSend({
    monthSpent: state.spendOverview?.month ?? '0',
    budget: state.spendOverview?.budget ?? null,
    estimateHigh,
    limitRemaining: key?.verified ? key.limitRemaining : null,
  });
}

/** The estimate beside Send, from the store as it is now. */
export function selectNextReplyEstimate(state: AppState) {
  const model = selectCurrentModel(state);
  const attachments = trayAttachments(state.tray);
  const pages = attachments.reduce((sum, a) => sum + (a.kind === 'pdf' ? (a.pageCount ?? 1) : 0), 0);
  const engine = effectivePdfEngine(state.pdfEngine, selectModelEntry(state, model));
  return estimateNextReply({
    thread: state.messages,
    draft: state.draft,
    attachments,
    parserUsd: pdfParserCost(engine, pages),
    pricing: selectModelPricing(state, model),
    maxOutputTokens: selectActiveConversation(state)?.maxOutputTokens ?? null,
  });
}

export const createSpendSlice: SliceCreator<SpendSlice> = (set, get, { api }) => ({
  spendOverview: null,
  conversationSpend: null,
  spendViewOpen: false,
  spendView: { summary: null, keyUsage: null, error: null, keyError: null },
  spendNotices: [],
  sendQuestion: null,
  sendQuestionFor: 'chat',
  pendingMerge: null,

  async refreshSpend() {
    void get().loadSpendOverview();
    const open = get().activeConversationId;
    if (open) void get().loadConversationSpend(open);
    // The key slice owns the key's figures (and what a rejected key means); the budget warnings follow them.
    if (await get().refreshKey()) get().checkSpendWarnings();
  },

  async loadSpendOverview() {
    const result = await api.spend.overview(startOfMonth(Date.now()));
    if (!result.ok) return;
    set({ spendOverview: result.value });
    get().checkSpendWarnings();
  },

  checkSpendWarnings() {
    const overview = get().spendOverview;
    if (!overview) return;
    const key = get().keyStatus;
    const month = monthKey(Date.now());
    const due = dueWarnings({
      monthSpent: overview.month,
      budget: overview.budget,
      limit: key?.verified ? key.limit : null,
      limitRemaining: key?.verified ? key.limitRemaining : null,
      month,
      budgetWarnedMonth: overview.budgetWarnedMonth,
      keyLimitWarnedMonth: overview.keyLimitWarnedMonth,
    });
    const notices = [...get().spendNotices];
    const marked = { ...overview };
    if (due.budget) {
      notices.push(due.budget);
      marked.budgetWarnedMonth = month;
      void api.spend.markWarned('budget', month);
    }
    if (due.keyLimit) {
      notices.push(due.keyLimit);
      marked.keyLimitWarnedMonth = month;
      void api.spend.markWarned('key-limit', month);
    }
    if (due.budget || due.keyLimit) set({ spendNotices: notices, spendOverview: marked });
  },

  dismissSpendNotices() {
    set({ spendNotices: [] });
  },

  async loadConversationSpend(conversationId) {
    const result = await api.spend.conversation(conversationId);
    if (result.ok && get().activeConversationId === conversationId) {
      set({ conversationSpend: { conversationId, spend: result.value } });
    }
  },

  async settlePendingCosts() {
    const pending = get()
      .messages.filter((m) => m.costStatus === 'pending')
      .map((m) => m.id);
    if (pending.length === 0) return;
    const result = await api.spend.replyCosts(pending);
    if (!result.ok) return;
    const changed = result.value.filter((m) => m.costStatus !== 'pending');
    if (changed.length === 0) return;
    const byId = new Map(changed.map((m) => [m.id, m]));
    // Only the figures change: the versions list and text the view already has stay as they are.
    set({
      messages: get().messages.map((m) => {
        const settled = byId.get(m.id);
        return settled
          ? { ...m, usage: settled.usage, costStatus: settled.costStatus, estimatedCostUsd: settled.estimatedCostUsd }
          : m;
      }),
    });
    void get().refreshSpend();
  },

  openSpendView() {
    set({ spendViewOpen: true });
    void get().loadSpendView();
  },

  async loadSpendView() {
    set({ spendView: { summary: null, keyUsage: null, error: null, keyError: null } });
    const [summary, keyUsage] = await Promise.all([api.spend.summary(spendPeriods()), api.spend.keyUsage()]);
    set({
      spendView: {
        summary: summary.ok ? summary.value : null,
        error: summary.ok ? null : summary.error,
        keyUsage: keyUsage.ok ? keyUsage.value : null,
        keyError: keyUsage.ok ? null : keyUsage.error,
      },
    });
  },

  exportSpendCsv() {
    return api.spend.exportCsv();
  },

  closeSpendView() {
    set({ spendViewOpen: false });
  },

  async setMonthlyBudget(monthlyUsd) {
    const result = await api.spend.setBudget(monthlyUsd);
    if (!result.ok) return result.error;
    await get().loadSpendOverview();
    return null;
  },

  async requestSend() {
    const state = get();
    const estimate = selectNextReplyEstimate(state);
    const question = budgetQuestion(state, estimate?.high ?? null);
    if (question) {
      set({ sendQuestion: question, sendQuestionFor: 'chat' });
      return;
    }
    await get().sendMessage();
  },

  askBeforeCompareSend() {
    const state = get();
    const question = budgetQuestion(state, selectCompareEstimate(state)?.high ?? null);
    if (question) set({ sendQuestion: question, sendQuestionFor: 'compare' });
    return question !== null;
  },

  async requestMergeSend(prompt, model) {
    const state = get();
    const compareId = state.compareView?.compare?.id ?? null;
    // A new conversation: the prompt is the whole request, answered by the chosen model at its default length.
    const estimate = estimateNextReply({
      thread: [],
      draft: prompt,
      pricing: selectModelPricing(state, model),
      maxOutputTokens: null,
    });
    const question = budgetQuestion(state, estimate?.high ?? null);
    if (question) {
      set({ sendQuestion: question, sendQuestionFor: 'merge', pendingMerge: { prompt, model, compareId } });
      return;
    }
    await get().startMerge(compareId, prompt, model);
  },

  async answerSendQuestion(send) {
    const target = get().sendQuestionFor;
    const merge = get().pendingMerge;
    set({ sendQuestion: null, sendQuestionFor: 'chat', pendingMerge: null });
    if (!send) return;
    if (target === 'compare') await get().sendCompareRound();
    else if (target === 'merge') {
      if (merge) await get().startMerge(merge.compareId, merge.prompt, merge.model);
    } else await get().sendMessage();
  },
});

/** For the Spend view: the person's calendar boundaries, now. */
export function spendPeriods(now = Date.now()) {
  return {
    todayStart: startOfDay(now),
    weekStart: startOfWeek(now),
    monthStart: startOfMonth(now),
    dayStarts: last30DayStarts(now),
  };
}
