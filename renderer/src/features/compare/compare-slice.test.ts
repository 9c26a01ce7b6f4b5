// A compare on screen: a round goes to every column at once through the ordinary chat turn, each column's thread
// takes only its own answer, one failing column leaves the others alone, and Retry and Stop act on one column.

import { describe, expect, it } from 'vitest';
import type { Compare } from '../../../../shared/compare';
import type { ChatStreamEvent, Message } from '../../../../shared/domain';
import { modelFixture } from '../../test-support/model-fixture';
import { selectCompareEstimate } from './compare-estimate';
import { conversationFixture, ok, reply, setupStore, tick, userMessage } from '../../test-support/store-over-fake-api';

const models = ['a/one', 'b/two', 'c/three'];
const compare: Compare = {
  id: 'p1',
  title: 'Sort 10 items',
  createdAt: 1,
  updatedAt: 1,
  columns: models.map((model, position) => ({ conversationId: `c${position}`, model, position, continuedAt: null })),
  merges: [],
};

const started = (conversationId: string, n: number): ChatStreamEvent => ({
  type: 'started',
  conversation: conversationFixture({ id: conversationId, compareId: 'p1' }),
  userMessage: userMessage({ id: `u-${conversationId}-${n}`, conversationId }),
  assistantMessage: reply({ id: `a-${conversationId}-${n}`, conversationId, status: 'streaming', content: '' }),
});
const done = (message: Message): ChatStreamEvent => ({ type: 'done', message });

async function startRound() {
  const ctx = setupStore();
  ctx.api.compares.create.mockReturnValue(ok(compare));
  const state = ctx.store.getState();
  state.startCompare();
  // The current model is the first; the palette adds the others.
  ctx.store.setState({ compareView: { ...ctx.store.getState().compareView!, models: [] } });
  for (const model of models) await ctx.store.getState().addCompareModel(model);
  ctx.store.getState().setCompareDraft('Which sort?');
  const round = ctx.store.getState().sendCompareRound();
  await tick();
  await tick();
  return { ctx, round };
}

describe('compare rounds', () => {
  it('creates the compare with the chosen models and sends every column its own turn at once', async () => {
    const { ctx, round } = await startRound();
    expect(ctx.api.compares.create).toHaveBeenCalledWith({ models, text: 'Which sort?' });
    expect(ctx.streams.map((stream) => stream.input)).toEqual([
      { conversationId: 'c0', text: 'Which sort?', model: 'a/one' },
      { conversationId: 'c1', text: 'Which sort?', model: 'b/two' },
      { conversationId: 'c2', text: 'Which sort?', model: 'c/three' },
    ]);
    expect(ctx.store.getState().compareDraft).toBe('');

    ctx.streams.forEach((stream, i) => stream.emit(started(`c${i}`, 1)));
    ctx.stream(2).emit({ type: 'delta', text: 'three is fast' });
    ctx.frames.run();
    const live = Object.values(ctx.store.getState().liveTurns);
    expect(live.find((turn) => turn.conversationId === 'c2')?.reply?.content).toBe('three is fast');

    ctx.streams.forEach((stream, i) => {
      stream.emit(done(reply({ id: `a-c${i}-1`, conversationId: `c${i}`, content: `answer ${i}` })));
      stream.end();
    });
    ctx.frames.run();
    await round;
    const threads = ctx.store.getState().compareView!.threads;
    expect(Object.fromEntries(Object.entries(threads).map(([id, t]) => [id, t.map((m) => m.id)]))).toEqual({
      c0: ['u-c0-1', 'a-c0-1'],
      c1: ['u-c1-1', 'a-c1-1'],
      c2: ['u-c2-1', 'a-c2-1'],
    });
    // Columns are not "unread" conversations, nor do their errors take over the chat's banner.
    expect(ctx.store.getState().unread).toEqual({});
  });

  it('adds a column from the first message (answered at once) or from a chosen column’s thread (no send)', async () => {
    const { ctx, round } = await startRound();
    ctx.streams.forEach((stream, i) => {
      stream.emit(started(`c${i}`, 1));
      stream.emit(done(reply({ id: `a-c${i}-1`, conversationId: `c${i}`, content: `answer ${i}` })));
      stream.end();
    });
    ctx.frames.run();
    await round;
    const column = (id: string, model: string, position: number) => ({
      conversationId: id,
      model,
      position,
      continuedAt: null,
    });
    const withFourth = { ...compare, columns: [...compare.columns, column('c3', 'd/four', 3)] };
    ctx.api.compares.addColumn.mockReturnValue(ok(withFourth));
    const copied = [userMessage({ id: 'u-c3', conversationId: 'c3' }), reply({ id: 'a-c3', content: 'answer 1' })];
    ctx.api.conversations.get.mockReturnValue(
      ok({ conversation: conversationFixture({ id: 'c3' }), messages: copied, hasOlder: false }),
    );
    ctx.store.getState().setCompareAddFrom('c1');
    await ctx.store.getState().addCompareModel('d/four');
    expect(ctx.api.compares.addColumn).toHaveBeenLastCalledWith('p1', 'd/four', 'c1');
    expect(ctx.streams).toHaveLength(3);
    expect(ctx.store.getState().compareView?.threads.c3).toEqual(copied);
    // Back to the default for the next one.
    expect(ctx.store.getState().compareView?.addFrom).toBeNull();

    const withFifth = { ...compare, columns: [...compare.columns, column('c4', 'e/five', 3)] };
    ctx.api.compares.addColumn.mockReturnValue(ok(withFifth));
    const adding = ctx.store.getState().addCompareModel('e/five');
    await tick();
    await tick();
    expect(ctx.api.compares.addColumn).toHaveBeenLastCalledWith('p1', 'e/five', undefined);
    // From the first message: the new column is sent it at once.
    const first = ctx.store.getState().compareView!.threads.c0![0]!.content;
    expect(ctx.streams.at(-1)?.input).toEqual({ conversationId: 'c4', text: first, model: 'e/five' });
    ctx.streams.at(-1)?.end();
    await adding;
  });

  it('shows one column’s failure on that column while the others complete, and retries only that one', async () => {
    const { ctx, round } = await startRound();
    ctx.streams.forEach((stream, i) => stream.emit(started(`c${i}`, 1)));
    const failed = reply({
      id: 'a-c1-1',
      conversationId: 'c1',
      status: 'error',
      content: '',
      model: 'b/two',
      error: { code: 'rate_limited', message: 'slow down' },
    });
    ctx.stream(1).emit({ type: 'error', error: failed.error!, message: failed });
    ctx.stream(1).end();
    for (const i of [0, 2]) {
      ctx.stream(i).emit(done(reply({ id: `a-c${i}-1`, conversationId: `c${i}`, content: `answer ${i}` })));
      ctx.stream(i).end();
    }
    ctx.frames.run();
    await round;
    const view = ctx.store.getState().compareView!;
    expect(view.threads.c1!.at(-1)).toMatchObject({ status: 'error', error: { code: 'rate_limited' } });
    expect(view.threads.c0!.at(-1)).toMatchObject({ status: 'complete', content: 'answer 0' });
    expect(ctx.store.getState().chatError).toBeNull();

    const retry = ctx.store.getState().retryColumn('c1');
    await tick();
    expect(ctx.streams).toHaveLength(4);
    expect(ctx.stream(3).input).toEqual({ conversationId: 'c1', messageId: 'a-c1-1', model: 'b/two' });
    ctx.stream(3).emit({
      type: 'started',
      conversation: conversationFixture({ id: 'c1', compareId: 'p1' }),
      userMessage: userMessage({ id: 'u-c1-1', conversationId: 'c1' }),
      assistantMessage: reply({ id: 'a-c1-2', conversationId: 'c1', status: 'streaming', content: '' }),
    });
    ctx.stream(3).emit(done(reply({ id: 'a-c1-2', conversationId: 'c1', content: 'answer 1' })));
    ctx.stream(3).end();
    ctx.frames.run();
    await retry;
    expect(ctx.store.getState().compareView!.threads.c1!.map((m) => m.id)).toEqual(['u-c1-1', 'a-c1-2']);
  });

  it('stops one column, or all of them', async () => {
    const { ctx } = await startRound();
    ctx.streams.forEach((stream, i) => stream.emit(started(`c${i}`, 1)));
    ctx.frames.run();
    ctx.store.getState().stopColumn('c1');
    expect(ctx.streams.map((stream) => stream.cancel.mock.calls.length)).toEqual([0, 1, 0]);
    ctx.store.getState().stopAllColumns();
    expect(ctx.streams.map((stream) => stream.cancel.mock.calls.length)).toEqual([1, 2, 1]);
  });

  it('asks before sending when the round, every column added up, may pass the budget', async () => {
    const ctx = setupStore();
    // Each column may cost up to $0.04 (1,000 tokens at $40 per million): one fits the $0.10 left, three do not.
    const priced = (id: string) =>
      modelFixture({ id, promptPrice: 0, completionPrice: 0.00004, maxCompletionTokens: 1000, isFree: false });
    ctx.store.setState({
      models: models.map(priced),
      spendOverview: { month: '0.9', budget: '1', budgetWarnedMonth: null, keyLimitWarnedMonth: null },
    });
    ctx.store.getState().startCompare();
    ctx.store.setState({ compareView: { ...ctx.store.getState().compareView!, models } });
    ctx.store.getState().setCompareDraft('Which sort?');
    expect(selectCompareEstimate(ctx.store.getState())?.high).toBe('0.12');
    await ctx.store.getState().requestCompareSend();
    expect(ctx.store.getState().sendQuestion).toMatch(/monthly budget/);
    expect(ctx.api.compares.create).not.toHaveBeenCalled();

    ctx.api.compares.create.mockReturnValue(ok(compare));
    const answering = ctx.store.getState().answerSendQuestion(true);
    await tick();
    await tick();
    expect(ctx.api.compares.create).toHaveBeenCalledTimes(1);
    expect(ctx.streams).toHaveLength(3);
    ctx.streams.forEach((stream) => stream.end());
    await answering;
  });
  it('draws the columns’ growing text in turns, one a frame, but every first token and every end at once', async () => {
    const { ctx, round } = await startRound();
    const shown = () =>
      models.map(
        (_, i) =>
          Object.values(ctx.store.getState().liveTurns).find((turn) => turn.conversationId === `c${i}`)?.reply?.content,
      );
    ctx.streams.forEach((stream, i) => stream.emit(started(`c${i}`, 1)));
    ctx.streams.forEach((stream) => stream.emit({ type: 'delta', text: 'A' }));
    ctx.frames.run();
    // First text: every column at once.
    expect(shown()).toEqual(['A', 'A', 'A']);
    ctx.streams.forEach((stream) => stream.emit({ type: 'delta', text: 'B' }));
    ctx.frames.run();
    expect(shown()).toEqual(['AB', 'A', 'A']);
    // No new events: the waiting columns are still drawn, one per frame.
    ctx.frames.run();
    expect(shown()).toEqual(['AB', 'AB', 'A']);
    ctx.frames.run();
    expect(shown()).toEqual(['AB', 'AB', 'AB']);
    // An end is drawn in its frame, whatever else waits.
    ctx.streams.forEach((stream) => stream.emit({ type: 'delta', text: 'C' }));
    ctx.stream(2).emit(done(reply({ id: 'a-c2-1', conversationId: 'c2', content: 'ABC' })));
    ctx.frames.run();
    // The ended column's live turn is gone (its saved reply replaces it); the column due is drawn beside it.
    expect(shown()).toEqual(['ABC', 'AB', undefined]);
    ctx.streams.forEach((stream) => stream.end());
    await round;
  });

  it('holds a column whose end is below sight until it is back in sight, or until it ends', async () => {
    const { ctx, round } = await startRound();
    const shown = (conversationId: string) =>
      Object.values(ctx.store.getState().liveTurns).find((turn) => turn.conversationId === conversationId)?.reply
        ?.content;
    ctx.streams.forEach((stream, i) => stream.emit(started(`c${i}`, 1)));
    ctx.stream(0).emit({ type: 'delta', text: 'A' });
    ctx.stream(1).emit({ type: 'delta', text: 'A' });
    ctx.frames.run();
    ctx.store.getState().setColumnEndInSight('c0', false);
    ctx.stream(0).emit({ type: 'delta', text: 'B' });
    ctx.stream(1).emit({ type: 'delta', text: 'B' });
    ctx.frames.run();
    ctx.frames.run();
    // Only the column in sight grew; nothing is left scheduled for the held one.
    expect([shown('c0'), shown('c1')]).toEqual(['A', 'AB']);
    expect(ctx.frames.pending()).toBe(0);
    // Scrolled to: drawn in the next frame, with no new event needed.
    ctx.store.getState().setColumnEndInSight('c0', true);
    ctx.frames.run();
    expect(shown('c0')).toBe('AB');
    // Out of sight again, it is still drawn whole when it ends.
    ctx.store.getState().setColumnEndInSight('c0', false);
    ctx.stream(0).emit({ type: 'delta', text: 'C' });
    ctx.frames.run();
    expect(shown('c0')).toBe('AB');
    ctx.stream(0).emit(done(reply({ id: 'a-c0-1', conversationId: 'c0', content: 'ABC' })));
    ctx.stream(0).end();
    await tick();
    expect(shown('c0')).toBeUndefined();
    expect(ctx.store.getState().compareView?.threads.c0?.at(-1)?.content).toBe('ABC');
    ctx.streams.forEach((stream) => stream.end());
    await round;
  });
});

describe('compare history', () => {
  const opened = (ctx: ReturnType<typeof setupStore>) => {
    ctx.api.compares.get.mockReturnValue(ok({ compare, threads: [] }));
    return ctx.store.getState().openCompare('p1');
  };

  it('deletes at once and offers the conversations’ Undo, which restores the compare and reopens it', async () => {
    const ctx = setupStore();
    await opened(ctx);
    ctx.api.compares.delete.mockReturnValue(ok({ id: 'p1' }));
    expect(await ctx.store.getState().deleteCompare('p1')).toBe(true);
    expect(ctx.store.getState().compares).toEqual([]);
    expect(ctx.store.getState().compareView).toBeNull();
    expect(ctx.store.getState().undoable).toEqual({ kind: 'compare', compare, wasOpen: true });

    ctx.api.compares.restore.mockReturnValue(ok(compare));
    await ctx.store.getState().undoDelete();
    expect(ctx.api.compares.restore).toHaveBeenCalledWith('p1');
    expect(ctx.store.getState().undoable).toBeNull();
    expect(ctx.store.getState().compares.map((item) => item.id)).toEqual(['p1']);
    expect(ctx.store.getState().compareView?.compare?.id).toBe('p1');
  });

  it('shows why an Undo came too late, and keeps the compare out of the list', async () => {
    const ctx = setupStore();
    ctx.store.setState({ compares: [compare] });
    ctx.api.compares.delete.mockReturnValue(ok({ id: 'p1' }));
    await ctx.store.getState().deleteCompare('p1');
    ctx.api.compares.restore.mockReturnValue(
      Promise.resolve({ ok: false, error: { code: 'not_found', message: 'deleted for good' } }),
    );
    await ctx.store.getState().undoDelete();
    expect(ctx.store.getState().chatError?.message).toBe('deleted for good');
    expect(ctx.store.getState().compares).toEqual([]);
  });

  it('renames the compare in the list and on screen; an unchanged or empty title asks nothing', async () => {
    const ctx = setupStore();
    await opened(ctx);
    ctx.api.compares.rename.mockReturnValue(ok({ ...compare, title: 'Cheap vs best' }));
    expect(await ctx.store.getState().renameCompare('p1', '  Cheap vs best ')).toBe(true);
    expect(ctx.api.compares.rename).toHaveBeenCalledWith('p1', 'Cheap vs best');
    expect(ctx.store.getState().compares[0]?.title).toBe('Cheap vs best');
    expect(ctx.store.getState().compareView?.compare?.title).toBe('Cheap vs best');
    await ctx.store.getState().renameCompare('p1', 'Cheap vs best');
    await ctx.store.getState().renameCompare('p1', '   ');
    expect(ctx.api.compares.rename).toHaveBeenCalledTimes(1);
  });

  it('links the conversation Merge starts to its compare as soon as the core has created it', async () => {
    const ctx = setupStore();
    await opened(ctx);
    ctx.api.compares.addMerge.mockReturnValue(ok({ ...compare, merges: ['m1'] }));
    const merging = ctx.store.getState().startMerge('p1', 'Combine these', 'a/one');
    await tick();
    expect(ctx.stream(0).input).toEqual({ text: 'Combine these', model: 'a/one' });
    expect(ctx.api.compares.addMerge).not.toHaveBeenCalled();
    ctx.stream(0).emit({
      type: 'started',
      conversation: conversationFixture({ id: 'm1' }),
      userMessage: userMessage({ id: 'u-m1', conversationId: 'm1' }),
      assistantMessage: reply({ id: 'a-m1', conversationId: 'm1', status: 'streaming', content: '' }),
    });
    ctx.frames.run();
    await tick();
    expect(ctx.api.compares.addMerge).toHaveBeenCalledWith('p1', 'm1');
    expect(ctx.store.getState().compares[0]?.merges).toEqual(['m1']);
    ctx.stream(0).emit(done(reply({ id: 'a-m1', conversationId: 'm1', content: 'merged' })));
    ctx.stream(0).end();
    ctx.frames.run();
    await merging;
  });
});
