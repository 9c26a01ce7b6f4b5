import { describe, expect, it } from 'vitest';
import {
  type DisplayLike,
  type Rect,
  type TrackedWindow,
  defaultWindowSize,
  parseWindowState,
  restoreWindowState,
  saveDelayMs,
  trackWindowState,
} from './window-state';

const minimum = { width: 720, height: 480 };
/** A laptop at the origin (menu bar 25 px) and an external monitor to its right. */
const laptop: DisplayLike = { workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const monitor: DisplayLike = { workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };

const saved = (bounds: Rect, maximized = false) => ({ bounds, maximized });

describe('restoreWindowState', () => {
  it('puts the window back where it was when that display is still there', () => {
    const state = saved({ x: 1600, y: 100, width: 1200, height: 900 }, true);
    expect(restoreWindowState(state, [laptop, monitor], laptop, minimum)).toEqual(state);
  });

  it('moves a window whose display is gone onto the nearest one, against the edge it was beyond', () => {
    const onMonitor = saved({ x: 3000, y: 200, width: 1200, height: 900 });
    expect(restoreWindowState(onMonitor, [laptop], laptop, minimum)).toEqual(
      saved({ x: 1440 - 1200, y: 25, width: 1200, height: 875 }),
    );
  });

  it('clamps a window hanging off a display into the one it overlaps most, never below the minimum size', () => {
    const hanging = saved({ x: 1300, y: -50, width: 500, height: 300 });
    expect(restoreWindowState(hanging, [laptop, monitor], laptop, minimum)).toEqual(
      saved({ x: 1440, y: 0, width: 720, height: 480 }),
    );
  });

  it('centres the default size on the primary display when nothing was saved', () => {
    expect(restoreWindowState(null, [laptop, monitor], monitor, minimum)).toEqual(
      saved({
        x: 1440 + (2560 - defaultWindowSize.width) / 2,
        y: (1400 - defaultWindowSize.height) / 2,
        ...defaultWindowSize,
      }),
    );
  });

  it('fits the default into a display smaller than it', () => {
    const small: DisplayLike = { workArea: { x: 0, y: 0, width: 1024, height: 600 } };
    expect(restoreWindowState(null, [small], small, minimum).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 600 });
  });
});

describe('parseWindowState', () => {
  it('reads what was written and refuses a damaged or foreign file', () => {
    const state = saved({ x: 1, y: 2, width: 800, height: 600 }, true);
    expect(parseWindowState(JSON.stringify(state))).toEqual(state);
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState('{"bounds":')).toBeNull();
    expect(parseWindowState('{"bounds":{"x":"1","y":2,"width":800,"height":600},"maximized":false}')).toBeNull();
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":0,"height":600},"maximized":false}')).toBeNull();
  });
});

/** A window stand-in whose events the test fires, with a clock the test advances. */
function setup() {
  const listeners = new Map<string, (() => void)[]>();
  let bounds: Rect = { x: 10, y: 20, width: 900, height: 700 };
  let maximized = false;
  let destroyed = false;
  const window: TrackedWindow = {
    on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    getNormalBounds: () => bounds,
    isMaximized: () => maximized,
    isDestroyed: () => destroyed,
  };
  const timers = new Map<number, { run: () => void; at: number }>();
  let now = 0;
  let nextId = 1;
  const written: string[] = [];
  const errors: unknown[] = [];
  let failWrite = false;
  trackWindowState(window, {
    write: (text) => {
      if (failWrite) throw new Error('disk full');
      written.push(text);
    },
    setTimer: (run, ms) => {
      timers.set(nextId, { run, at: now + ms });
      return nextId++;
    },
    clearTimer: (id) => void timers.delete(id as number),
    onError: (error) => errors.push(error),
  });
  return {
    fire: (event: string) => listeners.get(event)?.forEach((l) => l()),
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.run();
        }
      }
    },
    move: (next: Rect) => (bounds = next),
    maximize: (on: boolean) => (maximized = on),
    destroy: () => (destroyed = true),
    failWrites: () => (failWrite = true),
    written: () => written.map((text) => JSON.parse(text) as unknown),
    errors,
  };
}

describe('trackWindowState', () => {
  it('writes once a burst of moves and resizes has settled, with the bounds at the end', () => {
    const w = setup();
    w.fire('move');
    w.advance(saveDelayMs - 1);
    w.move({ x: 50, y: 60, width: 1000, height: 700 });
    w.fire('resize');
    w.advance(saveDelayMs - 1);
    expect(w.written()).toEqual([]);
    w.advance(1);
    expect(w.written()).toEqual([saved({ x: 50, y: 60, width: 1000, height: 700 })]);
  });

  it('keeps the normal bounds and the maximised flag, and writes at once on close', () => {
    const w = setup();
    w.maximize(true);
    w.fire('maximize');
    w.fire('close');
    expect(w.written()).toEqual([saved({ x: 10, y: 20, width: 900, height: 700 }, true)]);
    w.advance(saveDelayMs);
    expect(w.written()).toHaveLength(1);
  });

  it('reports a failed write instead of throwing, and writes nothing for a window already gone', () => {
    const w = setup();
    w.failWrites();
    w.fire('close');
    expect(w.errors).toHaveLength(1);
    const gone = setup();
    gone.fire('move');
    gone.destroy();
    gone.advance(saveDelayMs);
    expect(gone.written()).toEqual([]);
  });
});
