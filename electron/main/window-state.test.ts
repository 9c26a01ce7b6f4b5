import { describe, expect, it } from 'vitest';
import {
  type DisplayLike,
  type Rect,
  type TrackedWindow,
  type WindowPlaces,
  defaultWindowSize,
  displaysKey,
  maxArrangements,
  parseWindowPlaces,
  placeFor,
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

describe('parseWindowPlaces and placeFor', () => {
  const onLaptop = saved({ x: 1, y: 2, width: 800, height: 600 }, true);
  const onMonitor = saved({ x: 1600, y: 100, width: 1200, height: 900 });

  it('reads what was written and takes a damaged or foreign file as nothing saved', () => {
    const places: WindowPlaces = {
      latest: onMonitor,
      byDisplays: { [displaysKey([laptop])]: onLaptop, [displaysKey([laptop, monitor])]: onMonitor },
    };
    expect(parseWindowPlaces(JSON.stringify(places))).toEqual(places);
    const none = { latest: null, byDisplays: {} };
    expect(parseWindowPlaces(null)).toEqual(none);
    expect(parseWindowPlaces('{"latest":')).toEqual(none);
    expect(parseWindowPlaces('{"bounds":{"x":"1","y":2,"width":800,"height":600},"maximized":false}')).toEqual(none);
    expect(
      parseWindowPlaces('{"latest":{"bounds":{"x":1,"y":2,"width":0,"height":600},"maximized":false},"byDisplays":{}}'),
    ).toEqual(none);
  });

  it("reads an earlier version's single place as the latest, for every arrangement", () => {
    const places = parseWindowPlaces(JSON.stringify(onLaptop));
    expect(places).toEqual({ latest: onLaptop, byDisplays: {} });
    expect(placeFor(places, [laptop, monitor])).toEqual(onLaptop);
  });

  it('gives each arrangement of displays its own place, in whatever order they are listed, else the latest', () => {
    const places: WindowPlaces = {
      latest: onLaptop,
      byDisplays: { [displaysKey([laptop])]: onLaptop, [displaysKey([laptop, monitor])]: onMonitor },
    };
    expect(placeFor(places, [monitor, laptop])).toEqual(onMonitor);
    expect(placeFor(places, [laptop])).toEqual(onLaptop);
    expect(placeFor(places, [monitor])).toEqual(onLaptop);
    expect(placeFor({ latest: null, byDisplays: {} }, [laptop])).toBeNull();
  });
});

/** A window stand-in whose events the test fires, with a clock the test advances. */
function setup(places: WindowPlaces = { latest: null, byDisplays: {} }) {
  let displays: DisplayLike[] = [laptop];
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
  const keeper = trackWindowState(window, {
    places,
    displays: () => displays,
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
    keeper,
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
    plug: (next: DisplayLike[]) => (displays = next),
    maximize: (on: boolean) => (maximized = on),
    destroy: () => (destroyed = true),
    failWrites: () => (failWrite = true),
    written: () => written.map((text) => JSON.parse(text) as WindowPlaces),
    /** The latest place of each write. */
    latest: () => written.map((text) => (JSON.parse(text) as WindowPlaces).latest),
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
    expect(w.latest()).toEqual([saved({ x: 50, y: 60, width: 1000, height: 700 })]);
  });

  it('keeps the normal bounds and the maximised flag, and writes at once on close', () => {
    const w = setup();
    w.maximize(true);
    w.fire('maximize');
    w.fire('close');
    expect(w.latest()).toEqual([saved({ x: 10, y: 20, width: 900, height: 700 }, true)]);
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

  it("keeps each arrangement's place apart, and other arrangements' places as the file had them", () => {
    const elsewhere = saved({ x: 2000, y: 50, width: 1000, height: 800 });
    const w = setup({ latest: elsewhere, byDisplays: { other: elsewhere } });
    w.fire('close');
    w.plug([laptop, monitor]);
    w.move({ x: 1600, y: 100, width: 1200, height: 900 });
    w.fire('close');
    const last = w.written().at(-1);
    expect(last).toEqual({
      latest: saved({ x: 1600, y: 100, width: 1200, height: 900 }),
      byDisplays: {
        other: elsewhere,
        [displaysKey([laptop])]: saved({ x: 10, y: 20, width: 900, height: 700 }),
        [displaysKey([laptop, monitor])]: saved({ x: 1600, y: 100, width: 1200, height: 900 }),
      },
    });
  });

  it(`forgets the arrangements used longest ago beyond ${maxArrangements}`, () => {
    const old = Object.fromEntries(
      Array.from({ length: maxArrangements }, (_, i) => [`old ${i}`, saved({ x: i, y: 0, width: 800, height: 600 })]),
    );
    const w = setup({ latest: null, byDisplays: old });
    w.fire('close');
    const keys = Object.keys(w.written().at(-1)?.byDisplays ?? {});
    expect(keys).toHaveLength(maxArrangements);
    expect(keys).not.toContain('old 0');
    expect(keys.at(-1)).toBe(displaysKey([laptop]));
    expect(keys[0]).toBe('old 1');
  });
});

describe('the sidebar width kept with each place', () => {
  const place = (sidebarWidth?: number) => ({
    ...saved({ x: 1, y: 2, width: 800, height: 600 }),
    ...(sidebarWidth === undefined ? {} : { sidebarWidth }),
  });

  it('reads a kept width, drops one out of range without losing the place, and reads places without one', () => {
    const text = (width: unknown) =>
      JSON.stringify({
        latest: { ...saved({ x: 1, y: 2, width: 800, height: 600 }), sidebarWidth: width },
        byDisplays: {},
      });
    expect(parseWindowPlaces(text(300)).latest).toEqual(place(300));
    expect(parseWindowPlaces(text(9999)).latest).toEqual(place());
    expect(parseWindowPlaces(text('wide')).latest).toEqual(place());
    expect(parseWindowPlaces(JSON.stringify(place())).latest).toEqual(place());
  });

  it("answers the width kept for the displays as they are now, else the latest place's, else nothing", () => {
    const w = setup({
      latest: place(333),
      byDisplays: { [displaysKey([laptop])]: place(250), [displaysKey([laptop, monitor])]: place(400) },
    });
    expect(w.keeper.sidebarWidth()).toBe(250);
    w.plug([laptop, monitor]);
    expect(w.keeper.sidebarWidth()).toBe(400);
    w.plug([monitor]);
    expect(w.keeper.sidebarWidth()).toBe(333);
    expect(setup().keeper.sidebarWidth()).toBeNull();
  });

  it("keeps a new width at once in this arrangement's place only, and carries it into every later write", () => {
    const w = setup({ latest: place(400), byDisplays: { [displaysKey([laptop, monitor])]: place(400) } });
    w.keeper.setSidebarWidth(280);
    expect(w.written()).toEqual([
      {
        latest: { ...saved({ x: 10, y: 20, width: 900, height: 700 }), sidebarWidth: 280 },
        byDisplays: {
          [displaysKey([laptop, monitor])]: place(400),
          [displaysKey([laptop])]: { ...saved({ x: 10, y: 20, width: 900, height: 700 }), sidebarWidth: 280 },
        },
      },
    ]);
    // The window moves on: its place keeps the width on screen.
    w.move({ x: 30, y: 40, width: 900, height: 700 });
    w.fire('close');
    expect(w.latest().at(-1)).toEqual({ ...saved({ x: 30, y: 40, width: 900, height: 700 }), sidebarWidth: 280 });
    // Back with the monitor: its own width is answered, untouched by the laptop's.
    w.plug([laptop, monitor]);
    expect(w.keeper.sidebarWidth()).toBe(400);
  });

  it("carries the width the page starts with into an arrangement's first place, even written before the page asks", () => {
    const w = setup({ latest: place(300), byDisplays: {} });
    w.fire('close');
    expect(w.latest().at(-1)).toEqual({ ...saved({ x: 10, y: 20, width: 900, height: 700 }), sidebarWidth: 300 });
    expect(w.keeper.sidebarWidth()).toBe(300);
    // Nothing kept anywhere: places are written without a width (the page starts from the core's).
    const fresh = setup();
    fresh.fire('close');
    expect(fresh.latest().at(-1)).toEqual(saved({ x: 10, y: 20, width: 900, height: 700 }));
  });
});
