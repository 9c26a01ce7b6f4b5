// Benchmark: a compare in Chromium through the web host, against a fake whose models answer after a fixed latency
// each — the page's main-thread time per animation frame while four columns stream 50 KB Markdown replies at once,
// against the same compare with one column streaming alone (with the reader at the top, as a compare opens, and
// following the columns' ends); and each column's time to its first token painted, against that model streaming
// alone in an ordinary conversation. Profiles are seeded through the core's own repositories.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type Page, chromium } from '@playwright/test';
import { CompareRepo } from '../../electron/core/compare/compare-repo';
import { readCoreConfig } from '../../electron/core/config';
import { createCore, historyFileName } from '../../electron/core/core';
import { ConversationRepo } from '../../electron/core/db/conversation-repo';
import { openDatabase } from '../../electron/core/db/open-database';
import type { Logger } from '../../electron/core/logger';
import { createRouter } from '../../electron/core/router';
import { startWebHost } from '../../electron/web/server';
import { chromiumArgs, chromiumExecutable } from '../../e2e/support/chromium';
import { type SeededConversation, seedLongConversation } from '../../e2e/support/seed-history';
import { type FrameSample, perFrame, startFrameMeter } from './frame-meter';
import { reportSamples } from './measure';
import { type PacedReply, longMarkdown, pacedFetch } from './paced-openrouter';

const projectRoot = resolve(import.meta.dirname, '../..');
const rendererDir = join(projectRoot, 'out/renderer');
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
/** Rounds of each kind; every round streams into a fresh page so the rounds are alike. */
const rounds = 3;

/** Four models, each with its own fixed time to first token, so a slow one could be seen delaying a fast one. */
const latencyMs: Record<string, number> = {
  'bench/fast': 100,
  'bench/quick': 200,
  'bench/steady': 300,
  'bench/slow': 400,
};
const models = Object.keys(latencyMs);
const fiftyKb = longMarkdown(52_000);
/** A reply is past its first 2 KB this long after its first text: 60 characters every 8 ms, with a margin. */
const pastFirstTwoKbMs = 400;
const streamed = (model: string): PacedReply => ({
  text: fiftyKb,
  chunkChars: 60,
  intervalMs: 8,
  latencyMs: latencyMs[model] ?? 0,
});
/** The other columns of the "one column streaming" compare answer at once in one short line. */
const brief = (model: string): PacedReply => ({
  text: 'A short answer.',
  chunkChars: 60,
  intervalMs: 8,
  latencyMs: latencyMs[model] ?? 0,
});

/** Seeds a compare of `models` (empty columns, as a compare is created), through the core's own repositories. */
function seedCompare(profileDir: string, title: string): string {
  const db = openDatabase(join(profileDir, historyFileName));
  try {
    const conversations = new ConversationRepo(db);
    return db.transaction(() => {
      const columns = models.map((model) => ({ conversationId: conversations.create({ title, model }).id, model }));
      return new CompareRepo(db).create(title, columns).title;
    })();
  } finally {
    db.close();
  }
}

/** See chat-ui.ts: tsx's keepNames wraps functions in `__name`, which must exist in the page too. */
async function newBenchPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.goto(url);
  return page;
}

/** Clicks the sidebar entry whose text starts with `title`, found through the sidebar's filter (the list is virtualised). */
async function openFromSidebar(page: Page, title: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Filter conversations' }).fill(title);
  await page.getByRole('button', { name: title }).first().waitFor({ timeout: 30_000 });
  await page.evaluate((wanted) => {
    const button = Array.from(document.querySelectorAll('button')).find((b) =>
      b.textContent?.trim().startsWith(wanted),
    );
    if (!button) throw new Error(`no sidebar entry "${wanted}"`);
    button.click();
  }, title);
}

/**
 * Clicks `sendLabel` and resolves, in the page, with the time from the click to the first frame painted after each
 * root's streaming reply first shows text (roots: the compare's column regions, or the whole page).
 */
async function sendAndTimeFirstTokens(page: Page, sendLabel: string, roots: string[] | null): Promise<number[]> {
  return page.evaluate(
    async ({ sendLabel, roots }) => {
      // A page just opened is still warming up in its idle time (highlighting grammars, highlight.ts): a person
      // sends later than that, so the click waits until the page has been idle for ten idle periods in a row.
      await new Promise<void>((settled) => {
        let calm = 0;
        const cap = performance.now() + 5_000;
        const check = (deadline: IdleDeadline) => {
          calm = deadline.timeRemaining() >= 45 ? calm + 1 : 0;
          if (calm >= 10 || performance.now() > cap) settled();
          else requestIdleCallback(check);
        };
        requestIdleCallback(check);
      });
      const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === sendLabel);
      if (!button) throw new Error(`no "${sendLabel}" button`);
      const scopes = roots ?? [null];
      const scope = (label: string | null): ParentNode | null =>
        label === null ? document : document.querySelector(`section[aria-label="${label}"]`);
      const hasText = (label: string | null) =>
        (scope(label)?.querySelector('article[aria-busy="true"] [data-testid="markdown"]')?.textContent ?? '') !== '';
      const start = performance.now();
      const times = scopes.map(
        (label) =>
          new Promise<number>((resolve, fail) => {
            const timeout = setTimeout(() => fail(new Error(`${label ?? 'the reply'} never showed text`)), 30_000);
            // The mutation that brings the text lands in a frame's work; the next frame's start follows its paint.
            const settle = () => {
              clearTimeout(timeout);
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
            };
            const watcher = new MutationObserver(() => {
              if (!hasText(label)) return;
              watcher.disconnect();
              settle();
            });
            watcher.observe(document.body, { childList: true, subtree: true, characterData: true });
          }),
      );
      button.click();
      return Promise.all(times);
    },
    { sendLabel, roots },
  );
}

/**
 * Where the reader is while the columns stream: at the top, as a compare opens (it does not follow its columns), so
 * text growing below sight is not drawn until scrolled to; or following, the columns scrolled to their end in every
 * frame, so a column is drawn whenever its end is within reach below sight (use-end-in-sight.ts), and the ends of
 * shorter columns are above sight, where text added would be seen.
 */
type Reader = 'at the top' | 'following';
/** Runs in the page: scrolls the columns to their end in every frame (found afresh, in case React replaced them). */
const followEnd = () => {
  const follow = () => {
    const scroller = document.querySelector('[data-columns]');
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
    requestAnimationFrame(follow);
  };
  requestAnimationFrame(follow);
};

/**
 * The page's own main-thread time per animation frame while `expected` replies stream at once, each past its first
 * 2 KB (frame-meter.ts leaves the probes' own DevTools commands out). Called once every streaming reply showed its
 * first text; the replies' progress is reckoned from the fake's pace, not read from the page: a column whose end is
 * below sight is not drawn while it streams, so its text on the page says nothing about how far it is.
 */
async function frameCostWhileStreaming(page: Page, expected: number, reader: Reader): Promise<number> {
  const meter = await startFrameMeter(page);
  const samples: FrameSample[] = [];
  const deadline = Date.now() + 120_000;
  const pastStart = Date.now() + pastFirstTwoKbMs;
  if (reader === 'following') await page.evaluate(followEnd);
  for (;;) {
    const frame = await meter.sample();
    const busy = await page.locator('article[aria-busy="true"]').count();
    if (busy === 0 || Date.now() > deadline) break;
    if (busy === expected && Date.now() >= pastStart) samples.push(frame);
    await page.waitForTimeout(100);
  }
  await meter.stop();
  return perFrame(samples);
}

async function waitUntilIdle(page: Page, sendLabel: string): Promise<void> {
  await page.getByRole('button', { name: sendLabel, exact: true }).waitFor({ timeout: 120_000 });
}

export async function compareBench(report: (line: string) => void): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
  }
  const profileDir = mkdtempSync(join(tmpdir(), 'sb-bench-compare-'));
  const alone: SeededConversation[][] = Array.from({ length: rounds }, (_, round) =>
    models.map((model) => seedLongConversation(profileDir, 2, `Alone ${model} round ${round + 1}`, model)),
  );
  const warmUp = seedCompare(profileDir, 'Warm-up compare');
  const oneStreaming = Array.from({ length: rounds }, (_, i) => seedCompare(profileDir, `One column streams ${i + 1}`));
  const fourStreaming = Array.from({ length: rounds }, (_, i) =>
    seedCompare(profileDir, `Four columns stream ${i + 1}`),
  );
  const oneFollowed = Array.from({ length: rounds }, (_, i) => seedCompare(profileDir, `One column followed ${i + 1}`));
  const fourFollowed = Array.from({ length: rounds }, (_, i) =>
    seedCompare(profileDir, `Four columns followed ${i + 1}`),
  );

  /** Which models stream 50 KB; the others answer in a line. */
  let streaming = new Set(models);
  const core = createCore(
    readCoreConfig({
      SWITCHBOARD_PROFILE_DIR: profileDir,
      SWITCHBOARD_SECRET_STORE: 'memory',
      OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1',
    }),
    {
      logger: silent,
      transport: 'web',
      fetch: pacedFetch((model) => (streaming.has(model) ? streamed(model) : brief(model))),
    },
  );
  await core.keys.save({ key: `sk-or-v1-${'0'.repeat(64)}`, skipValidation: true });
  const host = await startWebHost({ router: createRouter(core, silent), logger: silent, staticDir: rendererDir });
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });

  /** Opens the compare, sends one message to every column; answers with each column's time to first token. */
  const compareRound = async (title: string, expected: number, reader: Reader = 'at the top') => {
    const page = await newBenchPage(browser, host.url);
    await openFromSidebar(page, title);
    await page
      .getByRole('region', { name: /^Column: / })
      .nth(models.length - 1)
      .waitFor();
    await page.getByRole('textbox', { name: 'Message to every column' }).fill('Write me a long answer');
    // Only a streaming column's first text is timed: a one-line answer is finished before it is ever drawn live.
    const labels = models.filter((model) => streaming.has(model)).map((model) => `Column: ${model}`);
    const firstTokens = await sendAndTimeFirstTokens(page, 'Send to all', labels).catch(async (error: unknown) => {
      await page.screenshot({ path: join(tmpdir(), 'sb-bench-compare-failed.png') });
      throw error;
    });
    const frame = await frameCostWhileStreaming(page, expected, reader);
    await waitUntilIdle(page, 'Send to all');
    await page.close();
    return { firstTokens, frame };
  };

  try {
    const aloneFirst: number[][] = models.map(() => []);
    const inCompareFirst: number[][] = models.map(() => []);
    const oneFrame: number[] = [];
    const fourFrame: number[] = [];
    const oneFollowedFrame: number[] = [];
    const fourFollowedFrame: number[] = [];
    // Warm-up: the browser's first compare runs cold code; not counted.
    streaming = new Set(models);
    await compareRound(warmUp, models.length);
    for (let round = 0; round < rounds; round++) {
      // Each model alone, in an ordinary conversation: send, time the first token, stop.
      streaming = new Set(models);
      const page = await newBenchPage(browser, host.url);
      for (const [index, conversation] of (alone[round] ?? []).entries()) {
        await openFromSidebar(page, conversation.title);
        await page.getByText(conversation.lastMarker).waitFor();
        await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Write me a long answer');
        const [first] = await sendAndTimeFirstTokens(page, 'Send', null);
        aloneFirst[index]?.push(first ?? NaN);
        await page.getByRole('button', { name: 'Stop', exact: true }).click();
        await waitUntilIdle(page, 'Send');
      }
      await page.close();

      streaming = new Set(models.slice(0, 1));
      oneFrame.push((await compareRound(oneStreaming[round] ?? '', 1)).frame);

      streaming = new Set(models);
      const four = await compareRound(fourStreaming[round] ?? '', models.length);
      fourFrame.push(four.frame);
      four.firstTokens.forEach((time, index) => inCompareFirst[index]?.push(time));

      streaming = new Set(models.slice(0, 1));
      oneFollowedFrame.push((await compareRound(oneFollowed[round] ?? '', 1, 'following')).frame);
      streaming = new Set(models);
      fourFollowedFrame.push((await compareRound(fourFollowed[round] ?? '', models.length, 'following')).frame);
    }

    reportSamples(report, {
      name: 'compare: main-thread time per animation frame, four columns streaming 50 KB at once (vs. one column alone)',
      unit: 'ms',
      baseline: oneFrame,
      candidate: fourFrame,
    });
    reportSamples(report, {
      name: 'compare: the same, the reader following the columns’ ends (scrolled to the end in every frame)',
      unit: 'ms',
      baseline: oneFollowedFrame,
      candidate: fourFollowedFrame,
    });
    for (const [index, model] of models.entries()) {
      const base = median(aloneFirst[index] ?? []);
      const cand = median(inCompareFirst[index] ?? []);
      report(
        `compare: time to first token painted, ${model} (fake latency ${latencyMs[model]} ms), in a four-column compare (vs. alone)`,
      );
      report(
        `  baseline ${base.toFixed(2)} ms   measured ${cand.toFixed(2)} ms   difference ${cand - base >= 0 ? '+' : ''}${(cand - base).toFixed(2)} ms   (median of ${rounds})`,
      );
    }
  } finally {
    await browser.close();
    await host.close();
    core.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
