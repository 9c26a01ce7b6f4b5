// Benchmark support: the page's own main-thread time per animation frame, for the benches that stream into a page.
// Counts frames in the page and reads Chromium's task time over DevTools. The benches' probes are DevTools commands
// run on that same thread (reading the streaming replies' text every 100 ms), so their time (DevToolsCommandDuration)
// is left out: counted in, the figure would measure the probe as well as the page, and more of it the more it reads.

import type { CDPSession, Page } from '@playwright/test';

export interface FrameSample {
  /** The page's main-thread task time so far, in ms, the probes' own commands left out. */
  taskMs: number;
  /** Animation frames so far. */
  frames: number;
}

export interface FrameMeter {
  sample(): Promise<FrameSample>;
  stop(): Promise<void>;
}

export async function startFrameMeter(page: Page): Promise<FrameMeter> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.evaluate(() => {
    const w = window as unknown as { benchFrames: number };
    w.benchFrames = 0;
    const tick = () => {
      w.benchFrames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return {
    async sample() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const seconds = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      const taskMs = (seconds('TaskDuration') - seconds('DevToolsCommandDuration')) * 1000;
      const frames = await page.evaluate(() => (window as unknown as { benchFrames: number }).benchFrames);
      return { taskMs, frames };
    },
    stop: () => cdp.detach(),
  };
}

/** Task time per frame between the first and last of `samples`; NaN when no frame passed between them. */
export function perFrame(samples: readonly FrameSample[]): number {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.frames === first.frames) return NaN;
  return (last.taskMs - first.taskMs) / (last.frames - first.frames);
}
