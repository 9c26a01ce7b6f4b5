// Web host (Node): logs refused connections without letting a flood of them flood the log.
//
// Anything on the machine can knock on the loopback port with a wrong token, as fast as it likes; one line per
// knock would let it fill the disk and bury the lines that matter. The first refusal is logged as it happens, then
// at most one summary line per interval counts the rest.

import type { Logger } from '../core/logger';

export interface RefusalTimer {
  /** Calls `fn` once after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const realTimer: RefusalTimer = {
  after(ms, fn) {
    const handle = setTimeout(fn, ms);
    // A pending summary must never keep the process alive on its own.
    handle.unref();
    return () => clearTimeout(handle);
  },
};

export interface RefusalLog {
  /** One refused connection. */
  refused(): void;
  /** Logs what is still uncounted and stops the timer (the host is closing). */
  close(): void;
}

export interface RefusalLogOptions {
  /** What was refused, e.g. "a connection with a missing or wrong token". */
  what: string;
  /** The same refusal in the plural, for the summary: "connections with a missing or wrong token". */
  whatPlural: string;
  intervalMs?: number;
  timer?: RefusalTimer;
}

export function createRefusalLog(logger: Logger, options: RefusalLogOptions): RefusalLog {
  const intervalMs = options.intervalMs ?? 60_000;
  const timer = options.timer ?? realTimer;
  let quiet = false;
  let uncounted = 0;
  let cancel: (() => void) | null = null;

  const summarise = (when: string) => {
    if (uncounted === 0) return false;
    logger.warn(`refused ${uncounted} more ${options.whatPlural} ${when}`);
    uncounted = 0;
    return true;
  };

  const endOfInterval = () => {
    cancel = null;
    // A flood still going on keeps the log to one line per interval; a quiet interval ends the window.
    if (summarise(`in the last ${Math.round(intervalMs / 1000)} s`)) cancel = timer.after(intervalMs, endOfInterval);
    else quiet = false;
  };

  return {
    refused() {
      if (quiet) {
        uncounted++;
        return;
      }
      logger.warn(`refused ${options.what}`);
      quiet = true;
      cancel = timer.after(intervalMs, endOfInterval);
    },
    close() {
      cancel?.();
      cancel = null;
      summarise('before closing');
      quiet = false;
    },
  };
}
