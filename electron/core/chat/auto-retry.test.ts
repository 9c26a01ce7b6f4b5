import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/result';
import { isRetryableBeforeFirstToken, retryDelayMs } from './auto-retry';

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
});
