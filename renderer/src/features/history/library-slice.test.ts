import { describe, expect, it } from 'vitest';
import { conversationFixture, ok, setupStore, userMessage } from '../../test-support/store-over-fake-api';

const loaded = async () => {
  const setup = setupStore();
  const a = conversationFixture({ id: 'a', title: 'Alpha', updatedAt: 5 });
  const b = conversationFixture({ id: 'b', title: 'Beta', updatedAt: 3 });
  setup.api.conversations.list.mockReturnValue(ok([a, b]));
  setup.api.conversations.get.mockImplementation((id: string) =>
    ok({ conversation: id === 'a' ? a : b, messages: [], hasOlder: false }),
  );
  await setup.store.getState().loadConversations();
  return { ...setup, a, b };
};

describe('library slice', () => {
  it('applies changes from other windows at once: created, answered, deleted, cleared', async () => {
    const { store, broadcast, a, b } = await loaded();
    broadcast({ type: 'changed', conversation: conversationFixture({ id: 'c', title: 'Gamma', updatedAt: 9 }) });
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['c', 'a', 'b']);
    broadcast({ type: 'changed', conversation: { ...b, updatedAt: 10 } });
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['b', 'c', 'a']);

    await store.getState().selectConversation('a');
    broadcast({ type: 'removed', id: 'a' });
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['b', 'c']);
    // The open conversation was deleted elsewhere: this window goes to a new chat instead of showing a ghost.
    expect(store.getState().activeConversationId).toBeNull();
    void a;

    broadcast({ type: 'cleared' });
    expect(store.getState().conversations).toEqual([]);
  });

  it('deletes at once, offers Undo, and Undo puts the conversation back and reopens it', async () => {
    const { store, api, a } = await loaded();
    await store.getState().selectConversation('a');
    api.conversations.delete.mockReturnValue(ok({ id: 'a' }));
    expect(await store.getState().deleteWithUndo('a')).toBe(true);
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['b']);
    expect(store.getState().undoable).toMatchObject({ conversation: { id: 'a' }, wasOpen: true });
    expect(store.getState().activeConversationId).toBeNull();

    api.conversations.restore.mockReturnValue(ok(a));
    await store.getState().undoDelete();
    expect(api.conversations.restore).toHaveBeenCalledWith('a');
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['a', 'b']);
    expect(store.getState().activeConversationId).toBe('a');
    expect(store.getState().undoable).toBeNull();
  });

  it('pins and unpins through the core', async () => {
    const { store, api, b } = await loaded();
    api.conversations.setPinned.mockReturnValue(ok({ ...b, pinned: true }));
    expect(await store.getState().togglePinned('b')).toBe(true);
    expect(api.conversations.setPinned).toHaveBeenCalledWith('b', true);
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('opens a search hit far up a conversation at that message, and scrolls to one already on screen', async () => {
    const { store, api, b } = await loaded();
    const far = userMessage({ id: 'm1', conversationId: 'b', content: 'far up' });
    const last = userMessage({ id: 'm2', conversationId: 'b', content: 'last' });
    api.conversations.reveal.mockReturnValue(ok({ conversation: b, messages: [far, last], hasOlder: true }));
    await store.getState().openMessage('b', 'm1');
    expect(api.conversations.reveal).toHaveBeenCalledWith('b', 'm1');
    expect(store.getState()).toMatchObject({ activeConversationId: 'b', messagesLoading: false, hasOlder: true });
    expect(store.getState().messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    const first = store.getState().reveal;
    expect(first?.messageId).toBe('m1');

    await store.getState().openMessage('b', 'm2', ['last']);
    expect(api.conversations.reveal).toHaveBeenCalledTimes(1);
    expect(store.getState().reveal).toEqual({ messageId: 'm2', nonce: (first?.nonce ?? 0) + 1, terms: ['last'] });
  });

  it('deletes all history, and the spending history only when asked', async () => {
    const { store, api } = await loaded();
    api.conversations.deleteAll.mockReturnValue(ok({ deleted: 2 }));
    api.spend.clearLedger.mockReturnValue(ok({ deleted: 5 }));
    expect(await store.getState().deleteAllHistory()).toBe(true);
    expect(store.getState().conversations).toEqual([]);
    expect(api.spend.clearLedger).not.toHaveBeenCalled();
    expect(await store.getState().deleteAllHistory(true)).toBe(true);
    expect(api.spend.clearLedger).toHaveBeenCalledTimes(1);
  });

  it('reads the generated-titles setting, saves a change, and keeps the old value when saving fails', async () => {
    const { store, api } = setupStore();
    expect(store.getState().titleSettings).toBeNull();
    await store.getState().loadTitleSettings();
    expect(store.getState().titleSettings).toEqual({ enabled: false, model: 'openai/gpt-4.1-nano' });
    expect(await store.getState().setGeneratedTitles(true)).toBeNull();
    expect(api.titles.setEnabled).toHaveBeenCalledWith(true);
    expect(store.getState().titleSettings?.enabled).toBe(true);

    const error = { code: 'storage_error' as const, message: 'The disk is full.' };
    api.titles.setEnabled.mockReturnValueOnce(Promise.resolve({ ok: false, error }));
    expect(await store.getState().setGeneratedTitles(false)).toEqual(error);
    expect(store.getState().titleSettings?.enabled).toBe(true);
  });

  it('opens and closes the narrow window’s sidebar, telling subscribers only of real changes', () => {
    const { store } = setupStore();
    let changes = 0;
    store.subscribe(() => changes++);
    expect(store.getState().sidebarOpen).toBe(false);
    store.getState().setSidebarOpen(false);
    expect(changes).toBe(0);
    store.getState().setSidebarOpen(true);
    expect(store.getState().sidebarOpen).toBe(true);
    store.getState().setSidebarOpen(false);
    expect(changes).toBe(2);
  });
});
