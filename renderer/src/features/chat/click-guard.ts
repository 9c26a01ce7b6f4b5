// Stop takes the place of Send the moment a message goes out, so the second click of a double-click would land on
// it and stop the reply just started. A button guarded here ignores clicks until it has been on screen a moment.

/** Long enough to swallow a double-click (the OS default interval is ~500 ms; most are far quicker). */
export const stopArmDelayMs = 400;

export interface ClickGuard {
  /** True when a click now should do something. */
  accepts(): boolean;
}

/** `now` is injected so the guard is tested without waiting. */
export function createClickGuard(now: () => number, delayMs: number = stopArmDelayMs): ClickGuard {
  const shownAt = now();
  return { accepts: () => now() - shownAt >= delayMs };
}
