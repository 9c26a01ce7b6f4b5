// Renderer: tells the store whether the end of a streaming compare column is below the reader's sight, so its
// growing text is not drawn while nobody can see it (draw-pacer.ts). The end counts as in sight when it is within
// `ahead` pixels below the visible part of the columns, or anywhere above it: a column whose end is above the reader
// (a short one beside a long one they scrolled down) grows towards them, and held it would never get there.

import { type RefObject, useEffect } from 'react';
import { useAppStore } from '../../store/use-app-store';

/** How far below the visible part a column's end still counts as in sight: drawn a little before it is scrolled to. */
const ahead = 400;

export function useEndInSight(end: RefObject<HTMLElement | null>, conversationId: string, streaming: boolean): void {
  const setInSight = useAppStore((s) => s.setColumnEndInSight);
  useEffect(() => {
    const target = end.current;
    // Without IntersectionObserver (a test DOM) every column is drawn, as if in sight.
    if (!streaming || !target || typeof IntersectionObserver === 'undefined') return;
    const scroller = scrollingAncestor(target);
    const observer = new IntersectionObserver(
      (entries) => {
        // Several crossings may arrive together (a quick scroll while frames are busy): the newest says where it is.
        const entry = entries.at(-1);
        if (!entry) return;
        const below = !entry.isIntersecting && entry.boundingClientRect.top >= (entry.rootBounds?.bottom ?? Infinity);
        setInSight(conversationId, !below);
      },
      { root: scroller, rootMargin: `0px 0px ${ahead}px 0px` },
    );
    observer.observe(target);
    return () => {
      observer.disconnect();
      setInSight(conversationId, true);
    };
  }, [end, conversationId, streaming, setInSight]);
}

/** The element the columns scroll in (null: the page itself). */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}
