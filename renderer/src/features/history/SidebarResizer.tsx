// Renderer: the sidebar's right edge, dragged (or moved with the arrow keys) to make titles wider; the width is
// remembered in this browser profile between runs.

import { type KeyboardEvent, type PointerEvent, useEffect, useState } from 'react';

export const minSidebarWidth = 220;
export const maxSidebarWidth = 420;
const defaultWidth = 260;
const storageKey = 'switchboard.sidebarWidth';
const keyboardStep = 16;

const clamp = (width: number) => Math.round(Math.min(maxSidebarWidth, Math.max(minSidebarWidth, width)));

function readWidth(): number {
  try {
    const stored = Number(window.localStorage.getItem(storageKey));
    return Number.isFinite(stored) && stored > 0 ? clamp(stored) : defaultWidth;
  } catch {
    return defaultWidth;
  }
}

export function SidebarResizer() {
  const [width, setWidth] = useState(readWidth);

  useEffect(() => {
    // A custom property on the root: the layout's grid reads it, nothing else has to know.
    document.documentElement.style.setProperty('--sidebar-width', `${width}px`);
    try {
      window.localStorage.setItem(storageKey, String(width));
    } catch {
      // Storage can be unavailable (a private window); the width then lasts for this session.
    }
  }, [width]);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = width;
    const move = (moved: globalThis.PointerEvent) => setWidth(clamp(startWidth + moved.clientX - startX));
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
      handle.removeEventListener('pointercancel', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
    handle.addEventListener('pointercancel', stop);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const change: Record<string, number> = {
      ArrowLeft: -keyboardStep,
      ArrowRight: keyboardStep,
      Home: minSidebarWidth - width,
      End: maxSidebarWidth - width,
    };
    const delta = change[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    setWidth(clamp(width + delta));
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Sidebar width"
      aria-valuemin={minSidebarWidth}
      aria-valuemax={maxSidebarWidth}
      aria-valuenow={width}
      tabIndex={0}
      className="sidebar-resizer"
      title="Drag to resize the sidebar"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
