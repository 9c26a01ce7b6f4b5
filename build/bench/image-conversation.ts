// Benchmark: opening a conversation of 200 questions that each carry a picture, against the same conversation with
// no pictures (issue 12: within 1.2×), in Chromium through the web host. Both are written through the core's own
// repositories and attachment store (200 different photos, so no thumbnail is served from the browser's cache of
// another); opening is timed from the click to the last message painted (paint-probe.ts), as `chat-ui` times it.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import sharp from 'sharp';
import type { Attachment } from '../../shared/attachments';
import { AttachmentStore, attachmentsFolderName } from '../../electron/core/attachments/attachment-store';
import { readCoreConfig } from '../../electron/core/config';
import { createCore, historyFileName } from '../../electron/core/core';
import { ConversationRepo } from '../../electron/core/db/conversation-repo';
import { MessageRepo } from '../../electron/core/db/message-repo';
import { openDatabase } from '../../electron/core/db/open-database';
import type { Logger } from '../../electron/core/logger';
import { createRouter } from '../../electron/core/router';
import { startWebHost } from '../../electron/web/server';
import { chromiumArgs, chromiumExecutable } from '../../e2e/support/chromium';
import { reportSamples } from './measure';
import { installPaintProbe, timeOpening } from './paint-probe';

const projectRoot = resolve(import.meta.dirname, '../..');
const rendererDir = join(projectRoot, 'out/renderer');
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const rounds = 5;
const turns = 200;

interface Seeded {
  title: string;
  marker: string;
}

/** A photo-like picture (a gradient with a colour of its own), 1600×1200, as a phone's smaller photos are. */
function photo(n: number): Promise<Buffer> {
  const width = 1600;
  const height = 1200;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      pixels[at] = (x + n * 37) & 0xff;
      pixels[at + 1] = (y + n * 11) & 0xff;
      pixels[at + 2] = (x ^ y ^ n) & 0xff;
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** 200 turns (question, answer); with `pictures`, each question carries its own photo. */
async function seed(profileDir: string, title: string, pictures: readonly Attachment[] | null): Promise<Seeded> {
  const db = openDatabase(join(profileDir, historyFileName));
  try {
    const conversations = new ConversationRepo(db);
    const messages = new MessageRepo(db);
    const marker = `end-of-${title.toLowerCase().replace(/\W+/g, '-')}`;
    db.transaction(() => {
      const id = conversations.create({ title, model: 'openai/gpt-4o' }).id;
      for (let turn = 0; turn < turns; turn++) {
        const picture = pictures?.[turn];
        messages.insertUser({
          conversationId: id,
          content: `What is in picture ${turn}?`,
          model: null,
          ...(picture ? { attachments: [picture] } : {}),
        });
        const answer = messages.createAssistant({ conversationId: id, model: 'openai/gpt-4o' });
        messages.finalize(answer.id, {
          status: 'complete',
          content: `Picture ${turn} shows a gradient of colours.${turn === turns - 1 ? ` ${marker}` : ''}`,
          reasoning: null,
          model: 'openai/gpt-4o',
          provider: 'OpenAI',
          generationId: null,
          finishReason: 'stop',
          usage: null,
          error: null,
        });
      }
    })();
    return { title, marker };
  } finally {
    db.close();
  }
}

async function storePhotos(profileDir: string): Promise<Attachment[]> {
  const db = openDatabase(join(profileDir, historyFileName));
  try {
    const repo = new MessageRepo(db).threads.attachments;
    const store = new AttachmentStore({ folder: join(profileDir, attachmentsFolderName), repo: async () => repo });
    const stored: Attachment[] = [];
    for (let n = 0; n < turns; n++) {
      const added = await store.add(`photo-${n}.jpg`, await photo(n));
      if (!added.ok) throw new Error(added.error.message);
      stored.push(added.value);
    }
    return stored;
  } finally {
    db.close();
  }
}

export async function imageConversationBench(report: (line: string) => void): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
  }
  const profileDir = mkdtempSync(join(tmpdir(), 'sb-bench-images-'));
  const pictures = await storePhotos(profileDir);
  const withPictures = await seed(profileDir, 'Two hundred pictures', pictures);
  const plain = await seed(profileDir, 'Two hundred questions', null);
  const core = createCore(
    readCoreConfig({
      SWITCHBOARD_PROFILE_DIR: profileDir,
      SWITCHBOARD_SECRET_STORE: 'memory',
      OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1',
    }),
    { logger: silent, transport: 'web' },
  );
  await core.keys.save({ key: `sk-or-v1-${'0'.repeat(64)}`, skipValidation: true });
  const host = await startWebHost({
    router: createRouter(core, silent),
    logger: silent,
    staticDir: rendererDir,
    attachments: core.attachments,
  });
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await installPaintProbe(page);
    await page.goto(host.url);
    await page.getByRole('button', { name: withPictures.title }).first().waitFor({ timeout: 30_000 });
    const open = (conversation: Seeded) => timeOpening(page, conversation.title, conversation.marker);
    const newChat = async () => {
      await page.getByRole('button', { name: 'New chat' }).click();
      await page.waitForTimeout(300);
    };
    // A first opening of each warms the page's code, and the browser's cache for the thumbnails on screen, as a
    // person's second look at a conversation would be; the figure is then about the page, not the first fetch.
    await open(plain);
    await newChat();
    await open(withPictures);
    const baseline: number[] = [];
    const candidate: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await newChat();
      baseline.push(await open(plain));
      await newChat();
      candidate.push(await open(withPictures));
    }
    // The thumbnails on screen do load (the page is not measured showing broken pictures).
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('article img')).some((img) => (img as HTMLImageElement).naturalWidth > 0),
      undefined,
      { timeout: 15_000 },
    );
    reportSamples(report, {
      name: `open a conversation: click → last message painted (${turns} questions with a picture each vs. none)`,
      unit: 'ms',
      baseline,
      candidate,
    });
    await page.close();
  } finally {
    await browser.close();
    await host.close();
    core.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
