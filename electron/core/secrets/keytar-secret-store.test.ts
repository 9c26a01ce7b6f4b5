import { describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../shared/result';
import { type KeytarApi, KeytarSecretStore } from './keytar-secret-store';

const secret = 'sk-or-v1-0123456789abcdef0123456789abcdef';

/** A keychain in a Map, standing in for keytar so error handling can be tested without a Secret Service. */
function fakeKeytar(): KeytarApi & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const key = (service: string, account: string) => `${service}/${account}`;
  return {
    entries,
    getPassword: vi.fn(async (service: string, account: string) => entries.get(key(service, account)) ?? null),
    setPassword: vi.fn(async (service: string, account: string, password: string) => {
      entries.set(key(service, account), password);
    }),
    deletePassword: vi.fn(async (service: string, account: string) => entries.delete(key(service, account))),
  };
}

function failingKeytar(message: string): KeytarApi {
  const fail = async (): Promise<never> => {
    throw new Error(message);
  };
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  const outcome = await promise.then(
    () => new Error('expected a rejection'),
    (err: unknown) => err,
  );
  if (outcome instanceof AppFailure) return outcome;
  throw outcome;
}

describe('KeytarSecretStore', () => {
  it('reads, writes and deletes one entry under its service and account', async () => {
    const keytar = fakeKeytar();
    const store = new KeytarSecretStore({ service: 'Svc', account: 'acct', loadKeytar: async () => keytar });
    expect(store.kind).toBe('keychain');
    expect(await store.get()).toBeNull();
    await store.set(secret);
    expect(keytar.entries.get('Svc/acct')).toBe(secret);
    expect(await store.get()).toBe(secret);
    await store.delete();
    expect(await store.get()).toBeNull();
    await expect(store.delete()).resolves.toBeUndefined();
  });

  it('defaults to the Switchboard/openrouter entry', async () => {
    const keytar = fakeKeytar();
    await new KeytarSecretStore({ loadKeytar: async () => keytar }).set(secret);
    expect([...keytar.entries.keys()]).toEqual(['Switchboard/openrouter']);
  });

  it.each([
    'Cannot autolaunch D-Bus without X11 $DISPLAY',
    'The name org.freedesktop.secrets was not provided by any .service files',
    'Cannot create an item in a locked collection',
    'Could not connect: No such file or directory',
  ])('turns "%s" into keychain_unavailable with advice and the reason', async (reason) => {
    const store = new KeytarSecretStore({ platform: 'linux', loadKeytar: async () => failingKeytar(reason) });
    for (const attempt of [store.get(), store.set(secret), store.delete()]) {
      const failure = await failureOf(attempt);
      expect(failure.error.code).toBe('keychain_unavailable');
      expect(failure.message).toContain(
        'No Secret Service is running or the keyring is locked: install and unlock gnome-keyring or KWallet',
      );
      expect(failure.message).toContain(reason);
    }
  });

  it('never puts the secret, or anything shaped like a key, into an error', async () => {
    const echoing: KeytarApi = {
      ...failingKeytar('unused'),
      setPassword: async (_s, _a, password) => {
        throw new Error(`refused to store "${password}" (also saw sk-or-v1-someotherkey)`);
      },
    };
    const store = new KeytarSecretStore({ platform: 'linux', loadKeytar: async () => echoing });
    const failure = await failureOf(store.set(secret));
    expect(failure.error.code).toBe('keychain_unavailable');
    expect(failure.message).not.toContain(secret);
    expect(failure.message).not.toContain('someotherkey');
    expect(JSON.stringify(failure.error)).not.toContain(secret.slice(6));
  });

  it('removes the secret being stored from the reason even when it is not shaped like an OpenRouter key', async () => {
    const oddSecret = 'my-own-proxy-token-7f3a9c';
    const echoing: KeytarApi = {
      ...failingKeytar('unused'),
      setPassword: async (_s, _a, password) => {
        throw new Error(`refused to store "${password}"`);
      },
    };
    const store = new KeytarSecretStore({ platform: 'linux', loadKeytar: async () => echoing });
    const failure = await failureOf(store.set(oddSecret));
    expect(failure.message).toContain('refused to store');
    expect(failure.message).not.toContain(oddSecret);
  });

  it('cuts a long reason to 300 characters with an ellipsis, and keeps one of exactly 300 whole', async () => {
    const reasonIn = async (reason: string) => {
      const store = new KeytarSecretStore({ platform: 'linux', loadKeytar: async () => failingKeytar(reason) });
      return /\(Reason: (.*)\)$/s.exec((await failureOf(store.get())).message)?.[1];
    };
    expect(await reasonIn('x'.repeat(300))).toBe('x'.repeat(300));
    expect(await reasonIn('y'.repeat(299) + 'z'.repeat(50))).toBe(`${'y'.repeat(299)}z…`);
  });

  it('gives the reason of a keychain that throws a string, and "unknown error" for anything else', async () => {
    const throwing = (thrown: unknown): KeytarApi => ({
      ...fakeKeytar(),
      getPassword: async () => {
        throw thrown;
      },
    });
    const stringFailure = await failureOf(
      new KeytarSecretStore({ loadKeytar: async () => throwing('org.freedesktop.DBus.Error.ServiceUnknown') }).get(),
    );
    expect(stringFailure.message).toMatch(/\(Reason: org\.freedesktop\.DBus\.Error\.ServiceUnknown\)$/);
    const objectFailure = await failureOf(
      new KeytarSecretStore({ loadKeytar: async () => throwing({ status: -25293 }) }).get(),
    );
    expect(objectFailure.message).toMatch(/\(Reason: unknown error\)$/);
  });

  it('also maps errors keytar throws synchronously', async () => {
    const throwing: KeytarApi = {
      ...fakeKeytar(),
      getPassword: () => {
        throw new Error('Service is required.');
      },
    };
    const failure = await failureOf(new KeytarSecretStore({ loadKeytar: async () => throwing }).get());
    expect(failure.error.code).toBe('keychain_unavailable');
  });

  it('gives platform-specific advice', async () => {
    const onMac = new KeytarSecretStore({ platform: 'darwin', loadKeytar: async () => failingKeytar('denied') });
    expect((await failureOf(onMac.get())).message).toMatch(/macOS Keychain/);
    const onWindows = new KeytarSecretStore({ platform: 'win32', loadKeytar: async () => failingKeytar('denied') });
    expect((await failureOf(onWindows.get())).message).toMatch(/Windows Credential Manager/);
  });

  it('reports a missing native module as keychain_unavailable, and tries loading again next time', async () => {
    const keytar = fakeKeytar();
    const load = vi
      .fn<() => Promise<KeytarApi>>()
      .mockRejectedValueOnce(new Error("Cannot find module '../build/Release/keytar.node'"))
      .mockResolvedValue(keytar);
    const store = new KeytarSecretStore({ loadKeytar: load });

    const failure = await failureOf(store.get());
    expect(failure.error.code).toBe('keychain_unavailable');
    expect(failure.message).toMatch(/keychain module could not be loaded/);
    expect(failure.message).toMatch(/keytar\.node/);

    expect(await store.get()).toBeNull();
    await store.get();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('refuses an empty secret before touching the keychain', async () => {
    const keytar = fakeKeytar();
    const failure = await failureOf(new KeytarSecretStore({ loadKeytar: async () => keytar }).set(''));
    expect(failure.error.code).toBe('invalid_input');
    expect(keytar.setPassword).not.toHaveBeenCalled();
  });
});
