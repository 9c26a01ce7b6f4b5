import { describe, expect, it } from 'vitest';
import { createClickGuard, stopArmDelayMs } from './click-guard';

describe('createClickGuard', () => {
  it('ignores the second click of a double-click and takes a later, deliberate one', () => {
    let now = 1_000;
    const guard = createClickGuard(() => now);
    now += 120; // the second click of a double-click
    expect(guard.accepts()).toBe(false);
    now = 1_000 + stopArmDelayMs;
    expect(guard.accepts()).toBe(true);
  });
});
