// Test support: catch the AppFailure a call throws, to assert on its code and wording.

import { AppFailure } from '../../../shared/result';

/** Runs `fn`, expecting it to throw an AppFailure, and returns that failure for assertions. */
export function failureOf(fn: () => unknown): AppFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppFailure) return err;
    throw err;
  }
  throw new Error('expected an AppFailure');
}
