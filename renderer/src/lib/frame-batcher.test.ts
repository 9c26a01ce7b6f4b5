import { describe, expect, it } from 'vitest';
import { createFrameBatcher, type ScheduleFrame } from './frame-batcher';

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
