import { describe, expect, it } from 'vitest';
import type { ChatStreamEvent, Message } from '../../../../shared/domain';
import { usageFixture } from '../../../../shared/test-support/domain-fixtures';
import { selectIsReplying, selectIsStreamingIn, selectOpenTurn } from '../../store/selectors';
import { conversationFixture, ok, reply, setupStore, tick, userMessage } from '../../test-support/store-over-fake-api';
import { firstIndexBase, visibleThread } from './chat-slice';

const started = (conversationId: string, userId: string, replyId: string, parentId: string | null = null) =>
  ({
    type: 'started',
    conversation: conversationFixture({ id: conversationId }),
    userMessage: userMessage({ id: userId, conversationId, parentId }),
    assistantMessage: reply({ id: replyId, conversationId, parentId: userId, status: 'streaming' }),
  }) satisfies ChatStreamEvent;

const done = (message: Message): ChatStreamEvent => ({ type: 'done', message });

type Ctx = ReturnType<typeof setupStore>;

/** Opens a conversation whose thread the fake answers with `messages`. */
async function open(ctx: Ctx, id: string, messages: Message[] = [], hasOlder = false) {
  ctx.api.conversations.get.mockReturnValueOnce(ok({ conversation: conversationFixture({ id }), messages, hasOlder }));
  await ctx.store.getState().selectConversation(id);
}

async function send(ctx: Ctx, text: string) {
  ctx.store.getState().setDraft(text);
  const sending = ctx.store.getState().sendMessage();
  await tick();
  return sending;
}

describe('replies in several conversations at once', () => {
  it('streams in two conversations, keeps their text apart, and stops only the open one', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    void send(ctx, 'first question');
    await open(ctx, 'c2');
    void send(ctx, 'second question');
    expect(ctx.open).toHaveBeenCalledTimes(2);
    expect(ctx.stream(0).input).toMatchObject({ conversationId: 'c1', text: 'first question' });
    expect(ctx.stream(1).input).toMatchObject({ conversationId: 'c2', text: 'second question' });

    ctx.stream(0).emit(started('c1', 'u1', 'a1'));
    ctx.stream(1).emit(started('c2', 'u2', 'a2'));
    ctx.stream(0).emit({ type: 'delta', text: 'one ' });
    ctx.stream(1).emit({ type: 'delta', text: 'uno ' });
    ctx.stream(0).emit({ type: 'delta', text: 'two' });
    ctx.stream(1).emit({ type: 'delta', text: 'dos' });
    ctx.frames.run();

    const state = ctx.store.getState();
    const turns = Object.values(state.liveTurns);
    expect(turns.map((turn) => [turn.conversationId, turn.reply?.content])).toEqual([
      ['c1', 'one two'],
      ['c2', 'uno dos'],
    ]);
    expect(selectOpenTurn(state)?.conversationId).toBe('c2');
    expect(selectIsStreamingIn(state, 'c1')).toBe(true);
    // The open conversation shows its own question only.
    expect(state.messages.map((m) => m.id)).toEqual(['u2']);

    state.stopReply();
    expect(ctx.stream(1).cancel).toHaveBeenCalled();
    expect(ctx.stream(0).cancel).not.toHaveBeenCalled();
  });

  it('never cancels a reply when the person leaves its conversation, and shows the live text on return', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    void send(ctx, 'Hello');
    ctx.stream(0).emit(started('c1', 'u1', 'a1'));
    ctx.stream(0).emit({ type: 'delta', text: 'Hel' });
    ctx.frames.run();
    await open(ctx, 'c2');
    ctx.stream(0).emit({ type: 'delta', text: 'lo' });
    ctx.frames.run();
    expect(ctx.stream(0).cancel).not.toHaveBeenCalled();
    expect(selectIsReplying(ctx.store.getState())).toBe(false);

    // Back in c1: the page holds the last checkpoint of the reply, which the live row replaces.
    const checkpoint = reply({ id: 'a1', conversationId: 'c1', parentId: 'u1', content: 'He', status: 'streaming' });
    await open(ctx, 'c1', [userMessage({ id: 'u1', conversationId: 'c1' }), checkpoint]);
    const state = ctx.store.getState();
    const turn = selectOpenTurn(state);
    expect(turn?.reply?.content).toBe('Hello');
    expect(visibleThread(state.messages, turn?.cutAfterId ?? null, turn?.reply?.id ?? null).map((m) => m.id)).toEqual([
      'u1',
    ]);
  });

  it('marks a reply that finished elsewhere as unread until its conversation is opened', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    const sending = send(ctx, 'Hello');
    ctx.stream(0).emit(started('c1', 'u1', 'a1'));
    ctx.frames.run();
    await open(ctx, 'c2');
    ctx.stream(0).emit(done(reply({ id: 'a1', conversationId: 'c1', content: 'Hi!' })));
    ctx.stream(0).end();
    await sending;
    expect(ctx.store.getState().unread).toEqual({ c1: true });
    expect(ctx.store.getState().messages).toEqual([]);
    await open(ctx, 'c1');
    expect(ctx.store.getState().unread).toEqual({});
  });

  it('shows the finished reply even when the thread was read while it was finishing', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    const sending = send(ctx, 'Hello');
    ctx.stream(0).emit(started('c1', 'u1', 'a1'));
    ctx.frames.run();
    await open(ctx, 'c2');
    const final = reply({ id: 'a1', conversationId: 'c1', content: 'Done.' });
    ctx.stream(0).emit(done(final));
    ctx.stream(0).end();
    await sending;
    // The page was read before the reply was saved as finished: it still holds the checkpoint.
    const stale = reply({ id: 'a1', conversationId: 'c1', content: 'Do', status: 'streaming' });
    await open(ctx, 'c1', [userMessage({ id: 'u1', conversationId: 'c1' }), stale]);
    expect(ctx.store.getState().messages.at(-1)).toBe(final);
  });

  it('prefers a saved copy of a finished reply to the one it remembers (a cost settled later, a new version)', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    const sending = send(ctx, 'Hello');
    ctx.stream(0).emit(started('c1', 'u1', 'a1'));
    ctx.frames.run();
    await open(ctx, 'c2');
    ctx.stream(0).emit(done(reply({ id: 'a1', conversationId: 'c1', content: 'Do', status: 'stopped' })));
    ctx.stream(0).end();
    await sending;
    const settled = reply({
      id: 'a1',
      conversationId: 'c1',
      content: 'Do',
      status: 'stopped',
      versionIds: ['a1', 'a2'],
      usage: usageFixture({ promptTokens: 10, completionTokens: 2, totalTokens: 12, costUsd: '0.002', isByok: false }),
    });
    await open(ctx, 'c1', [userMessage({ id: 'u1', conversationId: 'c1' }), settled]);
    expect(ctx.store.getState().messages.at(-1)).toBe(settled);
  });

  it('opens the conversation the core created for a new chat, unless the person moved on', async () => {
    const ctx = setupStore();
    void send(ctx, 'Hello there');
    expect(ctx.stream(0).input).toEqual({ text: 'Hello there', model: 'openai/gpt-4o-mini' });
    ctx.stream(0).emit(started('c1', 'u1', 'a1'));
    ctx.frames.run();
    expect(ctx.store.getState().activeConversationId).toBe('c1');
    expect(ctx.store.getState().messages.map((m) => m.id)).toEqual(['u1']);

    const other = setupStore();
    void send(other, 'Hello there');
    await open(other, 'c9');
    other.stream(0).emit(started('c1', 'u1', 'a1'));
    other.frames.run();
    expect(other.store.getState().activeConversationId).toBe('c9');
    expect(selectIsStreamingIn(other.store.getState(), 'c1')).toBe(true);
  });
});

describe('a failed reply', () => {
  it('keeps the question in the thread and retries it in place, never sending it twice', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    const sending = send(ctx, 'Question');
    ctx.stream(0).emit(started('c1', 'u1', 'a1'));
    const error = { code: 'upstream_error' as const, message: 'Provider returned 502', status: 502 };
    const failed = reply({
      id: 'a1',
      conversationId: 'c1',
      parentId: 'u1',
      status: 'error',
      error,
      model: 'openai/gpt-4o',
    });
    ctx.stream(0).emit({ type: 'error', error, message: failed });
    ctx.stream(0).end();
    await sending;
    const state = ctx.store.getState();
    expect(state.draft).toBe('');
    expect(state.messages.map((m) => [m.id, m.status])).toEqual([
      ['u1', 'complete'],
      ['a1', 'error'],
    ]);

    void state.retryReply('a1');
    expect(ctx.stream(1).input).toEqual({ conversationId: 'c1', messageId: 'a1', model: 'openai/gpt-4o' });
    // While it runs, the failed reply steps aside for the new one.
    const turn = selectOpenTurn(ctx.store.getState());
    expect(visibleThread(ctx.store.getState().messages, turn?.cutAfterId ?? null, null).map((m) => m.id)).toEqual([
      'u1',
    ]);
  });

  it('gives the text back when the turn ended before the core saved the question', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    const sending = send(ctx, 'Hello there');
    ctx.store.getState().stopReply();
    ctx.stream(0).end();
    await sending;
    expect(ctx.store.getState()).toMatchObject({ draft: 'Hello there', liveTurns: {} });
  });
});

describe('versions', () => {
  const thread = () => [
    userMessage({ id: 'u1', conversationId: 'c1' }),
    reply({ id: 'a1', conversationId: 'c1', parentId: 'u1', model: 'openai/gpt-4o-mini' }),
  ];

  it('regenerates with another model: the new version replaces the old one in the thread', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1', thread());
    const running = ctx.store.getState().regenerate('a1', 'openai/gpt-4o');
    expect(ctx.stream(0).input).toEqual({ conversationId: 'c1', messageId: 'a1', model: 'openai/gpt-4o' });
    ctx.stream(0).emit({
      type: 'started',
      conversation: conversationFixture(),
      userMessage: userMessage({ id: 'u1', conversationId: 'c1' }),
      assistantMessage: reply({ id: 'a1b', parentId: 'u1', status: 'streaming', versionIds: ['a1', 'a1b'] }),
    });
    ctx.frames.run();
    expect(ctx.store.getState().messages.map((m) => m.id)).toEqual(['u1']);
    ctx.stream(0).emit(done(reply({ id: 'a1b', parentId: 'u1', versionIds: ['a1', 'a1b'], model: 'openai/gpt-4o' })));
    ctx.stream(0).end();
    await running;
    expect(ctx.store.getState().messages.map((m) => m.id)).toEqual(['u1', 'a1b']);
  });

  it('regenerates as sent: asks for the reply’s own request, showing the model it asked for meanwhile', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1', [
      userMessage({ id: 'u1', conversationId: 'c1' }),
      reply({ id: 'a1', conversationId: 'c1', parentId: 'u1', model: 'openai/gpt-4o', requestedModel: 'x/asked' }),
    ]);
    void ctx.store.getState().regenerate('a1', undefined, { asSent: true });
    expect(ctx.stream(0).input).toEqual({ conversationId: 'c1', messageId: 'a1', asSent: true });
    expect(Object.values(ctx.store.getState().liveTurns)[0]?.reply?.model).toBe('x/asked');
  });

  it('flips to another version, keeping the thread above it', async () => {
    const ctx = setupStore();
    const before = [
      userMessage({ id: 'u0', conversationId: 'c1' }),
      reply({ id: 'a0', parentId: 'u0' }),
      userMessage({ id: 'u1', parentId: 'a0' }),
      reply({ id: 'a1b', parentId: 'u1', versionIds: ['a1', 'a1b'] }),
    ];
    await open(ctx, 'c1', before, true);
    const other = reply({ id: 'a1', parentId: 'u1', versionIds: ['a1', 'a1b'] });
    ctx.api.conversations.selectVersion.mockReturnValueOnce(
      ok({
        conversation: conversationFixture(),
        messages: [userMessage({ id: 'u1', parentId: 'a0' }), other],
        hasOlder: true,
      }),
    );
    const generation = ctx.store.getState().threadGeneration;
    await ctx.store.getState().selectVersion('a1');
    expect(ctx.api.conversations.selectVersion).toHaveBeenCalledWith('c1', 'a1');
    const state = ctx.store.getState();
    expect(state.messages.map((m) => m.id)).toEqual(['u0', 'a0', 'u1', 'a1']);
    // The reader's place is kept: same list, no restart at the end.
    expect(state.threadGeneration).toBe(generation);
    expect(state.hasOlder).toBe(true);
  });

  it('edits a question: the new version and its reply replace the old branch', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1', thread());
    expect(ctx.store.getState().editLastMessage()).toBe(true);
    expect(ctx.store.getState().editingMessageId).toBe('u1');
    const running = ctx.store.getState().editMessage('u1', 'Better question');
    expect(ctx.store.getState().editingMessageId).toBeNull();
    expect(ctx.stream(0).input).toEqual({
      conversationId: 'c1',
      messageId: 'u1',
      text: 'Better question',
      model: 'openai/gpt-4o-mini',
    });
    const turn = selectOpenTurn(ctx.store.getState());
    expect(turn?.pendingUser?.content).toBe('Better question');
    expect(visibleThread(ctx.store.getState().messages, turn?.cutAfterId ?? null, null)).toEqual([]);
    ctx.stream(0).emit(started('c1', 'u1b', 'a2'));
    ctx.stream(0).emit(done(reply({ id: 'a2', parentId: 'u1b' })));
    ctx.stream(0).end();
    await running;
    expect(ctx.store.getState().messages.map((m) => m.id)).toEqual(['u1b', 'a2']);
  });

  it('continues a reply cut at the length limit in its own place', async () => {
    const ctx = setupStore();
    const cut = reply({ id: 'a1', parentId: 'u1', content: 'Part one', finishReason: 'length' });
    await open(ctx, 'c1', [userMessage({ id: 'u1' }), cut]);
    const running = ctx.store.getState().continueReply('a1');
    expect(ctx.stream(0).input).toEqual({ conversationId: 'c1', messageId: 'a1' });
    expect(selectOpenTurn(ctx.store.getState())?.reply?.content).toBe('Part one');
    ctx.stream(0).emit({ ...started('c1', 'u1', 'a1'), assistantMessage: { ...cut, status: 'streaming' } });
    ctx.stream(0).emit({ type: 'delta', text: ', part two' });
    ctx.frames.run();
    expect(selectOpenTurn(ctx.store.getState())?.reply?.content).toBe('Part one, part two');
    ctx.stream(0).end();
    await running;
  });
});

describe('a long conversation', () => {
  const page = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => userMessage({ id: `m${from + i}`, conversationId: 'c1' }));

  it('opens at the last page and puts older pages in front, moving the first index by the page size', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1', page(150, 200), true);
    expect(ctx.api.conversations.get).toHaveBeenCalledTimes(1);
    expect(ctx.store.getState().firstItemIndex).toBe(firstIndexBase - 50);

    ctx.api.messages.older.mockReturnValueOnce(ok({ messages: page(100, 150), hasOlder: false }));
    await ctx.store.getState().loadOlder();
    expect(ctx.api.messages.older).toHaveBeenCalledWith('c1', 'm150');
    const state = ctx.store.getState();
    expect(state.messages).toHaveLength(100);
    expect(state.messages[0]?.id).toBe('m100');
    expect(state.firstItemIndex).toBe(firstIndexBase - 100);
    expect(state.hasOlder).toBe(false);

    await ctx.store.getState().loadOlder();
    expect(ctx.api.messages.older).toHaveBeenCalledTimes(1);
  });
});

describe('drafts', () => {
  it('keeps a draft per conversation across switching, saving after a pause and at once on a switch', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    ctx.store.getState().setDraft('for c1');
    expect(ctx.store.getState().draftSaved).toBe(false);
    expect(ctx.api.drafts.save).not.toHaveBeenCalled();
    await open(ctx, 'c2');
    expect(ctx.api.drafts.save).toHaveBeenCalledWith('c1', 'for c1');
    expect(ctx.store.getState().draft).toBe('');
    ctx.store.getState().setDraft('for c2');
    ctx.timers.runAll();
    await tick();
    expect(ctx.api.drafts.save).toHaveBeenLastCalledWith('c2', 'for c2');
    expect(ctx.store.getState().draftSaved).toBe(true);
    await open(ctx, 'c1');
    expect(ctx.store.getState().draft).toBe('for c1');
  });

  it('reads each conversation’s draft back after a restart, the new chat’s too', async () => {
    const ctx = setupStore();
    ctx.drafts.set(null, 'half a thought');
    ctx.drafts.set('c1', 'older draft');
    await ctx.store.getState().start();
    expect(ctx.api.drafts.get).toHaveBeenCalledWith(null);
    expect(ctx.store.getState().draft).toBe('half a thought');
    await open(ctx, 'c1');
    await tick();
    expect(ctx.store.getState().draft).toBe('older draft');
  });

  it('clears the draft a message was sent from', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    void send(ctx, 'sent now');
    await ctx.store.getState().flushDraft();
    expect(ctx.drafts.get('c1')).toBe('');
  });
});

describe('a finished reply, for notifications', () => {
  it('is recorded when a reply finishes or fails, in its own conversation, but not when it was stopped', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    void send(ctx, 'first');
    await open(ctx, 'c2');
    void send(ctx, 'second');
    ctx.stream(0).emit(started('c1', 'u1', 'a1'));
    ctx.stream(0).emit(done(reply({ id: 'a1', conversationId: 'c1' })));
    ctx.frames.run();
    expect(ctx.store.getState().finishedReply).toEqual({
      seq: 1,
      conversationId: 'c1',
      title: conversationFixture({ id: 'c1' }).title,
      failed: false,
    });
    ctx.stream(1).emit(started('c2', 'u2', 'a2'));
    ctx.stream(1).emit(done(reply({ id: 'a2', conversationId: 'c2', status: 'stopped' })));
    ctx.frames.run();
    expect(ctx.store.getState().finishedReply?.seq).toBe(1);
    ctx.stream(1).end();
    await tick();
    void send(ctx, 'third');
    ctx.stream(2).emit(started('c2', 'u3', 'a3'));
    ctx.stream(2).emit({
      type: 'error',
      error: { code: 'upstream_error', message: 'The provider failed.' },
      message: reply({ id: 'a3', conversationId: 'c2', status: 'error' }),
    });
    ctx.frames.run();
    expect(ctx.store.getState().finishedReply).toMatchObject({ seq: 2, conversationId: 'c2', failed: true });
  });
});
