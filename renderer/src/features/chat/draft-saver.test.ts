import { describe, expect, it, vi } from 'vitest';
import { createDraftSaver, draftSaveDelayMs } from './draft-saver';

/** Timers that fire only when the test says so, remembering the delay asked for. */
const manualTimers = () => {
  let pending: { callback: () => void; ms: number } | null = null;
  return {
    setTimer(callback: () => void, ms: number) {
      const entry = { callback, ms };
      pending = entry;
      return () => {
        if (pending === entry) pending = null;
      };
    },
    fire() {
      const entry = pending;
      pending = null;
      entry?.callback();
    },
    delay: () => pending?.ms ?? null,
  };
};

describe('createDraftSaver', () => {
  it('saves once typing pauses, with the last text only', async () => {
    const timers = manualTimers();
    const save = vi.fn(() => Promise.resolve());
    const saver = createDraftSaver({ save, setTimer: timers.setTimer });
    saver.change('c1', 'H');
    saver.change('c1', 'He');
    saver.change('c1', 'Hello');
    expect(save).not.toHaveBeenCalled();
    expect(timers.delay()).toBe(draftSaveDelayMs);
    timers.fire();
    await saver.flush();
    expect(save.mock.calls).toEqual([['c1', 'Hello']]);
  });

  it('saves every conversation’s change when flushed on a switch, the new chat included', async () => {
    const timers = manualTimers();
    const save = vi.fn(() => Promise.resolve());
    const pending = vi.fn();
    const saver = createDraftSaver({ save, setTimer: timers.setTimer, onPendingChange: pending });
    saver.change('c1', 'first');
    saver.change(null, 'new chat');
    expect(saver.pending()).toBe(true);
    await saver.flush();
    expect(save.mock.calls).toEqual([
      ['c1', 'first'],
      [null, 'new chat'],
    ]);
    expect(saver.pending()).toBe(false);
    expect(pending.mock.calls).toEqual([[true], [false]]);
    expect(timers.delay()).toBeNull();
  });

  it('stays pending until the host has answered', async () => {
    const timers = manualTimers();
    let answer: () => void = () => {};
    const saver = createDraftSaver({
      save: () => new Promise<void>((resolve) => (answer = resolve)),
      setTimer: timers.setTimer,
    });
    saver.change('c1', 'x');
    const flushing = saver.flush();
    expect(saver.pending()).toBe(true);
    answer();
    await flushing;
    expect(saver.pending()).toBe(false);
  });
});
