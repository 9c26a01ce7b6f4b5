import { describe, expect, it } from 'vitest';
import { AppFailure, type Result, fail, ok } from '../../shared/result';
import { ActiveKeySource } from './active-key';
import { KeyService } from './key-service';
import type { KeyInfo } from './openrouter/types';
import { MemorySecretStore } from './secrets/memory-secret-store';
import type { SecretStore } from './secrets/secret-store';

const goodKey = `sk-or-v1-${'ab12'.repeat(16)}`;
const info: KeyInfo = {
  label: 'sk-or-v1-ab1...b12',
  limit: 25,
  limitRemaining: 20.5,
  limitReset: null,
  usage: 4.5,
  usageDaily: 0,
  usageWeekly: 1,
  usageMonthly: 2,
  isFreeTier: false,
};

/** A keychain that is not there: every call fails the way the keytar adapter reports it. */
class UnavailableKeychain implements SecretStore {
  readonly kind = 'keychain' as const;
  private fail(): never {
    throw new AppFailure({ code: 'keychain_unavailable', message: 'No Secret Service is running.' });
  }
  get = async (): Promise<string | null> => this.fail();
  set = async (): Promise<void> => this.fail();
  delete = async (): Promise<void> => this.fail();
}

function setUp(answer: Result<KeyInfo> = ok(info), keychain: SecretStore = new MemorySecretStore()) {
  const checked: (string | undefined)[] = [];
  const source = new ActiveKeySource(keychain, new MemorySecretStore());
  const service = new KeyService(source, {
    getKeyInfo: async (candidate) => {
      checked.push(candidate);
      return answer;
    },
  });
  return { service, keychain, source, checked };
}

describe('KeyService', () => {
  it('checks a pasted key with OpenRouter before storing it, trimmed, in the keychain', async () => {
    const { service, keychain, checked } = setUp();
    const saved = await service.save({ key: `\n  ${goodKey}  \n` });
    expect(checked).toEqual([goodKey]);
    expect(await keychain.get()).toBe(goodKey);
    expect(saved).toEqual(
      ok({
        present: true,
        storage: 'keychain',
        last4: 'ab12',
        label: info.label,
        limit: 25,
        limitRemaining: 20.5,
        isFreeTier: false,
        verified: true,
      }),
    );
  });

  it('never returns the key itself', async () => {
    const { service } = setUp();
    const saved = await service.save({ key: goodKey });
    expect(JSON.stringify(saved)).not.toContain(goodKey);
    expect(JSON.stringify(await service.status())).not.toContain(goodKey);
  });

  it('refuses a malformed key without asking OpenRouter', async () => {
    const { service, checked, keychain } = setUp();
    const saved = await service.save({ key: 'hello' });
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.error.code).toBe('malformed_key');
    expect(checked).toEqual([]);
    expect(await keychain.get()).toBeNull();
  });

  it('explains a refused key and stores nothing', async () => {
    const { service, keychain } = setUp(fail('unauthorized', 'User not found.', { status: 401 }));
    const saved = await service.save({ key: goodKey });
    expect(saved).toEqual(fail('unauthorized', expect.stringContaining('revoked or mistyped'), { status: 401 }));
    expect(await keychain.get()).toBeNull();
  });

  it('says OpenRouter was unreachable, and can save anyway unverified', async () => {
    const { service, keychain } = setUp(fail('offline', 'fetch failed'));
    const refused = await service.save({ key: goodKey });
    expect(refused.ok || refused.error.message).toMatch(/could not be reached/);
    const saved = await service.save({ key: goodKey, skipValidation: true });
    expect(saved.ok && saved.value).toMatchObject({ present: true, verified: false, label: null });
    expect(await keychain.get()).toBe(goodKey);
  });

  it('says OpenRouter is having trouble on a 5xx', async () => {
    const { service } = setUp(fail('upstream_error', 'Service temporarily unavailable', { status: 503 }));
    const saved = await service.save({ key: goodKey });
    expect(saved.ok || saved.error.message).toMatch(/having trouble/);
  });

  it('reports an unavailable keychain, then keeps the key for this session only when asked', async () => {
    const { service, source } = setUp(ok(info), new UnavailableKeychain());
    const refused = await service.save({ key: goodKey });
    expect(refused.ok || refused.error.code).toBe('keychain_unavailable');
    const saved = await service.save({ key: goodKey, sessionOnly: true });
    expect(saved.ok && saved.value).toMatchObject({ present: true, storage: 'session', last4: 'ab12' });
    expect(await source.read()).toBe(goodKey);
    const removed = await service.remove();
    expect(removed.ok && removed.value.present).toBe(false);
  });

  it('a key saved to the keychain replaces a session-only key, which would otherwise win over it', async () => {
    const { service, source, keychain } = setUp();
    const sessionKey = `sk-or-v1-${'cd34'.repeat(16)}`;
    await service.save({ key: sessionKey, sessionOnly: true });
    expect(await source.read()).toBe(sessionKey);

    const saved = await service.save({ key: goodKey });
    expect(saved.ok && saved.value).toMatchObject({ present: true, storage: 'keychain', last4: 'ab12' });
    expect(await keychain.get()).toBe(goodKey);
    expect(await source.session.get()).toBeNull();
    expect(await source.read()).toBe(goodKey);
  });

  it('removes the key from the keychain', async () => {
    const { service, keychain } = setUp();
    await service.save({ key: goodKey });
    const removed = await service.remove();
    expect(removed.ok && removed.value).toMatchObject({ present: false, storage: null, last4: null, label: null });
    expect(await keychain.get()).toBeNull();
  });

  it('refreshes label and remaining credit from OpenRouter', async () => {
    const { service, keychain, checked } = setUp(ok({ ...info, limitRemaining: 19.25 }));
    await keychain.set(goodKey);
    const before = await service.status();
    expect(before.ok && before.value).toMatchObject({ present: true, label: null, verified: false });
    const refreshed = await service.refresh();
    expect(checked).toEqual([undefined]);
    expect(refreshed.ok && refreshed.value.limitRemaining).toBe(19.25);
  });
});

/** A service whose OpenRouter answers come from `answers`, one per question (the last repeats). */
function withAnswers(answers: Result<KeyInfo>[], keychain: SecretStore = new MemorySecretStore()) {
  let asked = 0;
  const source = new ActiveKeySource(keychain, new MemorySecretStore());
  const service = new KeyService(source, {
    getKeyInfo: async () => answers[Math.min(asked++, answers.length - 1)]!,
  });
  return { service, source, keychain, asked: () => asked };
}

describe('KeyService after the key is saved', () => {
  it('describes the key as OpenRouter last did: label, cap, what is left, free tier, verified', async () => {
    const { service } = withAnswers([ok({ ...info, isFreeTier: true })]);
    const saved = await service.save({ key: goodKey });
    expect(saved.ok && saved.value).toEqual({
      present: true,
      storage: 'keychain',
      last4: 'ab12',
      label: info.label,
      limit: 25,
      limitRemaining: 20.5,
      isFreeTier: true,
      verified: true,
    });
  });

  it('saved unchecked, the key is not verified until OpenRouter has answered for it', async () => {
    const { service, asked } = withAnswers([ok(info)]);
    const saved = await service.save({ key: goodKey, skipValidation: true });
    expect(asked()).toBe(0);
    expect(saved.ok && saved.value).toMatchObject({ present: true, verified: false, label: null, limit: null });
    const refreshed = await service.refresh();
    expect(refreshed.ok && refreshed.value).toMatchObject({ verified: true, label: info.label });
  });

  it('stops calling a key verified once OpenRouter refuses it, but not when OpenRouter is only unreachable', async () => {
    const offline = fail('offline', 'No network');
    const { service } = withAnswers([ok(info), offline, fail('unauthorized', 'Key revoked')]);
    await service.save({ key: goodKey });
    const unreachable = await service.refresh();
    expect(unreachable.ok || unreachable.error.code).toBe('offline');
    const still = await service.status();
    expect(still.ok && still.value.verified).toBe(true);
    const refused = await service.refresh();
    expect(refused.ok || refused.error.code).toBe('unauthorized');
    const after = await service.status();
    expect(after.ok && after.value).toMatchObject({ present: true, verified: false });
  });

  it('asks OpenRouter for what is left under the cap once when nothing is known, then answers from memory', async () => {
    const { service, asked } = withAnswers([ok({ ...info, limitRemaining: 7 })]);
    expect(await service.limitRemaining()).toBe(7);
    expect(await service.limitRemaining()).toBe(7);
    expect(asked()).toBe(1);
  });

  it('does not keep asking for the cap when OpenRouter cannot say, and has no figure for a key without one', async () => {
    const failing = withAnswers([fail('offline', 'No network')]);
    expect(await failing.service.limitRemaining()).toBeNull();
    expect(await failing.service.limitRemaining()).toBeNull();
    expect(failing.asked()).toBe(1);
    const uncapped = withAnswers([ok({ ...info, limit: null, limitRemaining: null })]);
    expect(await uncapped.service.limitRemaining()).toBeNull();
  });

  it('reports what the key has spent fresh from OpenRouter each time, or why it cannot', async () => {
    const { service, asked } = withAnswers([ok(info), ok({ ...info, usage: 5, usageDaily: 0.5 }), fail('timeout', '')]);
    const first = await service.usage();
    expect(first).toEqual(
      ok({ usage: 4.5, usageDaily: 0, usageWeekly: 1, usageMonthly: 2, limit: 25, limitRemaining: 20.5 }),
    );
    const second = await service.usage();
    expect(second.ok && second.value).toMatchObject({ usage: 5, usageDaily: 0.5 });
    const third = await service.usage();
    expect(third.ok || third.error.code).toBe('timeout');
    expect(asked()).toBe(3);
  });

  it('explains a key check that timed out as OpenRouter being unreachable, and passes other refusals on as they are', async () => {
    const errorOf = <T>(result: Result<T>) => (result.ok ? null : result.error);
    const timedOut = errorOf(await withAnswers([fail('timeout', 'raw')]).service.save({ key: goodKey }));
    const offline = errorOf(await withAnswers([fail('offline', 'raw')]).service.save({ key: goodKey }));
    expect(timedOut?.code).toBe('timeout');
    expect(timedOut?.message).not.toBe('raw');
    expect(timedOut?.message).toBe(offline?.message);
    const forbidden = fail('forbidden', 'This key may not use that.');
    expect(await withAnswers([forbidden]).service.save({ key: goodKey })).toEqual(forbidden);
  });

  it('removing a keychain key the keychain will not give up fails, and keeps describing the key', async () => {
    const keychain = new MemorySecretStore();
    await keychain.set(goodKey);
    keychain.delete = async () => {
      throw new AppFailure({ code: 'keychain_unavailable', message: 'The keyring is locked.' });
    };
    const { service } = withAnswers([ok(info)], keychain);
    await service.refresh();
    const removed = await service.remove();
    expect(removed.ok || removed.error.code).toBe('keychain_unavailable');
    const status = await service.status();
    expect(status.ok && status.value).toMatchObject({ present: true, verified: true, label: info.label });
  });

  it('lets an unexpected failure of the keychain through rather than calling it removed', async () => {
    const keychain = new MemorySecretStore();
    keychain.delete = async () => {
      throw new TypeError('bug');
    };
    const { service, source } = withAnswers([ok(info)], keychain);
    await source.session.set(goodKey);
    await expect(service.remove()).rejects.toThrow('bug');
  });
});

describe('KeyService with a keychain that reads but will not write', () => {
  it('says the key was not kept, and does not call the key it checked verified', async () => {
    const keychain = new MemorySecretStore();
    keychain.set = async () => {
      throw new AppFailure({ code: 'keychain_unavailable', message: 'The keyring refused the write.' });
    };
    const { service } = withAnswers([ok(info)], keychain);
    const saved = await service.save({ key: goodKey });
    expect(saved.ok || saved.error.code).toBe('keychain_unavailable');
    const status = await service.status();
    expect(status.ok && status.value).toMatchObject({ present: false, verified: false, label: null });
  });
});
