// Electron main: the window's size, position and maximised state, kept in a small JSON file in the profile folder
// (written a moment after a move or resize, and at close) and restored on a display that still exists: the saved
// bounds are clamped into the work area of the display they overlap most, or the nearest one if that display is gone;
// with nothing (or nothing readable) saved, the default size is centred on the primary display.

import { z } from 'zod';

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
}

export const windowStateFileName = 'window-state.json';

/** Default size of a first window (minimum: window.ts). */
export const defaultWindowSize = { width: 1100, height: 760 };

const int = z.number().int().min(-100_000).max(100_000);
const stateSchema = z.object({
  bounds: z.object({ x: int, y: int, width: int.min(1), height: int.min(1) }),
  maximized: z.boolean(),
});

/** The saved state, or null for a missing, damaged or foreign file (the window then opens at its default). */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
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

/** The part of a BrowserWindow the keeper watches. */
export interface TrackedWindow {
  on(event: 'move' | 'resize' | 'maximize' | 'unmaximize' | 'close', listener: () => void): void;
  /** The bounds it returns to when not maximised (Electron's getNormalBounds). */
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

export interface WindowStateKeeperDeps {
  /** Writes the file whole (atomically: the real one writes a temporary file and renames it). */
  write(text: string): void;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  onError(error: unknown): void;
}

/** A drag or a resize fires dozens of events a second; the file is written once it has settled. */
export const saveDelayMs = 500;

export function trackWindowState(window: TrackedWindow, deps: WindowStateKeeperDeps): void {
  let timer: unknown = null;
  const save = () => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    if (window.isDestroyed()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      deps.write(JSON.stringify(state));
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
}
