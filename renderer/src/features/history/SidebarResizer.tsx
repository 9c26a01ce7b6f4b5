// Renderer: the sidebar's right edge, dragged (or moved with the arrow keys) to make titles wider; the width is kept
// by the host (the core on the web host; per arrangement of displays in the desktop app: shared/preferences.ts), so
// it is the same after a restart on either host.

import { type KeyboardEvent, type PointerEvent, useEffect } from 'react';
import { sidebarWidthRange } from '../../../../shared/preferences';
import { useAppStore } from '../../store/use-app-store';
import styles from './sidebar.module.css';

const minSidebarWidth = sidebarWidthRange.min;
const maxSidebarWidth = sidebarWidthRange.max;
const keyboardStep = 16;

const clamp = (width: number) => Math.round(Math.min(maxSidebarWidth, Math.max(minSidebarWidth, width)));

export function SidebarResizer() {
  const width = useAppStore((s) => s.sidebarWidth);
  const setWidth = useAppStore((s) => s.setSidebarWidth);

  useEffect(() => {
    // A custom property on the root: the layout's grid reads it, nothing else has to know.
    document.documentElement.style.setProperty('--sidebar-width', `${width}px`);
  }, [width]);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = width;
    let last = width;
    // Shown on every move, kept once at the end of the drag.
    const move = (moved: globalThis.PointerEvent) => {
      last = clamp(startWidth + moved.clientX - startX);
      setWidth(last, false);
    };
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
      handle.removeEventListener('pointercancel', stop);
      if (last !== startWidth) setWidth(last, true);
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
    setWidth(clamp(width + delta), true);
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
      className={styles.resizer}
      title="Drag to resize the sidebar"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
