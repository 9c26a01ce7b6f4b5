import { describe, expect, it } from 'vitest';
import { selectActiveConversation, selectCurrentModel } from './selectors';
import { conversationFixture, ok, setupStore, tick, userMessage } from '../test-support/store-over-fake-api';

const listed = [
  conversationFixture({ id: 'c1', title: 'Puffins' }),
  conversationFixture({ id: 'c2', title: 'Quokkas' }),
];

async function started() {
  const setup = setupStore();
  setup.api.conversations.list.mockReturnValue(ok(listed));
  await setup.store.getState().start();
  return setup;
}

describe('renaming a conversation', () => {
  it('sends the id and the trimmed title, each in its place, and shows the name the core kept', async () => {
    const { store, api } = await started();
    api.conversations.rename.mockReturnValue(ok(conversationFixture({ id: 'c2', title: 'Wombats' })));
    expect(await store.getState().renameConversation('c2', '  Wombats \n')).toBe(true);
    expect(api.conversations.rename).toHaveBeenCalledWith('c2', 'Wombats');
    expect(store.getState().conversations.map((c) => [c.id, c.title])).toEqual([
      ['c1', 'Puffins'],
      ['c2', 'Wombats'],
    ]);
  });

  it('asks nothing for an empty or unchanged name, or a conversation no longer listed', async () => {
    const { store, api } = await started();
    expect(await store.getState().renameConversation('c1', '   ')).toBe(true);
    expect(await store.getState().renameConversation('c1', ' Puffins ')).toBe(true);
    expect(await store.getState().renameConversation('gone', 'Anything')).toBe(true);
    expect(api.conversations.rename).not.toHaveBeenCalled();
  });

  it('keeps the old name and says why when the core refuses', async () => {
    const { store, api } = await started();
    api.conversations.rename.mockReturnValue(
      Promise.resolve({ ok: false as const, error: { code: 'storage_error' as const, message: 'The disk is full.' } }),
    );
    expect(await store.getState().renameConversation('c1', 'Seabirds')).toBe(false);
    expect(store.getState().conversations.find((c) => c.id === 'c1')?.title).toBe('Puffins');
    expect(store.getState().chatError).toMatchObject({ code: 'storage_error' });
  });
});

const refused = (message = 'The disk is full.') =>
  Promise.resolve({ ok: false as const, error: { code: 'storage_error' as const, message } });

describe('the conversation list', () => {
  it('lists the newest activity first, pinned ones above', async () => {
    const { store, api } = setupStore();
    api.conversations.list.mockReturnValue(
      ok([
        conversationFixture({ id: 'old', updatedAt: 1 }),
        conversationFixture({ id: 'new', updatedAt: 3 }),
        conversationFixture({ id: 'pinned', updatedAt: 2, pinned: true }),
      ]),
    );
    await store.getState().loadConversations();
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['pinned', 'new', 'old']);
    expect(store.getState().conversationsLoaded).toBe(true);
  });

  it('says why the list could not load, and forgets that once it does', async () => {
    const { store, api } = setupStore();
    api.conversations.list.mockReturnValueOnce(refused('Could not read the history.'));
    await store.getState().loadConversations();
    expect(store.getState()).toMatchObject({
      conversationsLoaded: false,
      conversationsError: { message: 'Could not read the history.' },
    });
    await store.getState().loadConversations();
    expect(store.getState()).toMatchObject({ conversationsLoaded: true, conversationsError: null });
  });
});

describe('opening a conversation', () => {
  it('shows its thread, takes its model for the next turn, and marks it read', async () => {
    const { store, api } = await started();
    store.setState({ unread: { c2: true, c1: true } });
    store.getState().putConversation(conversationFixture({ id: 'c2', title: 'Quokkas', model: 'b/two' }));
    api.conversations.get.mockReturnValueOnce(
      ok({
        conversation: conversationFixture({ id: 'c2', title: 'Quokkas, renamed elsewhere', model: 'b/two' }),
        messages: [userMessage({ id: 'u1', conversationId: 'c2' })],
        hasOlder: true,
      }),
    );
    await store.getState().selectConversation('c2');
    expect(api.conversations.get).toHaveBeenCalledWith('c2');
    expect(store.getState()).toMatchObject({
      activeConversationId: 'c2',
      messagesLoading: false,
      newChatModel: 'b/two',
      unread: { c1: true },
      hasOlder: true,
    });
    expect(store.getState().messages.map((m) => m.id)).toEqual(['u1']);
    expect(selectCurrentModel(store.getState())).toBe('b/two');
    // The list shows the conversation as the core sent it with its thread.
    expect(selectActiveConversation(store.getState())?.title).toBe('Quokkas, renamed elsewhere');
  });

  it('does not load the open conversation twice', async () => {
    const { store, api } = await started();
    await store.getState().selectConversation('c1');
    await store.getState().selectConversation('c1');
    expect(api.conversations.get).toHaveBeenCalledTimes(1);
  });

  it('says why the thread could not load', async () => {
    const { store, api } = await started();
    api.conversations.get.mockReturnValueOnce(refused('Could not read the history.'));
    await store.getState().selectConversation('c2');
    expect(store.getState()).toMatchObject({
      activeConversationId: 'c2',
      messagesLoading: false,
      chatError: { message: 'Could not read the history.' },
      messages: [],
    });
  });

  it('a new chat leaves the conversation, starting on the default model', async () => {
    const { store } = await started();
    await store.getState().selectConversation('c1');
    store.setState({ defaultModel: 'd/default', newChatModel: 'openai/gpt-4o-mini' });
    store.getState().newChat();
    expect(store.getState()).toMatchObject({
      activeConversationId: null,
      newChatModel: 'd/default',
      messages: [],
      chatError: null,
    });
  });
});

describe('deleting a conversation', () => {
  it('takes it off the list and opens a new chat when it was the open one', async () => {
    const { store, api } = await started();
    await store.getState().selectConversation('c2');
    api.conversations.delete.mockReturnValueOnce(ok({ deleted: true }));
    expect(await store.getState().deleteConversation('c2')).toBe(true);
    expect(api.conversations.delete).toHaveBeenCalledWith('c2');
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['c1']);
    expect(store.getState().activeConversationId).toBeNull();
  });

  it('keeps the open conversation open when another one is deleted', async () => {
    const { store, api } = await started();
    await store.getState().selectConversation('c1');
    api.conversations.delete.mockReturnValueOnce(ok({ deleted: true }));
    await store.getState().deleteConversation('c2');
    expect(store.getState().activeConversationId).toBe('c1');
  });

  it('stops a reply still streaming there before deleting', async () => {
    const { store, api, stream } = await started();
    await store.getState().selectConversation('c2');
    store.getState().setDraft('Still going?');
    void store.getState().sendMessage();
    await tick();
    api.conversations.delete.mockReturnValueOnce(ok({ deleted: true }));
    await store.getState().deleteConversation('c2');
    expect(stream(0).cancel).toHaveBeenCalled();
  });

  it('keeps it listed and says why when the core refuses', async () => {
    const { store, api } = await started();
    await store.getState().selectConversation('c2');
    api.conversations.delete.mockReturnValueOnce(refused());
    expect(await store.getState().deleteConversation('c2')).toBe(false);
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(store.getState()).toMatchObject({ activeConversationId: 'c2', chatError: { message: 'The disk is full.' } });
  });
});
