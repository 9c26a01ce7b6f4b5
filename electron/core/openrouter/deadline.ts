// One AbortSignal per request that fires on the caller's abort or on a timeout, and remembers which one it was.

export interface Deadline {
  signal: AbortSignal;
  timedOut(): boolean;
  /** Headers arrived: from here on only the caller (or an idle timer) may stop the request. */
  stopTimer(): void;
  /** Detach from the caller's signal; with `abortRequest`, also abort the request to free its connection. */
  release(abortRequest?: boolean): void;
}

export function startDeadline(parent: AbortSignal | undefined, timeoutMs: number | undefined): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', onParentAbort, { once: true });

  const timer =
    timeoutMs !== undefined && timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;

  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    stopTimer: () => clearTimeout(timer),
    release: (abortRequest = false) => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
      if (abortRequest && !controller.signal.aborted) controller.abort();
    },
  };
}

/** Waits, but wakes early (resolving false) when the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
