import { describe, expect, it } from 'vitest';
import { setupStore } from '../test-support/store-over-fake-api';

describe('loading the workspace', () => {
  it('loads once what is already loaded, and retries a catalogue that failed', async () => {
    const { store, api } = setupStore();
    api.models.list.mockReturnValueOnce(
      Promise.resolve({ ok: false as const, error: { code: 'offline' as const, message: 'x' } }) as never,
    );
    await store.getState().loadWorkspace();
    expect(store.getState()).toMatchObject({ conversationsLoaded: true, modelsStatus: 'error' });
    await store.getState().loadWorkspace();
    expect(api.conversations.list).toHaveBeenCalledTimes(1);
    expect(api.drafts.get).toHaveBeenCalledTimes(1);
    expect(api.models.list).toHaveBeenCalledTimes(2);
    await store.getState().loadWorkspace();
    expect(api.models.list).toHaveBeenCalledTimes(2);
  });
});
