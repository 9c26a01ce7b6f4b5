import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppError } from '../../../shared/result';
import { isRetryableBeforeFirstToken, retryDelayMs, sleep } from './auto-retry';

const error = (code: AppError['code'], status?: number, retryAfterSeconds?: number): AppError => ({
  code,
  message: 'x',
  ...(status ? { status } : {}),
  ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
});

describe('automatic retry', () => {
  it('retries a refused connection, a timeout, and 502/503/408 from upstream; nothing else', () => {
    for (const retryable of [
      error('offline'),
      error('timeout'),
      error('upstream_error', 502),
      error('upstream_error', 503),
      error('upstream_error', 408),
    ])
      expect(isRetryableBeforeFirstToken(retryable)).toBe(true);
    for (const final of [
      error('upstream_error', 500),
      error('rate_limited', 429),
      error('insufficient_credits', 402),
      error('unauthorized', 401),
      error('aborted'),
      // A routing refusal comes as a 503 too, but only a change of settings helps (routing-refusal.ts).
      error('routing_providers', 503),
    ])
      expect(isRetryableBeforeFirstToken(final)).toBe(false);
  });

  it('waits as planned, or as Retry-After says when it is 10 s or less, and stops after the planned retries', () => {
    expect(retryDelayMs(error('offline'), 1, [1000, 3000])).toBe(1000);
    expect(retryDelayMs(error('offline'), 2, [1000, 3000])).toBe(3000);
    expect(retryDelayMs(error('offline'), 3, [1000, 3000])).toBeNull();
    expect(retryDelayMs(error('upstream_error', 503, 10), 1, [1000, 3000])).toBe(10_000);
    expect(retryDelayMs(error('upstream_error', 503, 11), 1, [1000, 3000])).toBe(1000);
  });

  it('retries at once on a Retry-After of 0, and ignores a negative one', () => {
    expect(retryDelayMs(error('upstream_error', 503, 0), 1, [1000, 3000])).toBe(0);
    expect(retryDelayMs(error('upstream_error', 503, -5), 1, [1000, 3000])).toBe(1000);
  });
});

describe('sleep before a retry', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Whether the sleep has ended after `ms` of (fake) time, and with what. */
  async function after(ms: number, sleeping: Promise<boolean>): Promise<boolean | 'still sleeping'> {
    await vi.advanceTimersByTimeAsync(ms);
    return Promise.race([sleeping, Promise.resolve('still sleeping' as const)]);
  }

  it('wakes up (true) once the time has passed, not before', async () => {
    vi.useFakeTimers();
    const sleeping = sleep(1000, new AbortController().signal);
    expect(await after(999, sleeping)).toBe('still sleeping');
    expect(await after(1, sleeping)).toBe(true);
  });

  it('gives up (false) as soon as the turn is stopped, or at once when it already was', async () => {
    vi.useFakeTimers();
    const stop = new AbortController();
    const sleeping = sleep(1000, stop.signal);
    stop.abort();
    expect(await after(0, sleeping)).toBe(false);

    expect(await after(0, sleep(1000, stop.signal))).toBe(false);
  });
});
