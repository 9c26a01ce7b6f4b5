// Benchmark section `sidebar`: the app starting in Chromium with 5,000 conversations in its history (written through
// the core's own repository, spread over 90 days so every date heading shows), as shipped — a virtualized list — and
// the naive way in the same run: the same renderer built with VITE_SIDEBAR_EVERY_ROW=1, which draws every row.
// Figures: navigation start → the sidebar's first rows painted, the longest main-thread task on the way there, and
// how many DOM nodes the page holds then.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { readCoreConfig } from '../../electron/core/config';
import { createCore, historyFileName } from '../../electron/core/core';
import { ConversationRepo } from '../../electron/core/db/conversation-repo';
import { openDatabase } from '../../electron/core/db/open-database';
import type { Logger } from '../../electron/core/logger';
import { createRouter } from '../../electron/core/router';
import { startWebHost } from '../../electron/web/server';
import { chromiumArgs, chromiumExecutable } from '../../e2e/support/chromium';
import { reportSamples } from './measure';

const projectRoot = resolve(import.meta.dirname, '../..');
const shippedRenderer = join(projectRoot, 'out/renderer');
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const conversationCount = 5_000;
const loadsPerRound = 4;
const rounds = 2;

const topics = ['Trip to', 'Refactor the', 'Recipe for', 'Explain', 'Draft an email about', 'Compare', 'Debug the'];
const things = ['Lisbon in May', 'billing service', 'lentil soup', 'SQLite WAL mode', 'the quarterly plan', 'GPUs'];

/** 5,000 conversations, newest first, one every ~26 minutes back over 90 days. */
function seedProfile(dir: string): void {
  const db = openDatabase(join(dir, historyFileName));
  const now = Date.now();
  let at = now;
  const conversations = new ConversationRepo(db, { now: () => at });
  db.transaction(() => {
    for (let c = 0; c < conversationCount; c++) {
      at = now - Math.round((c * 90 * 86_400_000) / conversationCount);
      const title = `${topics[c % topics.length]} ${things[(c * 5) % things.length]} (${c})`;
      conversations.create({ title, model: `vendor/model-${c % 40}` });
    }
  })();
  db.close();
}

async function startHost(profileDir: string, staticDir: string) {
  const core = createCore(
    readCoreConfig({
      SWITCHBOARD_PROFILE_DIR: profileDir,
      SWITCHBOARD_SECRET_STORE: 'memory',
      // Nothing listens there: the catalogue fetch fails at once and the sidebar does not need it.
      OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1',
    }),
    { logger: silent, transport: 'web' },
  );
  await core.keys.save({ key: `sk-or-v1-${'0'.repeat(64)}`, skipValidation: true });
  const host = await startWebHost({ router: createRouter(core, silent), logger: silent, staticDir });
  return {
    url: host.url,
    close: async () => {
      await host.close();
      core.close();
    },
  };
}

interface Load {
  paintedMs: number;
  longestTaskMs: number;
  nodes: number;
  sidebarNodes: number;
}

/** One cold page load: times from navigation start, in the page, to the frame that paints the first rows. */
async function loadOnce(browser: Browser, url: string): Promise<Load> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    const w = window as unknown as { sidebarPainted?: number; longestTask: number };
    w.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longestTask = Math.max(w.longestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    const watcher = new MutationObserver(() => {
      if (!document.querySelector('nav[aria-label="Conversations"] [role="listitem"] button')) return;
      watcher.disconnect();
      // The task after the next frame: the rows are painted by then.
      requestAnimationFrame(() => setTimeout(() => (w.sidebarPainted = performance.now()), 0));
    });
    document.addEventListener('DOMContentLoaded', () =>
      watcher.observe(document.body, { childList: true, subtree: true }),
    );
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { sidebarPainted?: number }).sidebarPainted !== undefined, {
    timeout: 60_000,
  });
  const load = await page.evaluate(() => {
    const w = window as unknown as { sidebarPainted: number; longestTask: number };
    return {
      paintedMs: w.sidebarPainted,
      longestTaskMs: w.longestTask,
      nodes: document.getElementsByTagName('*').length,
      sidebarNodes: document.querySelector('nav[aria-label="Conversations"]')?.getElementsByTagName('*').length ?? 0,
    };
  });
  await page.close();
  return load;
}

export async function sidebarBench(report: (line: string) => void): Promise<void> {
  if (!existsSync(join(shippedRenderer, 'index.html'))) {
    execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
  }
  const work = mkdtempSync(join(tmpdir(), 'sb-bench-sidebar-'));
  const naiveRenderer = join(work, 'renderer-every-row');
  execFileSync('npx', ['vite', 'build', 'renderer', '--logLevel', 'warn', '--outDir', naiveRenderer, '--emptyOutDir'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, VITE_SIDEBAR_EVERY_ROW: '1' },
  });
  // One history, copied: each host holds its own profile's lock.
  const shippedProfile = join(work, 'shipped');
  const naiveProfile = join(work, 'naive');
  mkdirSync(shippedProfile);
  mkdirSync(naiveProfile);
  seedProfile(shippedProfile);
  copyFileSync(join(shippedProfile, historyFileName), join(naiveProfile, historyFileName));

  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  const shipped = await startHost(shippedProfile, shippedRenderer);
  const naive = await startHost(naiveProfile, naiveRenderer);
  try {
    const shippedLoads: Load[] = [];
    const naiveLoads: Load[] = [];
    // A first load of each warms the disk cache and the host; then they alternate, so load weighs on both alike.
    await loadOnce(browser, shipped.url);
    await loadOnce(browser, naive.url);
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < loadsPerRound; i++) {
        shippedLoads.push(await loadOnce(browser, shipped.url));
        naiveLoads.push(await loadOnce(browser, naive.url));
      }
    }
    const figure = (name: string, pick: (load: Load) => number, unit: 'ms' | 'nodes' = 'ms') =>
      reportSamples(report, {
        name,
        unit,
        baseline: naiveLoads.map(pick),
        candidate: shippedLoads.map(pick),
      });
    figure(
      `sidebar, ${conversationCount.toLocaleString('en-US')} conversations: start-up → first rows painted (every row drawn vs. virtualized)`,
      (l) => l.paintedMs,
    );
    figure('  … longest main-thread task until then', (l) => l.longestTaskMs);
    figure('  … DOM nodes in the page', (l) => l.nodes, 'nodes');
    figure('  … DOM nodes in the sidebar', (l) => l.sidebarNodes, 'nodes');
  } finally {
    await browser.close();
    await shipped.close();
    await naive.close();
    rmSync(work, { recursive: true, force: true });
  }
}
