// Core: which failures before the first token are worth trying again on their own, and after how long.

import type { AppError } from '../../../shared/result';

/** Waits before the first and second automatic retry; no third. */
export const defaultRetryDelaysMs: readonly number[] = [1_000, 3_000];
/** A Retry-After longer than this is the person's call, not an automatic wait. */
const maxRetryAfterMs = 10_000;

/** Connection refused or cut, a timeout, or a provider that was down or overloaded: nothing was answered yet. */
export function isRetryableBeforeFirstToken(error: AppError): boolean {
  if (error.code === 'offline' || error.code === 'timeout') return true;
  return error.code === 'upstream_error' && (error.status === 502 || error.status === 503 || error.status === 408);
}

/** The delay for retry number `attempt` (1-based), or null when no retry is left. */
export function retryDelayMs(error: AppError, attempt: number, delays: readonly number[]): number | null {
  const planned = delays[attempt - 1];
  if (planned === undefined) return null;
  const hinted = error.retryAfterSeconds;
  if (hinted !== undefined && hinted >= 0 && hinted * 1_000 <= maxRetryAfterMs) return hinted * 1_000;
  return planned;
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
