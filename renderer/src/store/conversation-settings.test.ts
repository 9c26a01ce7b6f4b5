import { describe, expect, it, vi } from 'vitest';
import { conversationFixture, ok, setupStore } from '../test-support/store-over-fake-api';

describe('reply length', () => {
  it('saves the cap through the core and shows the conversation it returns', async () => {
    const { store, api } = setupStore();
    store.getState().putConversation(conversationFixture({ id: 'c1' }));
    vi.mocked(api.conversations.setMaxOutput).mockReturnValueOnce(
      ok(conversationFixture({ id: 'c1', maxOutputTokens: 500 })),
    );
    expect(await store.getState().setMaxOutputTokens('c1', 500)).toBe(true);
    expect(api.conversations.setMaxOutput).toHaveBeenCalledWith('c1', 500);
    expect(store.getState().conversations.find((c) => c.id === 'c1')?.maxOutputTokens).toBe(500);
  });

  it('keeps the old cap and shows the error when the core refuses', async () => {
    const { store, api } = setupStore();
    store.getState().putConversation(conversationFixture({ id: 'c1', maxOutputTokens: 800 }));
    vi.mocked(api.conversations.setMaxOutput).mockReturnValueOnce(
      Promise.resolve({ ok: false as const, error: { code: 'not_found' as const, message: 'gone' } }),
    );
    expect(await store.getState().setMaxOutputTokens('c1', null)).toBe(false);
    expect(store.getState().conversations.find((c) => c.id === 'c1')?.maxOutputTokens).toBe(800);
    expect(store.getState().chatError).toEqual({ code: 'not_found', message: 'gone' });
  });
});
