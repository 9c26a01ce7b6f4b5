// Benchmark: the chat page in Chromium through the web host, on a profile seeded through the core's own
// repositories — opening a 10,000-message conversation, typing while a reply streams in it, the page's work per
// animation frame while a 50 KB Markdown reply streams, and the page's JS heap — each against a small baseline.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { type Browser, type Page, chromium } from '@playwright/test';
import { readCoreConfig } from '../../electron/core/config';
import { createCore } from '../../electron/core/core';
import type { Logger } from '../../electron/core/logger';
import { createRouter } from '../../electron/core/router';
import { startWebHost } from '../../electron/web/server';
import { type FrameSample, perFrame, startFrameMeter } from './frame-meter';
import { reportSamples } from './measure';
import { installPaintProbe, timeOpening } from './paint-probe';
import { type PacedReply, longMarkdown, pacedFetch } from './paced-openrouter';
import { chromiumArgs, chromiumExecutable } from '../../e2e/support/chromium';
import { type SeededConversation, seedLongConversation } from '../../e2e/support/seed-history';

const projectRoot = resolve(import.meta.dirname, '../..');
const rendererDir = join(projectRoot, 'out/renderer');
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const rounds = 5;
/** Streams measured per run: the work per frame swings with whatever else the machine does, so take a median. */
const streamRounds = 3;
/**
 * Typing rounds, alternating the two conversations, 30 keys each: ~240 keys a side. With fewer keys, or in fewer and
 * longer rounds, one burst of the machine's host taking its CPU away landed on one side and swung the p95.
 */
const typingRounds = 8;

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named functions in a `__name(…)` helper; functions
 * handed to page.evaluate run in the page, where that helper must exist too.
 */
async function newBenchPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await installPaintProbe(page);
  return page;
}

/** Clicks a seeded conversation in the sidebar; resolves with the time until its last message is painted. */
const openConversation = (page: Page, conversation: SeededConversation) =>
  timeOpening(page, conversation.title, conversation.lastMarker);

async function newChat(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New chat' }).click();
  await page.waitForTimeout(300);
}

interface TypingSamples {
  /** Keystroke → the composer shows it (React has committed): the page's own work, input delay included. */
  updated: number[];
  /** Keystroke → the next frame after that has been painted: adds the wait for the display's next frame. */
  painted: number[];
}

/** Measures every key typed while the page is open; the key event's own timestamp is the start. */
async function installTypingProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { typing: TypingSamples; lastKeyAt: number };
    w.typing = { updated: [], painted: [] };
    document.addEventListener('keydown', (event) => (w.lastKeyAt = event.timeStamp), true);
    document.addEventListener(
      'input',
      () => {
        const start = w.lastKeyAt;
        requestAnimationFrame(() => setTimeout(() => w.typing.painted.push(performance.now() - start), 0));
      },
      true,
    );
    // The window's bubbling listener runs after React's listener on its root, and after the microtask in which React
    // renders and commits this discrete event's update. (A task queued with setTimeout instead often runs only after
    // the next frame, which made this figure the same as the painted one.)
    window.addEventListener('input', () => w.typing.updated.push(performance.now() - w.lastKeyAt));
  });
}

async function sendAndWaitForStream(page: Page): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('Write me a long answer');
  await composer.press('Enter');
  await page.getByRole('button', { name: 'Stop' }).waitFor();
  await page.waitForTimeout(500);
}

async function stopStream(page: Page): Promise<void> {
  const stop = page.getByRole('button', { name: 'Stop' });
  if (await stop.isVisible()) await stop.click();
  await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: 30_000 });
}

async function typingLatencies(page: Page, conversation: SeededConversation): Promise<TypingSamples> {
  await newChat(page);
  // Not openConversation: its seeded last message is no longer last once a round has added a turn.
  await page.getByRole('button', { name: conversation.title }).first().click();
  await page.getByRole('heading', { name: conversation.title }).first().waitFor();
  await sendAndWaitForStream(page);
  await page.evaluate(() => ((window as unknown as { typing: TypingSamples }).typing = { updated: [], painted: [] }));
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.focus();
  await page.keyboard.type('the quick brown fox jumps over', { delay: 40 });
  await page.waitForTimeout(200);
  const samples = await page.evaluate(() => (window as unknown as { typing: TypingSamples }).typing);
  await composer.fill('');
  await stopStream(page);
  return samples;
}

/** Main-thread time per animation frame while the streamed reply is 1–6 KB long, and while it is 44–50 KB long. */
async function streamingFrameCost(page: Page): Promise<{ early: number; late: number }> {
  const meter = await startFrameMeter(page);
  await sendAndWaitForStream(page);
  const samples: (FrameSample & { length: number })[] = [];
  const deadline = Date.now() + 90_000;
  // Polled in the page with a plain selector: a Playwright role query computes every button's accessible name, work
  // that grows with the reply and would be counted as the page's own.
  while (Date.now() < deadline) {
    const frame = await meter.sample();
    const state = await page.evaluate(() => {
      const articles = document.querySelectorAll('article');
      return {
        // Stop stands where Send was while the reply streams.
        streaming: Array.from(document.querySelectorAll('[data-testid="composer"] button')).some(
          (button) => button.textContent === 'Stop',
        ),
        length: articles[articles.length - 1]?.textContent?.length ?? 0,
      };
    });
    if (!state.streaming) break;
    samples.push({ ...frame, length: state.length });
    await page.waitForTimeout(100);
  }
  await meter.stop();
  await stopStream(page);
  // The page shows the text without its Markdown marks, so "50 KB" is the last 5 KB of what it showed.
  const shown = samples.at(-1)?.length ?? 0;
  const between = (from: number, to: number) => perFrame(samples.filter((s) => s.length >= from && s.length <= to));
  return { early: between(1_000, 6_000), late: between(shown - 5_000, shown) };
}

async function heapAfterOpening(browser: Browser, url: string, conversation: SeededConversation): Promise<number> {
  const page = await newBenchPage(browser);
  await page.goto(url);
  await page.getByRole('button', { name: conversation.title }).first().waitFor();
  await openConversation(page, conversation);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await page.close();
  return usedSize / 1024 / 1024;
}

export const benchSections = ['open', 'typing', 'streaming', 'heap'] as const;
export type BenchSection = (typeof benchSections)[number];

export async function chatUi(
  report: (line: string) => void,
  sections: readonly BenchSection[] = benchSections,
): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
  }
  const profileDir = mkdtempSync(join(tmpdir(), 'sb-bench-ui-'));
  // Typing and streaming add turns to the conversations they use, so each has its own: the sections that open a
  // conversation and wait for its seeded last message (open, heap) then find it whatever ran before them.
  const typingWarmUp = seedLongConversation(profileDir, 10, 'Typing warm-up');
  // One pair for every typing round: each round adds a stopped turn, so the short one ends at 26 messages.
  const typingPair = {
    long: seedLongConversation(profileDir, 10_000, 'Typing in a long conversation'),
    short: seedLongConversation(profileDir, 10, 'Typing in a short conversation'),
  };
  const streamed = Array.from({ length: streamRounds }, (_, i) =>
    seedLongConversation(profileDir, 10, `Streaming conversation ${i + 1}`),
  );
  // Seeded last, so they head the sidebar for the sections that open them (open, heap), which run before the others.
  const long = seedLongConversation(profileDir, 10_000, 'Long conversation');
  const short = seedLongConversation(profileDir, 10, 'Short conversation');

  let reply: PacedReply = { text: longMarkdown(20_000), chunkChars: 40, intervalMs: 20 };
  const core = createCore(
    readCoreConfig({
      SWITCHBOARD_PROFILE_DIR: profileDir,
      SWITCHBOARD_SECRET_STORE: 'memory',
      OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1',
    }),
    { logger: silent, transport: 'web', fetch: pacedFetch(() => reply) },
  );
  await core.keys.save({ key: `sk-or-v1-${'0'.repeat(64)}`, skipValidation: true });
  const host = await startWebHost({ router: createRouter(core, silent), logger: silent, staticDir: rendererDir });
  const browser = await chromium.launch({
    executablePath: chromiumExecutable,
    args: chromiumArgs,
  });

  const openPage = async (conversation: SeededConversation) => {
    const page = await newBenchPage(browser);
    await page.goto(host.url);
    await page.getByRole('button', { name: conversation.title }).first().waitFor({ timeout: 30_000 });
    return page;
  };
  const wanted = (section: BenchSection) => sections.includes(section);

  try {
    if (wanted('open')) {
      // Opening: a 10,000-message conversation against a 10-message one, from a new chat each time.
      const page = await openPage(long);
      const openShort: number[] = [];
      const openLong: number[] = [];
      await openConversation(page, short);
      await openConversation(page, long);
      for (let i = 0; i < rounds; i++) {
        await newChat(page);
        openShort.push(await openConversation(page, short));
        await newChat(page);
        openLong.push(await openConversation(page, long));
      }
      reportSamples(report, {
        name: 'open a conversation: click → last message painted (10,000 messages vs. 10)',
        unit: 'ms',
        baseline: openShort,
        candidate: openLong,
      });
      await page.close();
    }

    if (wanted('heap')) {
      // Memory: the page's JS heap after garbage collection with each conversation open, in a fresh page.
      const heapShort = await heapAfterOpening(browser, host.url, short);
      const heapLong = await heapAfterOpening(browser, host.url, long);
      reportSamples(report, {
        name: 'renderer JS heap with the conversation open (10,000 messages vs. 10)',
        unit: 'MB',
        baseline: [heapShort],
        candidate: [heapLong],
      });
    }

    if (wanted('typing')) {
      // Typing while a reply streams: in the 10,000-message conversation against the 10-message one.
      reply = { text: longMarkdown(20_000), chunkChars: 40, intervalMs: 20 };
      const page = await openPage(typingWarmUp);
      await installTypingProbe(page);
      // The page's first stream and keys run cold code; measured first, they made the baseline the slower side.
      await typingLatencies(page, typingWarmUp);
      const inShort: TypingSamples = { updated: [], painted: [] };
      const inLong: TypingSamples = { updated: [], painted: [] };
      for (let round = 0; round < typingRounds; round++) {
        const pair = typingPair;
        const short = await typingLatencies(page, pair.short);
        const long = await typingLatencies(page, pair.long);
        inShort.updated.push(...short.updated);
        inShort.painted.push(...short.painted);
        inLong.updated.push(...long.updated);
        inLong.painted.push(...long.painted);
      }
      reportSamples(report, {
        name: 'typing while a reply streams: keystroke → composer updated (10,000 messages vs. 10)',
        unit: 'ms',
        baseline: inShort.updated,
        candidate: inLong.updated,
        statistic: 'p95',
      });
      reportSamples(report, {
        name: '  … and → next frame painted (adds the wait for the display’s next frame, up to 16.7 ms)',
        unit: 'ms',
        baseline: inShort.painted,
        candidate: inLong.painted,
        statistic: 'p95',
      });
      await page.close();
    }

    if (wanted('streaming')) {
      // Streaming a 50 KB Markdown reply: main-thread time per animation frame late in the reply against early.
      // Each round streams into a fresh page and its own 10-message conversation, so rounds are alike.
      reply = { text: longMarkdown(52_000), chunkChars: 60, intervalMs: 8 };
      const early: number[] = [];
      const late: number[] = [];
      for (const conversation of streamed) {
        const page = await openPage(conversation);
        await openConversation(page, conversation);
        const frames = await streamingFrameCost(page);
        early.push(frames.early);
        late.push(frames.late);
        await page.close();
      }
      reportSamples(report, {
        name: 'streaming a 50 KB Markdown reply: main-thread time per animation frame (last 5 KB vs. 1–6 KB)',
        unit: 'ms',
        baseline: early,
        candidate: late,
      });
    }
  } finally {
    await browser.close();
    await host.close();
    core.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
