import { describe, expect, it } from 'vitest';
import { AppFailure, appErrorOf, fail, ok, resultOf, resultOfAsync } from './result';

const diskFull = { code: 'storage_error' as const, message: 'The disk is full.' };
const fallback = { code: 'internal' as const, message: 'Something went wrong.' };

describe('Error → Result', () => {
  it('builds results that carry their value or their error, with extras', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail('rate_limited', 'Slow down.', { retryAfterSeconds: 4, status: 429 })).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'Slow down.', retryAfterSeconds: 4, status: 429 },
    });
    expect(fail('offline', 'No network.')).toEqual({ ok: false, error: { code: 'offline', message: 'No network.' } });
  });

  it('an AppFailure carries its error and its message', () => {
    const failure = new AppFailure(diskFull);
    expect(failure).toBeInstanceOf(Error);
    expect(failure.name).toBe('AppFailure');
    expect(failure.message).toBe('The disk is full.');
    expect(failure.error).toBe(diskFull);
  });

  it("appErrorOf: an AppFailure's own error, anything else the caller's fallback", () => {
    expect(appErrorOf(new AppFailure(diskFull), fallback)).toBe(diskFull);
    expect(appErrorOf(new Error('a bug'), fallback)).toBe(fallback);
    expect(appErrorOf('a string', fallback)).toBe(fallback);
  });

  it('resultOf: the value, an expected failure as a failed result, and a bug rethrown', () => {
    expect(resultOf(() => 42)).toEqual({ ok: true, value: 42 });
    expect(
      resultOf(() => {
        throw new AppFailure(diskFull);
      }),
    ).toEqual({ ok: false, error: diskFull });
    expect(() =>
      resultOf(() => {
        throw new TypeError('a bug');
      }),
    ).toThrow(TypeError);
  });

  it('resultOfAsync: the same for asynchronous work', async () => {
    await expect(resultOfAsync(async () => 'stored')).resolves.toEqual({ ok: true, value: 'stored' });
    await expect(
      resultOfAsync(async () => {
        throw new AppFailure(diskFull);
      }),
    ).resolves.toEqual({ ok: false, error: diskFull });
    await expect(
      resultOfAsync(async () => {
        throw new TypeError('a bug');
      }),
    ).rejects.toThrow(TypeError);
  });
});
