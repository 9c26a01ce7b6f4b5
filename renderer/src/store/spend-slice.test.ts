import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SpendOverview, SpendSummary } from '../../../shared/spend';
import { modelFixture } from '../test-support/model-fixture';
import { selectNextReplyEstimate, spendPeriods } from './spend-slice';
import {
  conversationFixture,
  keyStatusFixture,
  ok,
  reply,
  setupStore,
  tick,
} from '../test-support/store-over-fake-api';

const failure = { ok: false as const, error: { code: 'storage_error' as const, message: 'The disk is full.' } };

const overview = (overrides: Partial<SpendOverview> = {}): SpendOverview => ({
  month: '0',
  budget: null,
  budgetWarnedMonth: null,
  keyLimitWarnedMonth: null,
  ...overrides,
});

/** A priced model: a reply can cost up to 16 384 × $0.000002 ≈ $0.03. */
const priced = modelFixture({ id: 'a/priced' });

// Only Date is fixed (mid-December 2026, local time): promises and the store's own timers run as usual.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 11, 15, 12, 0));
});
afterEach(() => vi.useRealTimers());

describe('the 80 % warnings', () => {
  it('warns once a month when 80 % of the budget is spent, and tells the core it did', async () => {
    const { store, api } = setupStore();
    api.spend.overview.mockReturnValue(ok(overview({ month: '8', budget: '10' })));
    await store.getState().loadSpendOverview();
    expect(api.spend.overview).toHaveBeenCalledWith(new Date(2026, 11, 1).getTime());
    expect(store.getState().spendNotices).toEqual([expect.stringContaining('monthly budget (80 %)')]);
    expect(store.getState().spendOverview?.budgetWarnedMonth).toBe('2026-12');
    expect(api.spend.markWarned).toHaveBeenCalledWith('budget', '2026-12');

    store.getState().checkSpendWarnings();
    expect(store.getState().spendNotices).toHaveLength(1);
    store.getState().dismissSpendNotices();
    expect(store.getState().spendNotices).toEqual([]);
  });

  it('says nothing below 80 %, or in a month it already warned', async () => {
    const { store, api } = setupStore();
    api.spend.overview.mockReturnValueOnce(ok(overview({ month: '7.99', budget: '10' })));
    await store.getState().loadSpendOverview();
    api.spend.overview.mockReturnValueOnce(ok(overview({ month: '9', budget: '10', budgetWarnedMonth: '2026-12' })));
    await store.getState().loadSpendOverview();
    expect(store.getState().spendNotices).toEqual([]);
    expect(api.spend.markWarned).not.toHaveBeenCalled();
  });

  it('warns about the key’s own limit only from figures OpenRouter confirmed', async () => {
    const { store, api } = setupStore();
    store.setState({ keyStatus: keyStatusFixture({ verified: false, limit: 10, limitRemaining: 1 }) });
    await store.getState().loadSpendOverview();
    expect(store.getState().spendNotices).toEqual([]);

    store.setState({ keyStatus: keyStatusFixture({ verified: true, limit: 10, limitRemaining: 1 }) });
    store.getState().checkSpendWarnings();
    expect(store.getState().spendNotices).toEqual([expect.stringContaining('spending limit')]);
    expect(store.getState().spendOverview?.keyLimitWarnedMonth).toBe('2026-12');
    expect(api.spend.markWarned).toHaveBeenCalledWith('key-limit', '2026-12');
  });

  it('checks nothing before the month’s spend is known, and keeps none when it cannot be read', async () => {
    const { store, api } = setupStore();
    store.setState({ keyStatus: keyStatusFixture({ limit: 10, limitRemaining: 1 }) });
    store.getState().checkSpendWarnings();
    api.spend.overview.mockReturnValueOnce(Promise.resolve(failure));
    await store.getState().loadSpendOverview();
    expect(store.getState()).toMatchObject({ spendOverview: null, spendNotices: [] });
  });
});

describe('after a reply', () => {
  it('re-reads the month and the open conversation’s total', async () => {
    const { store, api } = setupStore();
    await store.getState().selectConversation('c1');
    api.spend.conversation.mockReturnValueOnce(ok({ total: '0.5', thread: '0.25', pending: 1 }));
    await store.getState().refreshSpend();
    await tick();
    expect(api.spend.overview).toHaveBeenCalled();
    expect(api.spend.conversation).toHaveBeenCalledWith('c1');
    expect(store.getState().conversationSpend).toEqual({
      conversationId: 'c1',
      spend: { total: '0.5', thread: '0.25', pending: 1 },
    });
  });

  it('asks no conversation’s total in a new chat', async () => {
    const { store, api } = setupStore();
    await store.getState().refreshSpend();
    expect(api.spend.conversation).not.toHaveBeenCalled();
  });

  it('drops a conversation’s total that arrives after the person opened another', async () => {
    const { store, api } = setupStore();
    await store.getState().selectConversation('c1');
    let answer: (value: unknown) => void = () => {};
    api.spend.conversation.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)) as never);
    const loading = store.getState().loadConversationSpend('c1');
    await store.getState().selectConversation('c2');
    answer({ ok: true, value: { total: '9', thread: '9', pending: 0 } });
    await loading;
    expect(store.getState().conversationSpend).toBeNull();
  });
});

describe('settling pending costs', () => {
  it('puts the settled figures on the replies still pending, keeping their text, then re-reads spend', async () => {
    const { store, api } = setupStore();
    await store.getState().selectConversation('c1');
    const usage = { costUsd: '0.002' } as never;
    store
      .getState()
      .showThread(
        [
          reply({ id: 'r1', content: 'one', costStatus: 'pending' }),
          reply({ id: 'r2', content: 'two', costStatus: 'pending' }),
          reply({ id: 'r3', content: 'three', costStatus: null }),
        ],
        false,
      );
    api.spend.replyCosts.mockReturnValueOnce(
      ok([
        reply({ id: 'r1', content: 'ignored', costStatus: null, usage, estimatedCostUsd: null }),
        reply({ id: 'r2', costStatus: 'pending' }),
      ]),
    );
    await store.getState().settlePendingCosts();
    expect(api.spend.replyCosts).toHaveBeenCalledWith(['r1', 'r2']);
    expect(store.getState().messages.map((m) => [m.id, m.content, m.costStatus, m.usage])).toEqual([
      ['r1', 'one', null, usage],
      ['r2', 'two', 'pending', null],
      ['r3', 'three', null, null],
    ]);
    await tick();
    expect(api.spend.conversation).toHaveBeenCalledWith('c1');
  });

  it('asks nothing when no reply is pending, and changes nothing when none settled or the call failed', async () => {
    const { store, api } = setupStore();
    store.getState().showThread([reply({ id: 'r1', costStatus: null })], false);
    await store.getState().settlePendingCosts();
    expect(api.spend.replyCosts).not.toHaveBeenCalled();

    const pending = [reply({ id: 'r2', costStatus: 'pending' })];
    store.getState().showThread(pending, false);
    const shown = store.getState().messages;
    api.spend.replyCosts.mockReturnValueOnce(ok(pending));
    await store.getState().settlePendingCosts();
    api.spend.replyCosts.mockReturnValueOnce(Promise.resolve(failure) as never);
    await store.getState().settlePendingCosts();
    expect(store.getState().messages).toBe(shown);
    expect(api.spend.overview).not.toHaveBeenCalled();
  });
});

describe('the Spend view', () => {
  const summary = { today: '1', week: '2', month: '3', allTime: '4' } as SpendSummary;
  const keyUsage = { usage: 4, usageDaily: 1, usageWeekly: 2, usageMonthly: 3, limit: null, limitRemaining: null };

  it('opens and loads the ledger’s summary over the person’s calendar, and GET /key’s figures', async () => {
    const { store, api } = setupStore();
    api.spend.summary.mockReturnValue(ok(summary));
    api.spend.keyUsage.mockReturnValue(ok(keyUsage));
    store.getState().openSpendView();
    expect(store.getState().spendViewOpen).toBe(true);
    await tick();
    expect(api.spend.summary).toHaveBeenCalledWith(spendPeriods());
    expect(store.getState().spendView).toEqual({ summary, keyUsage, error: null, keyError: null });
    store.getState().closeSpendView();
    expect(store.getState().spendViewOpen).toBe(false);
  });

  it('shows each half’s failure apart, and forgets the old figures while reloading', async () => {
    const { store, api } = setupStore();
    api.spend.summary.mockReturnValueOnce(ok(summary)).mockReturnValueOnce(Promise.resolve(failure));
    api.spend.keyUsage.mockReturnValueOnce(Promise.resolve(failure)).mockReturnValueOnce(ok(keyUsage));
    await store.getState().loadSpendView();
    expect(store.getState().spendView).toEqual({ summary, keyUsage: null, error: null, keyError: failure.error });
    const reloading = store.getState().loadSpendView();
    expect(store.getState().spendView).toEqual({ summary: null, keyUsage: null, error: null, keyError: null });
    await reloading;
    expect(store.getState().spendView).toEqual({ summary: null, keyUsage, error: failure.error, keyError: null });
  });

  it('hands over the core’s CSV as it is', async () => {
    const { store, api } = setupStore();
    const csv = { ok: true as const, value: { csv: 'a,b\n', rows: 1 } };
    api.spend.exportCsv.mockReturnValueOnce(Promise.resolve(csv));
    expect(await store.getState().exportSpendCsv()).toBe(csv);
  });

  it('setting the budget re-reads the month; a refusal is answered, not thrown', async () => {
    const { store, api } = setupStore();
    api.spend.overview.mockReturnValueOnce(ok(overview({ budget: '25' })));
    expect(await store.getState().setMonthlyBudget('25')).toBeNull();
    expect(api.spend.setBudget).toHaveBeenCalledWith('25');
    expect(store.getState().spendOverview?.budget).toBe('25');
    api.spend.setBudget.mockReturnValueOnce(Promise.resolve(failure) as never);
    expect(await store.getState().setMonthlyBudget(null)).toEqual(failure.error);
    expect(api.spend.overview).toHaveBeenCalledTimes(1);
  });

  it('periods start at the person’s local midnight, Monday and the first of the month, over 30 days', () => {
    const periods = spendPeriods(new Date(2026, 11, 16, 15, 30).getTime());
    expect(periods.todayStart).toBe(new Date(2026, 11, 16).getTime());
    expect(periods.weekStart).toBe(new Date(2026, 11, 14).getTime());
    expect(periods.monthStart).toBe(new Date(2026, 11, 1).getTime());
    expect(periods.dayStarts).toHaveLength(31);
    expect(periods.dayStarts.at(-1)).toBe(new Date(2026, 11, 17).getTime());
  });
});

describe('asking before a send', () => {
  /** A store on a priced model with `draft` typed; budget, month and key as given. */
  async function ready(spend: Partial<SpendOverview>, key = keyStatusFixture({ limitRemaining: 20 })) {
    const setup = setupStore();
    setup.api.models.list.mockReturnValueOnce(ok({ models: [priced], fetchedAt: 1, refreshError: null }));
    await setup.store.getState().loadModels();
    setup.store.setState({ newChatModel: priced.id, keyStatus: key, spendOverview: overview(spend) });
    setup.store.getState().setDraft('How far is the moon?');
    return setup;
  }

  it('estimates the next reply from the open model’s prices, and none for a model without them', async () => {
    const { store } = await ready({});
    const estimate = selectNextReplyEstimate(store.getState());
    expect(Number(estimate?.high)).toBeGreaterThan(0.03);
    expect(Number(estimate?.low)).toBeLessThan(Number(estimate?.high));
    store.setState({ newChatModel: 'x/unknown' });
    expect(selectNextReplyEstimate(store.getState())).toBeNull();
    // An open conversation's own cap bounds the high end.
    store.setState({ conversations: [conversationFixture({ model: priced.id, maxOutputTokens: 100 })] });
    store.setState({ activeConversationId: 'c1' });
    expect(Number(selectNextReplyEstimate(store.getState())?.high)).toBeLessThan(0.001);
  });

  it('sends at once while the reply fits the budget and the key’s limit', async () => {
    const { store, stream } = await ready({ month: '1', budget: '10' });
    // The send itself lasts until its stream ends; the test only needs it to have started.
    void store.getState().requestSend();
    await tick();
    expect(store.getState().sendQuestion).toBeNull();
    expect(stream(0).input).toMatchObject({ text: 'How far is the moon?', model: priced.id });
  });

  it('asks first when the reply may pass the budget; No keeps the draft, Send anyway sends it', async () => {
    const { store, streams, stream } = await ready({ month: '9.99', budget: '10' });
    await store.getState().requestSend();
    expect(store.getState().sendQuestion).toContain('monthly budget');
    expect(store.getState().sendQuestionFor).toBe('chat');
    expect(streams).toHaveLength(0);

    await store.getState().answerSendQuestion(false);
    expect(store.getState().sendQuestion).toBeNull();
    expect(streams).toHaveLength(0);
    expect(store.getState().draft).toBe('How far is the moon?');

    await store.getState().requestSend();
    void store.getState().answerSendQuestion(true);
    await tick();
    expect(stream(0).input).toMatchObject({ text: 'How far is the moon?' });
  });

  it('asks when the reply may cost more than the key has left, only from confirmed figures', async () => {
    const low = await ready({}, keyStatusFixture({ limitRemaining: 0.001 }));
    await low.store.getState().requestSend();
    expect(low.store.getState().sendQuestion).toContain('spending limit');

    const unconfirmed = await ready({}, keyStatusFixture({ verified: false, limitRemaining: 0.001 }));
    void unconfirmed.store.getState().requestSend();
    await tick();
    expect(unconfirmed.store.getState().sendQuestion).toBeNull();
    expect(unconfirmed.streams).toHaveLength(1);
  });

  it('weighs a compare’s whole round, and Send anyway sends the round, not the chat', async () => {
    const { store, api, streams } = await ready({ month: '9.99', budget: '10' });
    store.getState().startCompare();
    await store.getState().addCompareModel('b/other');
    store.getState().setCompareDraft('Which is bigger?');
    expect(store.getState().askBeforeCompareSend()).toBe(true);
    expect(store.getState()).toMatchObject({ sendQuestionFor: 'compare' });
    expect(store.getState().sendQuestion).toContain('monthly budget');

    api.compares.create.mockReturnValueOnce(Promise.resolve(failure));
    await store.getState().answerSendQuestion(true);
    expect(api.compares.create).toHaveBeenCalledWith({ models: [priced.id, 'b/other'], text: 'Which is bigger?' });
    expect(streams).toHaveLength(0);
    expect(store.getState().sendQuestionFor).toBe('chat');
  });

  it('weighs a Merge like any send: asks when it may pass the budget, and Send anyway starts the merge', async () => {
    const over = await ready({ month: '9.99', budget: '10' });
    const prompt = 'Combine these answers.'.repeat(50);
    await over.store.getState().requestMergeSend(prompt, priced.id);
    expect(over.store.getState()).toMatchObject({ sendQuestionFor: 'merge' });
    expect(over.store.getState().sendQuestion).toContain('monthly budget');
    expect(over.streams).toHaveLength(0);
    await over.store.getState().answerSendQuestion(false);
    expect(over.streams).toHaveLength(0);
    expect(over.store.getState().pendingMerge).toBeNull();

    await over.store.getState().requestMergeSend(prompt, priced.id);
    void over.store.getState().answerSendQuestion(true);
    await tick();
    expect(over.stream(0).input).toEqual({ text: prompt, model: priced.id });
    expect(over.store.getState().sendQuestionFor).toBe('chat');

    const fits = await ready({ month: '0', budget: '10' });
    void fits.store.getState().requestMergeSend(prompt, priced.id);
    await tick();
    expect(fits.store.getState().sendQuestion).toBeNull();
    expect(fits.stream(0).input).toEqual({ text: prompt, model: priced.id });
  });

  it('sends at once, and asks nothing, before the month’s spend, the key or the model’s prices are known', async () => {
    const chat = setupStore();
    chat.store.setState({ newChatModel: 'x/unpriced' });
    chat.store.getState().setDraft('Hello');
    void chat.store.getState().requestSend();
    await tick();
    expect(chat.store.getState().sendQuestion).toBeNull();
    expect(chat.stream(0).input).toMatchObject({ text: 'Hello', model: 'x/unpriced' });

    const merge = setupStore();
    void merge.store.getState().requestMergeSend('Combine these answers.', 'x/unpriced');
    await tick();
    expect(merge.store.getState().sendQuestion).toBeNull();
    expect(merge.stream(0).input).toEqual({ text: 'Combine these answers.', model: 'x/unpriced' });

    const compare = setupStore();
    compare.store.getState().startCompare();
    expect(compare.store.getState().askBeforeCompareSend()).toBe(false);
  });

  it('lets a compare round go without asking when it fits', async () => {
    const { store } = await ready({ month: '0', budget: '10' });
    store.getState().startCompare();
    expect(store.getState().askBeforeCompareSend()).toBe(false);
    expect(store.getState().sendQuestion).toBeNull();
  });
});
