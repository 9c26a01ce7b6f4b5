// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ScheduleFrame } from './frame-batcher';
import { type TypingFirstClock, pageTypingClock, typingFirst, typingGapMs, typingWindowMs } from './typing-first';

/** A clock, timers and frames that move only when the test says so. */
function harness() {
  let now = 10_000;
  let lastTypedAt = -Infinity;
  let timers: { at: number; run: () => void }[] = [];
  let frames: (() => void)[] = [];
  const clock: TypingFirstClock = {
    lastTypedAt: () => lastTypedAt,
    now: () => now,
    setTimer: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => (timers = timers.filter((t) => t !== timer)),
  };
  const scheduleFrame: ScheduleFrame = (callback) => {
    frames.push(callback);
    return () => (frames = frames.filter((f) => f !== callback));
  };
  const schedule = typingFirst(scheduleFrame, clock);
  return {
    schedule,
    type: () => (lastTypedAt = now),
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const timer of due) timer.run();
    },
    runFrame() {
      const current = frames;
      frames = [];
      for (const frame of current) frame();
    },
    pendingFrames: () => frames.length,
    pendingTimers: () => timers.length,
  };
}

describe('typingFirst', () => {
  it('asks for the next frame straight away when nobody is typing', () => {
    const h = harness();
    const ran: number[] = [];
    h.schedule(() => ran.push(1));
    h.runFrame();
    h.schedule(() => ran.push(2));
    expect(h.pendingFrames()).toBe(1);
    h.runFrame();
    expect(ran).toEqual([1, 2]);
  });

  it('while a key was pressed recently, waits until typingGapMs after the last run before asking for a frame', () => {
    const h = harness();
    const ran: number[] = [];
    h.schedule(() => ran.push(1));
    h.runFrame();
    h.advance(30);
    h.type();
    h.schedule(() => ran.push(2));
    expect(h.pendingFrames()).toBe(0);
    h.advance(typingGapMs - 31);
    expect(h.pendingFrames()).toBe(0);
    h.advance(1);
    expect(h.pendingFrames()).toBe(1);
    h.runFrame();
    expect(ran).toEqual([1, 2]);
  });

  it('goes back to every frame once the last key is typingWindowMs old', () => {
    const h = harness();
    h.schedule(() => {});
    h.runFrame();
    h.type();
    h.advance(typingWindowMs);
    h.schedule(() => {});
    expect(h.pendingFrames()).toBe(1);
  });

  it('a first run while typing is not held back (no earlier run to keep a gap from)', () => {
    const h = harness();
    h.type();
    h.schedule(() => {});
    expect(h.pendingFrames()).toBe(1);
  });

  it('cancelling drops both a waiting timer and a requested frame', () => {
    const h = harness();
    const ran: number[] = [];
    h.schedule(() => {});
    h.runFrame();
    h.type();
    const cancelWaiting = h.schedule(() => ran.push(1));
    expect(h.pendingTimers()).toBe(1);
    cancelWaiting();
    expect(h.pendingTimers()).toBe(0);
    h.advance(typingGapMs);
    expect(h.pendingFrames()).toBe(0);

    h.advance(typingWindowMs);
    const cancelFrame = h.schedule(() => ran.push(2));
    cancelFrame();
    h.runFrame();
    expect(ran).toEqual([]);
  });
});

describe('pageTypingClock', () => {
  const setUp = () => {
    const clock = pageTypingClock(document);
    const field = document.createElement('textarea');
    document.body.append(field);
    const typeText = () => field.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const press = (key: string, shiftKey = false, isComposing = false) =>
      field.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, isComposing, bubbles: true }));
    return { clock, field, typeText, press };
  };

  it('counts text typed into a field, not a key that types nothing', () => {
    const { clock, typeText, press } = setUp();
    press('Control');
    expect(clock.lastTypedAt()).toBe(-Infinity);
    const before = performance.now();
    typeText();
    expect(clock.lastTypedAt()).toBeGreaterThanOrEqual(before);
    expect(clock.lastTypedAt()).toBeLessThanOrEqual(clock.now());
  });

  it('Enter (which sends) and a form submit end the typing; Shift+Enter (a new line) does not', () => {
    const { clock, typeText, press, field } = setUp();
    typeText();
    press('Enter', true);
    expect(clock.lastTypedAt()).toBeGreaterThan(-Infinity);
    press('a');
    press('Enter', false, true); // an input method confirming a word, not sending
    expect(clock.lastTypedAt()).toBeGreaterThan(-Infinity);
    press('Enter');
    expect(clock.lastTypedAt()).toBe(-Infinity);

    typeText();
    const form = document.createElement('form');
    form.append(field);
    document.body.append(form);
    form.dispatchEvent(new Event('submit', { bubbles: true }));
    expect(clock.lastTypedAt()).toBe(-Infinity);
  });

  it('runs its timers after the time asked, and not once cleared', () => {
    vi.useFakeTimers();
    try {
      const { clock } = setUp();
      const ran: string[] = [];
      clock.setTimer(() => ran.push('kept'), 100);
      const cleared = clock.setTimer(() => ran.push('cleared'), 100);
      clock.clearTimer(cleared);
      vi.advanceTimersByTime(99);
      expect(ran).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(ran).toEqual(['kept']);
    } finally {
      vi.useRealTimers();
    }
  });
});
