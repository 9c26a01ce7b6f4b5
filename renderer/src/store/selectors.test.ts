import { describe, expect, it } from 'vitest';
import {
  selectActiveConversation,
  selectAnyReplying,
  selectCurrentModel,
  selectIsReplying,
  selectIsStreamingIn,
  selectOpenTurn,
} from './selectors';
import { conversationFixture, ok, setupStore, tick } from '../test-support/store-over-fake-api';

describe('what the open conversation is doing', () => {
  it('knows the open conversation and its model, and the new chat’s model when none is open', async () => {
    const { store } = setupStore();
    store.setState({ newChatModel: 'n/ew' });
    expect(selectActiveConversation(store.getState())).toBeNull();
    expect(selectCurrentModel(store.getState())).toBe('n/ew');
    store.getState().putConversation(conversationFixture({ id: 'c1', model: 'a/one' }));
    await store.getState().selectConversation('c1');
    expect(selectActiveConversation(store.getState())?.id).toBe('c1');
    expect(selectCurrentModel(store.getState())).toBe('openai/gpt-4o-mini');
  });

  it('tells a reply in the open conversation from one streaming elsewhere', async () => {
    const { store, api, stream } = setupStore();
    api.conversations.list.mockReturnValue(
      ok([conversationFixture({ id: 'c1' }), conversationFixture({ id: 'c2', title: 'Other' })]),
    );
    await store.getState().loadConversations();
    expect(selectAnyReplying(store.getState())).toBe(false);

    await store.getState().selectConversation('c1');
    store.getState().setDraft('Long question');
    void store.getState().sendMessage();
    await tick();
    const state = () => store.getState();
    expect(selectOpenTurn(state())?.conversationId).toBe('c1');
    expect([selectIsReplying(state()), selectAnyReplying(state())]).toEqual([true, true]);
    expect([selectIsStreamingIn(state(), 'c1'), selectIsStreamingIn(state(), 'c2')]).toEqual([true, false]);

    await store.getState().selectConversation('c2');
    expect(selectOpenTurn(state())).toBeNull();
    expect([selectIsReplying(state()), selectAnyReplying(state())]).toEqual([false, true]);

    store.getState().stopReply('c1');
    stream(0).end();
    await tick();
    expect([selectAnyReplying(state()), selectIsStreamingIn(state(), 'c1')]).toEqual([false, false]);
  });
});
