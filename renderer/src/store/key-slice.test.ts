import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/result';
import { keyStatusFixture, ok, setupStore, tick } from '../test-support/store-over-fake-api';

const failure = (code: AppError['code'], message: string = code) =>
  Promise.resolve({ ok: false as const, error: { code, message } });

const noKey = keyStatusFixture({
  present: false,
  storage: null,
  last4: null,
  label: null,
  limit: null,
  limitRemaining: null,
  verified: false,
});

describe('loading the key status', () => {
  it('keeps the reason when the core cannot say, and leaves the status unknown', async () => {
    const { store, api } = setupStore();
    api.key.status.mockReturnValueOnce(failure('storage_error', 'Could not read the profile.'));
    await store.getState().loadKeyStatus();
    expect(store.getState()).toMatchObject({
      keyStatus: null,
      keyLoadError: { code: 'storage_error', message: 'Could not read the profile.' },
      keychainProblem: null,
    });
    expect(api.conversations.list).not.toHaveBeenCalled();
  });

  it('clears an earlier load error when asked again', async () => {
    const { store, api } = setupStore();
    api.key.status.mockReturnValueOnce(failure('storage_error'));
    await store.getState().loadKeyStatus();
    await store.getState().loadKeyStatus();
    expect(store.getState().keyLoadError).toBeNull();
    expect(store.getState().keyStatus?.present).toBe(true);
  });

  it('asks OpenRouter about a key known only from the keychain, and opens the workspace', async () => {
    const { store, api } = setupStore();
    api.key.status.mockReturnValueOnce(ok(keyStatusFixture({ verified: false, limitRemaining: null })));
    api.key.refresh.mockReturnValueOnce(ok(keyStatusFixture({ limitRemaining: 3.25 })));
    await store.getState().loadKeyStatus();
    await tick();
    expect(api.key.refresh).toHaveBeenCalledTimes(1);
    expect(store.getState().keyStatus).toMatchObject({ verified: true, limitRemaining: 3.25 });
    expect(api.conversations.list).toHaveBeenCalledTimes(1);
  });

  it('does not ask OpenRouter again about a key the core has already checked', async () => {
    const { store, api } = setupStore();
    await store.getState().loadKeyStatus();
    expect(api.key.refresh).not.toHaveBeenCalled();
    expect(api.conversations.list).toHaveBeenCalledTimes(1);
  });

  it('opens nothing but the key screen without a key', async () => {
    const { store, api } = setupStore();
    api.key.status.mockReturnValueOnce(ok(noKey));
    await store.getState().loadKeyStatus();
    expect(store.getState().keyStatus).toEqual(noKey);
    expect(api.key.refresh).not.toHaveBeenCalled();
    expect(api.conversations.list).not.toHaveBeenCalled();
  });
});

describe('saving a key', () => {
  it('sends one save at a time', async () => {
    const { store, api } = setupStore();
    const first = store.getState().saveKey('sk-or-v1-abc');
    expect(store.getState().keySaving).toBe(true);
    expect(await store.getState().saveKey('sk-or-v1-def')).toBe(false);
    expect(await first).toBe(true);
    expect(api.key.save).toHaveBeenCalledTimes(1);
    expect(store.getState().keySaving).toBe(false);
  });

  it('a successful save ends a rejected key’s replacement and forgets earlier failures', async () => {
    const { store, api } = setupStore();
    store.setState({ keyRejected: true, keyRefreshError: { code: 'unauthorized', message: 'no' } });
    api.key.save.mockReturnValueOnce(ok(keyStatusFixture({ last4: 'wxyz' })));
    expect(await store.getState().saveKey('sk-or-v1-new', { skipValidation: true })).toBe(true);
    expect(store.getState()).toMatchObject({
      keyRejected: false,
      keyRefreshError: null,
      keySaveError: null,
      keySaveOptions: {},
      keyStatus: { last4: 'wxyz' },
      keyConfirmation: { last4: 'wxyz' },
    });
  });
});

describe('refreshing the key’s figures', () => {
  it('keeps the figures shown and says why when OpenRouter cannot be reached', async () => {
    const { store, api } = setupStore();
    store.setState({ keyStatus: keyStatusFixture({ limitRemaining: 7 }) });
    api.key.refresh.mockReturnValueOnce(failure('offline', 'Could not reach OpenRouter.'));
    expect(await store.getState().refreshKey()).toBe(false);
    expect(store.getState()).toMatchObject({
      keyRefreshing: false,
      keyRefreshError: { code: 'offline' },
      keyRejected: false,
      keyStatus: { limitRemaining: 7 },
    });
  });

  it('a rejected key brings the key screen back in replace mode, without the save confirmation', async () => {
    const { store, api } = setupStore();
    store.setState({ keyStatus: keyStatusFixture(), keyConfirmation: keyStatusFixture() });
    api.key.refresh.mockReturnValueOnce(failure('unauthorized'));
    expect(await store.getState().refreshKey()).toBe(false);
    expect(store.getState()).toMatchObject({ keyRejected: true, keyConfirmation: null });
  });

  it('clears the last refresh error once the figures arrive', async () => {
    const { store, api } = setupStore();
    api.key.refresh.mockReturnValueOnce(failure('offline'));
    await store.getState().refreshKey();
    expect(await store.getState().refreshKey()).toBe(true);
    expect(store.getState().keyRefreshError).toBeNull();
  });
});

describe('removing the key', () => {
  it('shows the core’s answer and forgets everything about the removed key', async () => {
    const { store, api } = setupStore();
    api.key.remove.mockReturnValueOnce(ok(noKey));
    store.setState({
      keyStatus: keyStatusFixture(),
      keyConfirmation: keyStatusFixture(),
      keyRejected: true,
      keySaveError: { code: 'offline', message: 'x' },
      keySaveOptions: { sessionOnly: true },
    });
    const removing = store.getState().removeKey();
    expect(store.getState().keyRemoving).toBe(true);
    expect(await removing).toBe(true);
    expect(store.getState()).toMatchObject({
      keyRemoving: false,
      keyRemoveError: null,
      keyStatus: noKey,
      keyConfirmation: null,
      keyRejected: false,
      keySaveError: null,
      keySaveOptions: {},
    });
  });

  it('keeps the key and says why when the keychain refuses', async () => {
    const { store, api } = setupStore();
    store.setState({ keyStatus: keyStatusFixture() });
    api.key.remove.mockReturnValueOnce(failure('keychain_unavailable', 'The keychain is locked.'));
    expect(await store.getState().removeKey()).toBe(false);
    expect(store.getState()).toMatchObject({
      keyRemoving: false,
      keyRemoveError: { code: 'keychain_unavailable', message: 'The keychain is locked.' },
      keyStatus: { present: true },
    });
  });
});

describe('the key form', () => {
  it('reset forgets the last error and the options chosen for it', async () => {
    const { store } = setupStore();
    await store.getState().saveKey('nope', { sessionOnly: true });
    expect(store.getState().keySaveError?.code).toBe('malformed_key');
    store.getState().resetKeyForm();
    expect(store.getState()).toMatchObject({ keySaveError: null, keySaveOptions: {} });
  });

  it('cancelling a replacement goes back to the chat without the replacement’s error', () => {
    const { store } = setupStore();
    store.getState().markKeyRejected();
    store.setState({
      keySaveError: { code: 'unauthorized', message: 'still no' },
      keySaveOptions: { sessionOnly: true },
    });
    store.getState().cancelKeyReplacement();
    expect(store.getState()).toMatchObject({ keyRejected: false, keySaveError: null, keySaveOptions: {} });
  });

  it('the confirmation shows until dismissed', async () => {
    const { store } = setupStore();
    await store.getState().saveKey('sk-or-v1-abc');
    expect(store.getState().keyConfirmation).not.toBeNull();
    store.getState().dismissKeyConfirmation();
    expect(store.getState().keyConfirmation).toBeNull();
  });
});
