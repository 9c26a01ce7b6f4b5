// Typing comes before the reply being written. Each of a streaming reply's frames costs the page layout, paint and
// a compositor commit (about 10 ms on a slow machine, whatever the conversation's length), and a keystroke that
// arrives during one waits for it. While the person is typing, the reply repaints at most every `typingGapMs`, so few
// keystrokes land behind one of its frames; otherwise it repaints every frame. Nothing is dropped: what arrives in
// between is applied together at the next repaint.

import type { ScheduleFrame } from './frame-batcher';

/** How far apart the reply's repaints are while the person types: 10 a second still reads as streaming. */
export const typingGapMs = 100;
/** Text typed within this long counts as typing. */
export const typingWindowMs = 1_000;

export interface TypingFirstClock {
  /** When the person last typed, on the same clock as `now` (-Infinity before any). */
  lastTypedAt(): number;
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

/** Wraps a frame scheduler so that, while the person types, its callbacks run at most once per `typingGapMs`. */
export function typingFirst(scheduleFrame: ScheduleFrame, clock: TypingFirstClock): ScheduleFrame {
  let lastRunAt = -Infinity;
  return (callback) => {
    let cancelled = false;
    let timer: unknown = null;
    let cancelFrame: (() => void) | null = null;
    const requestFrame = () => {
      timer = null;
      if (cancelled) return;
      cancelFrame = scheduleFrame(() => {
        lastRunAt = clock.now();
        callback();
      });
    };
    const now = clock.now();
    const typing = now - clock.lastTypedAt() < typingWindowMs;
    const wait = typing ? lastRunAt + typingGapMs - now : 0;
    if (wait > 0) timer = clock.setTimer(requestFrame, wait);
    else requestFrame();
    return () => {
      cancelled = true;
      if (timer !== null) clock.clearTimer(timer);
      cancelFrame?.();
    };
  };
}

/**
 * The page's clock for `typingFirst`: text typed into any field of the document. Input events, not key presses (a
 * shortcut types nothing). Enter without Shift and a form's submit end the typing: they send what was typed, and the
 * reply that starts streams at full rate.
 */
export function pageTypingClock(target: Document): TypingFirstClock {
  let lastTypedAt = -Infinity;
  const options = { capture: true, passive: true };
  target.addEventListener('input', () => (lastTypedAt = performance.now()), options);
  target.addEventListener('submit', () => (lastTypedAt = -Infinity), options);
  target.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) lastTypedAt = -Infinity;
    },
    options,
  );
  return {
    lastTypedAt: () => lastTypedAt,
    now: () => performance.now(),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  };
}
