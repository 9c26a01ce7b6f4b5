import { describe, expect, it } from 'vitest';
import { keyStatusFixture, ok, setupStore } from '../test-support/store-over-fake-api';

const unauthorized = () =>
  Promise.resolve({ ok: false as const, error: { code: 'unauthorized' as const, message: 'no' } });

describe('refreshing spend after a reply', () => {
  it('takes the key’s new figures through the key slice and checks the budget warnings against them', async () => {
    const { store, api } = setupStore();
    store.setState({ keyStatus: keyStatusFixture({ limitRemaining: 20.5 }), keyConfirmation: keyStatusFixture() });
    api.key.refresh.mockImplementationOnce(() => ok(keyStatusFixture({ limitRemaining: 19.75 })));
    await store.getState().refreshSpend();
    expect(api.key.refresh).toHaveBeenCalledTimes(1);
    expect(store.getState().keyStatus?.limitRemaining).toBe(19.75);
    expect(store.getState().keyRefreshing).toBe(false);
  });

  it('sends a rejected key back to the key screen, as the key slice does for any refresh', async () => {
    const { store, api } = setupStore();
    store.setState({ keyStatus: keyStatusFixture() });
    api.key.refresh.mockImplementationOnce(unauthorized);
    await store.getState().refreshSpend();
    expect(store.getState().keyRejected).toBe(true);
    expect(store.getState().keyStatus?.limitRemaining).toBe(20.5);
  });

  it('asks once while a refresh is already under way', async () => {
    const { store, api } = setupStore();
    store.setState({ keyStatus: keyStatusFixture() });
    await Promise.all([store.getState().refreshSpend(), store.getState().refreshKey()]);
    expect(api.key.refresh).toHaveBeenCalledTimes(1);
  });
});
