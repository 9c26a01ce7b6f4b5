import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result';
import { MemorySecretStore } from './memory-secret-store';

describe('MemorySecretStore', () => {
  it('keeps one secret for this process', async () => {
    const store = new MemorySecretStore();
    expect(store.kind).toBe('memory');
    expect(await store.get()).toBeNull();
    await store.set('sk-or-v1-first');
    expect(await store.get()).toBe('sk-or-v1-first');
    await store.set('sk-or-v1-second');
    expect(await store.get()).toBe('sk-or-v1-second');
    await store.delete();
    expect(await store.get()).toBeNull();
    await expect(store.delete()).resolves.toBeUndefined();
  });

  it('can start with a secret, and refuses an empty one', async () => {
    const store = new MemorySecretStore('sk-or-v1-initial');
    expect(await store.get()).toBe('sk-or-v1-initial');
    const failure = await store.set('').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).error.code).toBe('invalid_input');
    expect(await store.get()).toBe('sk-or-v1-initial');
  });

  it('keeps separate instances apart', async () => {
    const a = new MemorySecretStore();
    const b = new MemorySecretStore();
    await a.set('sk-or-v1-a');
    expect(await b.get()).toBeNull();
  });
});
