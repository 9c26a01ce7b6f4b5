// Benchmark support: when what a test waits for was first painted, timed in the page.
//
// Checking in each animation frame and then waiting one frame more counts a frame too many when the element arrived
// during a frame's own work (a resize observer after layout, say), which is then painted in that very frame. This
// watches the DOM instead, and knows whether a change came inside a frame or between frames.

import type { Page } from '@playwright/test';

/** Installs `window.whenPainted(shown)` in every document of the page; call before the page loads. */
export async function installPaintProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    // True from a frame's animation callbacks until the first task after that frame.
    let inFrame = false;
    const everyFrame = () => {
      inFrame = true;
      setTimeout(() => (inFrame = false), 0);
      requestAnimationFrame(everyFrame);
    };
    requestAnimationFrame(everyFrame);
    /** Resolves with performance.now() in the first task after the frame that paints what `shown()` finds. */
    const whenPainted = (shown: () => boolean): Promise<number> =>
      new Promise((resolve) => {
        const settle = () => {
          const afterPaint = () => setTimeout(() => resolve(performance.now()), 0);
          // A change inside a frame is painted in it; one between frames waits for the next.
          if (inFrame) afterPaint();
          else requestAnimationFrame(afterPaint);
        };
        if (shown()) return settle();
        const watcher = new MutationObserver(() => {
          if (!shown()) return;
          watcher.disconnect();
          settle();
        });
        watcher.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
      });
    (window as unknown as { whenPainted: typeof whenPainted }).whenPainted = whenPainted;
  });
}
