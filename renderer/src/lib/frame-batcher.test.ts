import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFrameBatcher, type ScheduleFrame, scheduleAnimationFrame } from './frame-batcher';

/** Frames run only when the test says so. */
const manualFrames = () => {
  let queued: (() => void)[] = [];
  const schedule: ScheduleFrame = (callback) => {
    queued.push(callback);
    return () => (queued = queued.filter((c) => c !== callback));
  };
  const runFrame = () => {
    const current = queued;
    queued = [];
    for (const callback of current) callback();
  };
  return { schedule, runFrame, pending: () => queued.length };
};

describe('createFrameBatcher', () => {
  it('applies everything pushed between two frames once, in order', () => {
    const frames = manualFrames();
    const applied: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => applied.push(items), frames.schedule);
    batcher.push(1);
    batcher.push(2);
    batcher.push(3);
    expect(frames.pending()).toBe(1);
    expect(applied).toEqual([]);
    frames.runFrame();
    expect(applied).toEqual([[1, 2, 3]]);
    batcher.push(4);
    frames.runFrame();
    expect(applied).toEqual([[1, 2, 3], [4]]);
  });

  it('does not apply an empty batch', () => {
    const frames = manualFrames();
    const applied: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => applied.push(items), frames.schedule);
    batcher.flush();
    frames.runFrame();
    expect(applied).toEqual([]);
  });

  it('flushes at once on request and cancels the pending frame', () => {
    const frames = manualFrames();
    const applied: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => applied.push(items), frames.schedule);
    batcher.push(1);
    batcher.flush();
    expect(applied).toEqual([[1]]);
    expect(frames.pending()).toBe(0);
  });

  it('drops the buffer on cancel', () => {
    const frames = manualFrames();
    const applied: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => applied.push(items), frames.schedule);
    batcher.push(1);
    batcher.cancel();
    frames.runFrame();
    batcher.flush();
    expect(applied).toEqual([]);
  });
});

describe('scheduleAnimationFrame', () => {
  /** The browser's frames, which come only when the test says so (a hidden window gets none). */
  let frames: Map<number, FrameRequestCallback>;
  const paint = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const frame of due) frame(0);
  };
  const setUp = () => {
    vi.useFakeTimers();
    frames = new Map();
    let next = 0;
    vi.stubGlobal('requestAnimationFrame', (frame: FrameRequestCallback) => {
      frames.set(++next, frame);
      return next;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  };
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs the callback once at the next frame, and the backstop timer then does nothing', () => {
    setUp();
    let runs = 0;
    scheduleAnimationFrame(() => (runs += 1));
    expect(runs).toBe(0);
    paint();
    vi.advanceTimersByTime(1_000);
    expect(runs).toBe(1);
  });

  it('runs it once after 250 ms when no frame comes (a hidden window), and not again at a later frame', () => {
    setUp();
    let runs = 0;
    scheduleAnimationFrame(() => (runs += 1));
    vi.advanceTimersByTime(249);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(1);
    expect(frames.size).toBe(0);
    paint();
    expect(runs).toBe(1);
  });

  it('runs nothing once cancelled, neither at a frame nor by the timer', () => {
    setUp();
    let runs = 0;
    const cancel = scheduleAnimationFrame(() => (runs += 1));
    cancel();
    expect(frames.size).toBe(0);
    paint();
    vi.advanceTimersByTime(1_000);
    expect(runs).toBe(0);
  });
});
