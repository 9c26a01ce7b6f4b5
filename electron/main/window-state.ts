// Electron main: the window's size, position and maximised state, kept in a small JSON file in the profile folder
// (written a moment after a move or resize, and at close), one place per arrangement of displays (the laptop alone,
// the laptop with its monitor…), so plugging a monitor in or out brings the window back to where it was the last
// time the displays were like that. A place is restored on a display that still exists: the saved bounds are clamped
// into the work area of the display they overlap most, or the nearest one if that display is gone; with nothing (or
// nothing readable) saved, the default size is centred on the primary display. Each place also holds the sidebar's
// width the page showed there, so the layout inside the window comes back per arrangement too (sidebar-width.ts).

import { z } from 'zod';
import { sidebarWidthRange } from '../../shared/preferences';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's Display this reads. */
export interface DisplayLike {
  workArea: Rect;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
  /** The sidebar's width (px) in this place; absent until the page has one (an earlier version's file has none). */
  sidebarWidth?: number;
}

export const windowStateFileName = 'window-state.json';

/** Default size of a first window (minimum: window.ts). */
export const defaultWindowSize = { width: 1100, height: 760 };

const int = z.number().int().min(-100_000).max(100_000);
const stateSchema = z.object({
  bounds: z.object({ x: int, y: int, width: int.min(1), height: int.min(1) }),
  maximized: z.boolean(),
  // A width out of range (a hand-edited file) is dropped, not the place with it.
  sidebarWidth: z.number().int().min(sidebarWidthRange.min).max(sidebarWidthRange.max).optional().catch(undefined),
});

/** Every place kept: the latest (for an arrangement of displays never seen) and one per arrangement. */
export interface WindowPlaces {
  latest: WindowState | null;
  byDisplays: Record<string, WindowState>;
}

/** Arrangements kept, the most recently used first to stay: enough for home, office and a projector or two. */
export const maxArrangements = 8;

const placesSchema = z.object({
  latest: stateSchema.nullable(),
  byDisplays: z.record(z.string(), stateSchema),
});

/** What was saved; nothing for a missing, damaged or foreign file (the window then opens at its default). */
export function parseWindowPlaces(text: string | null): WindowPlaces {
  const none: WindowPlaces = { latest: null, byDisplays: {} };
  if (text === null) return none;
  try {
    const json: unknown = JSON.parse(text);
    const places = placesSchema.safeParse(json);
    if (places.success) return places.data;
    // The file an earlier version wrote: one place for every arrangement.
    const single = stateSchema.safeParse(json);
    return single.success ? { latest: single.data, byDisplays: {} } : none;
  } catch {
    return none;
  }
}

/** Names an arrangement of displays by their work areas, whatever order the system lists them in. */
export function displaysKey(displays: readonly DisplayLike[]): string {
  return displays
    .map(({ workArea: a }) => `${a.x},${a.y},${a.width}x${a.height}`)
    .sort()
    .join(';');
}

/** The place kept for these displays, else the latest one, else null. */
export function placeFor(places: WindowPlaces, displays: readonly DisplayLike[]): WindowState | null {
  return places.byDisplays[displaysKey(displays)] ?? places.latest;
}

const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

const centre = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

function nearest(bounds: Rect, displays: readonly DisplayLike[]): DisplayLike {
  const c = centre(bounds);
  const distance = (d: DisplayLike) => {
    const dc = centre(d.workArea);
    return (dc.x - c.x) ** 2 + (dc.y - c.y) ** 2;
  };
  return displays.reduce((best, d) => (distance(d) < distance(best) ? d : best));
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

/** Size within the work area (never under the minimum), then position so the whole window is inside it. */
function fitInto(bounds: Rect, area: Rect, minimum: { width: number; height: number }): Rect {
  const width = clamp(bounds.width, minimum.width, area.width);
  const height = clamp(bounds.height, minimum.height, area.height);
  return {
    width,
    height,
    x: clamp(bounds.x, area.x, area.x + area.width - width),
    y: clamp(bounds.y, area.y, area.y + area.height - height),
  };
}

function centred(area: Rect, size: { width: number; height: number }, minimum: { width: number; height: number }) {
  const width = clamp(size.width, minimum.width, area.width);
  const height = clamp(size.height, minimum.height, area.height);
  return {
    width,
    height,
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
  };
}

export function restoreWindowState(
  saved: WindowState | null,
  displays: readonly DisplayLike[],
  primary: DisplayLike,
  minimum: { width: number; height: number },
): WindowState {
  if (saved === null || displays.length === 0) {
    return { bounds: centred(primary.workArea, defaultWindowSize, minimum), maximized: false };
  }
  const best = displays.reduce((a, b) =>
    overlap(saved.bounds, b.workArea) > overlap(saved.bounds, a.workArea) ? b : a,
  );
  const target = overlap(saved.bounds, best.workArea) > 0 ? best : nearest(saved.bounds, displays);
  return { bounds: fitInto(saved.bounds, target.workArea, minimum), maximized: saved.maximized };
}

/** What the page's sidebar width is asked and told through (sidebar-width.ts); the keeper answers it. */
export interface SidebarWidthKeeper {
  /** The width kept for the displays as they are now (else the latest place's); null when no place has one. */
  sidebarWidth(): number | null;
  /** The page's new width: kept at once in this arrangement's place (the page sends it at the end of a drag). */
  setSidebarWidth(width: number): void;
}

/** The part of a BrowserWindow the keeper watches. */
export interface TrackedWindow {
  on(event: 'move' | 'resize' | 'maximize' | 'unmaximize' | 'close', listener: () => void): void;
  /** The bounds it returns to when not maximised (Electron's getNormalBounds). */
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

export interface WindowStateKeeperDeps {
  /** What the file held when the window opened; other arrangements' places are written back unchanged. */
  places: WindowPlaces;
  /** The displays now, to know which arrangement a place belongs to. */
  displays(): readonly DisplayLike[];
  /** Writes the file whole (atomically: the real one writes a temporary file and renames it). */
  write(text: string): void;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  onError(error: unknown): void;
}

/** A drag or a resize fires dozens of events a second; the file is written once it has settled. */
export const saveDelayMs = 500;

export function trackWindowState(window: TrackedWindow, deps: WindowStateKeeperDeps): SidebarWidthKeeper {
  let timer: unknown = null;
  let places = deps.places;
  /**
   * What the page shows (the width it will be handed at its start, then whatever it set): every place written carries
   * it, even one written before the page asked.
   */
  let onScreen: number | null = placeFor(places, deps.displays())?.sidebarWidth ?? null;
  const save = () => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    if (window.isDestroyed()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    if (onScreen !== null) state.sidebarWidth = onScreen;
    const key = displaysKey(deps.displays());
    // This arrangement moves to the end (the newest); the oldest beyond the limit are forgotten.
    const others = Object.entries(places.byDisplays).filter(([k]) => k !== key);
    const kept = [...others.slice(Math.max(0, others.length - (maxArrangements - 1))), [key, state] as const];
    places = { latest: state, byDisplays: Object.fromEntries(kept) };
    try {
      deps.write(JSON.stringify(places));
    } catch (error) {
      // A window that opens at its default next time is no reason to disturb anyone now.
      deps.onError(error);
    }
  };
  const later = () => {
    if (timer !== null) deps.clearTimer(timer);
    timer = deps.setTimer(save, saveDelayMs);
  };
  for (const event of ['move', 'resize', 'maximize', 'unmaximize'] as const) window.on(event, later);
  window.on('close', save);
  return {
    sidebarWidth() {
      const width = placeFor(places, deps.displays())?.sidebarWidth ?? null;
      if (width !== null) onScreen = width;
      return width;
    },
    setSidebarWidth(width) {
      onScreen = width;
      save();
    },
  };
}
