// Collects items that arrive faster than the screen refreshes and hands them over once per frame.

/** Runs `callback` at the next opportunity to paint; returns a function that cancels it. */
export type ScheduleFrame = (callback: () => void) => () => void;

/**
 * requestAnimationFrame, with a timer as a backstop: a hidden window gets no frames at all, and a reply that
 * finishes in the background must still be saved to the store (the timer never fires first while frames run).
 */
export const scheduleAnimationFrame: ScheduleFrame = (callback) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, 250);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

export interface FrameBatcher<T> {
  push(item: T): void;
  /** Apply whatever is buffered now (the stream ended: no reason to wait for a frame). */
  flush(): void;
  /** Drop the buffer and any scheduled frame. */
  cancel(): void;
}

export function createFrameBatcher<T>(apply: (items: T[]) => void, schedule: ScheduleFrame): FrameBatcher<T> {
  let buffer: T[] = [];
  let cancelScheduled: (() => void) | null = null;

  const flush = () => {
    cancelScheduled?.();
    cancelScheduled = null;
    if (buffer.length === 0) return;
    const items = buffer;
    buffer = [];
    apply(items);
  };

  return {
    push(item) {
      buffer.push(item);
      cancelScheduled ??= schedule(flush);
    },
    flush,
    cancel() {
      cancelScheduled?.();
      cancelScheduled = null;
      buffer = [];
    },
  };
}
