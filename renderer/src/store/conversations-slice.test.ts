import { describe, expect, it } from 'vitest';
import { conversationFixture, ok, setupStore } from './store-test-support';

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
