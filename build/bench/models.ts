// Benchmark: the model palette over a 1,000-model catalogue. Per keystroke, the palette's fuzzy search (uFuzzy, with
// its filters and ordering) against a plain `includes` scan of the same catalogue; and opening the palette in Chromium
// (Ctrl+K → first row painted) with 1,000 models cached against 10.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Browser, chromium } from '@playwright/test';
import { readCoreConfig } from '../../electron/core/config';
import { createCore } from '../../electron/core/core';
import type { Logger } from '../../electron/core/logger';
import { openDatabase } from '../../electron/core/db/open-database';
import { ModelStore } from '../../electron/core/models/model-store';
import { mapModelEntries } from '../../electron/core/openrouter/models';
import type { JsonRecord } from '../../electron/core/openrouter/narrow';
import { createRouter } from '../../electron/core/router';
import { startWebHost } from '../../electron/web/server';
import { chromiumArgs, chromiumExecutable } from '../../e2e/support/chromium';
import { catalogue } from '../../e2e/fake-openrouter/catalogue';
import { noFilters, queryModels } from '../../renderer/src/features/models/model-query';
import type { ModelSummary } from '../../shared/domain';
import { reportSamples } from './measure';
import { installPaintProbe } from './paint-probe';

const projectRoot = resolve(import.meta.dirname, '../..');
const rendererDir = join(projectRoot, 'out/renderer');
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** What people type, one keystroke at a time: names, ids, providers, words, typos, words out of order. */
const typed = [
  'claude sonnet',
  'llama 70b',
  'free',
  'r1',
  'gpt-4o-mini',
  'sonet',
  'gemini flash',
  '70b llama',
  'qwen coder',
];
const keystrokes = typed.flatMap((query) => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)));
const searchRounds = 20;
const openRounds = 15;

/** The fake's realistic catalogue, repeated with distinct ids and names up to `count` raw entries. */
export function syntheticEntries(count: number): JsonRecord[] {
  const base = catalogue.map((entry) => entry.model);
  return Array.from({ length: count }, (_, i) => {
    const model = base[i % base.length] as (typeof base)[number];
    if (i < base.length) return { ...model } as unknown as JsonRecord;
    const round = Math.floor(i / base.length);
    return { ...model, id: `${model.id}-v${round}`, name: `${model.name} v${round}` } as unknown as JsonRecord;
  });
}

/** The naive scan: every word of the query in the lower-cased name or id. */
function includesScan(models: readonly ModelSummary[], query: string): ModelSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return models.filter((model) => {
    const haystack = `${model.id} ${model.name}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

function searchLatencies(models: readonly ModelSummary[]): { fuzzy: number[]; scan: number[] } {
  const fuzzy: number[] = [];
  const scan: number[] = [];
  const query = (text: string) =>
    queryModels(models, { query: text, filters: noFilters, sort: 'relevance', favorites: [], recents: [] });
  // Warm both up (JIT, and the palette's index, which the app builds once per catalogue).
  for (const text of keystrokes) {
    query(text);
    includesScan(models, text);
  }
  for (let round = 0; round < searchRounds; round++) {
    for (const text of keystrokes) {
      let start = performance.now();
      includesScan(models, text);
      scan.push(performance.now() - start);
      start = performance.now();
      query(text);
      fuzzy.push(performance.now() - start);
    }
  }
  return { fuzzy, scan };
}

async function startHostWithCatalogue(entries: JsonRecord[]) {
  const profileDir = mkdtempSync(join(tmpdir(), 'sb-bench-models-'));
  const db = openDatabase(join(profileDir, 'history.sqlite3'));
  // A fresh copy: the palette opens from the cache without fetching anything.
  new ModelStore(db).writeCatalogue({ fetchedAt: Date.now(), entries });
  db.close();
  const core = createCore(
    readCoreConfig({
      SWITCHBOARD_PROFILE_DIR: profileDir,
      SWITCHBOARD_SECRET_STORE: 'memory',
      OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1',
    }),
    { logger: silent, transport: 'web' },
  );
  await core.keys.save({ key: `sk-or-v1-${'0'.repeat(64)}`, skipValidation: true });
  const host = await startWebHost({ router: createRouter(core, silent), logger: silent, staticDir: rendererDir });
  return {
    url: host.url,
    close: async () => {
      await host.close();
      core.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Ctrl+K → the first option painted, timed in the page from the key event's own timestamp. */
async function paletteOpenTimes(browser: Browser, url: string): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await installPaintProbe(page);
  await page.goto(url);
  await page.getByRole('button', { name: /^Model: / }).waitFor({ timeout: 30_000 });
  // The catalogue is in the store once the header chip shows the model's price.
  await page
    .getByRole('button', { name: /^Model: / })
    .getByText(/\$|free/)
    .waitFor({ timeout: 30_000 });
  await page.evaluate(() => {
    const w = window as unknown as { openTimes: number[]; whenPainted(shown: () => boolean): Promise<number> };
    w.openTimes = [];
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'k' || !event.ctrlKey) return;
        const start = event.timeStamp;
        void w
          .whenPainted(() => document.querySelector('[role="listbox"] [role="option"]') !== null)
          .then((painted) => w.openTimes.push(painted - start));
      },
      true,
    );
  });
  const times: number[] = [];
  for (let i = 0; i < openRounds + 1; i++) {
    await page.keyboard.press('Control+k');
    await page.waitForFunction((n) => (window as unknown as { openTimes: number[] }).openTimes.length > n, i);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Choose a model' }).waitFor({ state: 'detached' });
    await page.waitForTimeout(100);
  }
  const all = await page.evaluate(() => (window as unknown as { openTimes: number[] }).openTimes);
  await page.close();
  // The first opening loads cold code; a person opens the palette many times a day.
  times.push(...all.slice(1));
  return times;
}

export async function modelsBench(report: (line: string) => void): Promise<void> {
  const thousand = mapModelEntries(syntheticEntries(1000));
  const search = searchLatencies(thousand);
  reportSamples(report, {
    name: `model search over ${thousand.length} models, per keystroke: uFuzzy with filters and order vs. a plain includes scan`,
    unit: 'ms',
    baseline: search.scan,
    candidate: search.fuzzy,
    statistic: 'p95',
  });

  if (!existsSync(join(rendererDir, 'index.html'))) {
    execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
  }
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  const small = await startHostWithCatalogue(syntheticEntries(10));
  const large = await startHostWithCatalogue(syntheticEntries(1000));
  try {
    const smallTimes: number[] = [];
    const largeTimes: number[] = [];
    // Alternate, so whatever else the machine does weighs on both alike.
    for (let i = 0; i < 2; i++) {
      smallTimes.push(...(await paletteOpenTimes(browser, small.url)));
      largeTimes.push(...(await paletteOpenTimes(browser, large.url)));
    }
    reportSamples(report, {
      name: 'open the model palette: Ctrl+K → first row painted (1,000 models cached vs. 10)',
      unit: 'ms',
      baseline: smallTimes,
      candidate: largeTimes,
    });
    reportSamples(report, {
      name: '  … p95',
      unit: 'ms',
      baseline: smallTimes,
      candidate: largeTimes,
      statistic: 'p95',
    });
  } finally {
    await browser.close();
    await small.close();
    await large.close();
  }
}
