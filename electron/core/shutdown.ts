// Core (Node: Electron main or web host): the one way the app stops, whichever host runs it — stop taking work, let
// background cost lookups land (bounded), close the database, then give the profile back.

import type { Logger } from './logger';

export interface ShutdownParts {
  /** Stops the transport: no new calls, and open streams are aborted (their replies are saved as stopped). */
  stopTransport(): Promise<void> | void;
  /** Resolves once background work that writes to the database (cost settlement) has finished. */
  settled(): Promise<void>;
  closeDatabase(): void;
  /** Releases the profile lock last, so no second process opens the database before it is closed. */
  releaseProfile(): void;
  logger: Logger;
  /** Longest to wait for `settled`; a slow OpenRouter must not hold the app open. */
  settleTimeoutMs?: number;
}

/** Returns an idempotent `shutdown()`: calling it twice (two signals, a signal during quit) runs the steps once. */
export function createShutdown(parts: ShutdownParts): () => Promise<void> {
  let running: Promise<void> | null = null;
  const step = async (name: string, run: () => Promise<void> | void) => {
    try {
      await run();
    } catch (error) {
      // Every later step still runs: a failed transport close must not leave the database open or the profile locked.
      parts.logger.error(`shutdown: ${name} failed`, error);
    }
  };
  return () => {
    running ??= (async () => {
      await step('stopping the transport', parts.stopTransport);
      await step('waiting for cost lookups', () =>
        Promise.race([
          parts.settled(),
          new Promise<void>((resolve) => setTimeout(resolve, parts.settleTimeoutMs ?? 2000).unref()),
        ]),
      );
      await step('closing the database', parts.closeDatabase);
      await step('releasing the profile', parts.releaseProfile);
    })();
    return running;
  };
}
