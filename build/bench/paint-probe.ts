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

/**
 * Clicks the sidebar entry whose text starts with `title` and resolves, in the page, with the time until the last
 * message (the one containing `marker`) is on screen and painted. Needs installPaintProbe on the page.
 */
export async function timeOpening(page: Page, title: string, marker: string): Promise<number> {
  return page.evaluate(
    async ({ title, marker }) => {
      const button = Array.from(document.querySelectorAll('button')).find((b) =>
        b.textContent?.trim().startsWith(title),
      );
      if (!button) throw new Error(`no sidebar entry "${title}"`);
      const start = performance.now();
      const shown = () => {
        const articles = document.querySelectorAll('article');
        return articles[articles.length - 1]?.textContent?.includes(marker) ?? false;
      };
      const { whenPainted } = window as unknown as { whenPainted(shown: () => boolean): Promise<number> };
      const painted = whenPainted(shown);
      button.click();
      // Never wait forever: a conversation whose last message changed would otherwise hang the whole run.
      const end = await Promise.race([
        painted,
        new Promise<number>((_, fail) =>
          setTimeout(() => fail(new Error(`"${title}" never showed its last message`)), 30_000),
        ),
      ]);
      return end - start;
    },
    { title, marker },
  );
}
