// Benchmark: export and import as the app runs them, each next to the naive way in the same run. Export: every
// conversation of a 100,000-message history (2,000 conversations of 50) as the JSON export, streamed to a file,
// against reading all messages in one query and writing one JSON.stringify of everything. Import: a 10,000-message
// export file into an empty profile (streamed, staged, applied in one transaction), against JSON.parse of the whole
// file and one INSERT per row in autocommit. Targets: both under 5 s.

import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from 'better-sqlite3';
import { ok } from '../../shared/result';
import { ConversationRepo } from '../../electron/core/db/conversation-repo';
import { MessageRepo } from '../../electron/core/db/message-repo';
import { openDatabase } from '../../electron/core/db/open-database';
import { PortabilityService } from '../../electron/core/portability/portability-service';
import type { Measurement } from './measure';

const words = 'the quick brown fox jumps over a lazy dog while tokens stream in and costs add up'.split(' ');
const text = (n: number, length: number) => {
  let out = '';
  for (let k = 0; out.length < length; k++) out += `${words[(n * 7 + k) % words.length]} `;
  return out.trim();
};

/** `conversations` conversations of `messagesEach` messages (question, answer with usage and cost, …). */
function seed(db: Database, conversations: number, messagesEach: number): void {
  const conversationRepo = new ConversationRepo(db);
  const messages = new MessageRepo(db);
  for (let start = 0; start < conversations; start += 100) {
    db.transaction(() => {
      for (let c = start; c < Math.min(start + 100, conversations); c++) {
        const id = conversationRepo.create({
          title: `Conversation ${c}: ${text(c, 30)}`,
          model: 'openai/gpt-4o-mini',
        }).id;
        for (let turn = 0; turn < messagesEach / 2; turn++) {
          messages.insertUser({ conversationId: id, content: `Question ${turn}: ${text(turn, 120)}?`, model: null });
          const answer = messages.createAssistant({ conversationId: id, model: 'openai/gpt-4o-mini' });
          messages.finalize(answer.id, {
            status: 'complete',
            content: `Answer ${turn}: ${text(turn + c, 600)}.`,
            reasoning: null,
            model: 'openai/gpt-4o-mini',
            provider: 'OpenAI',
            generationId: `gen-${c}-${turn}`,
            finishReason: 'stop',
            usage: {
              promptTokens: 120,
              completionTokens: 180,
              totalTokens: 300,
              reasoningTokens: null,
              cachedTokens: null,
              cacheWriteTokens: null,
              cacheDiscountUsd: null,
              costUsd: '0.000123',
              isByok: false,
              raw: { cost: 0.000123 },
            },
            error: null,
          });
        }
      }
    })();
  }
}

function service(file: string, db: Database): PortabilityService {
  return new PortabilityService({
    historyFile: file,
    appVersion: 'bench',
    fallbackModel: 'openai/gpt-4o-mini',
    history: async () => ok({ db, beforeWrite: () => {}, added: () => {} }),
  });
}

async function exportToFile(portability: PortabilityService, target: string): Promise<void> {
  const ticket = await portability.startExport({ format: 'json', conversationId: null });
  if (!ticket.ok) throw new Error(ticket.error.message);
  const opened = await portability.openExport(ticket.value.jobId);
  if (!opened) throw new Error('export not readable');
  await pipeline(Readable.from(opened.bytes), createWriteStream(target));
}

/** The naive export: everything in memory at once, one string, one write. */
function naiveExport(db: Database, target: string): void {
  const conversations = db.prepare('SELECT * FROM conversations').all() as { id: string }[];
  const messages = db.prepare('SELECT * FROM messages ORDER BY conversation_id, seq').all() as {
    conversation_id: string;
  }[];
  const byConversation = new Map<string, unknown[]>();
  for (const m of messages) {
    const list = byConversation.get(m.conversation_id) ?? [];
    list.push(m);
    byConversation.set(m.conversation_id, list);
  }
  writeFileSync(target, JSON.stringify(conversations.map((c) => ({ ...c, messages: byConversation.get(c.id) ?? [] }))));
}

/** The naive import: the whole file parsed at once, one autocommitted INSERT per row. */
function naiveImport(source: string, db: Database): void {
  const parsed = JSON.parse(readFileSync(source, 'utf8')) as {
    conversations: {
      id: string;
      title: string;
      model: string;
      createdAt: number;
      updatedAt: number;
      messages: {
        id: string;
        parentId: string | null;
        role: string;
        content: string;
        status: string;
        createdAt: number;
        updatedAt: number;
      }[];
    }[];
  };
  const insertConversation = db.prepare(
    'INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of parsed.conversations) {
    insertConversation.run(c.id, c.title, c.model, c.createdAt, c.updatedAt);
    c.messages.forEach((m, i) =>
      insertMessage.run(m.id, c.id, m.parentId, i + 1, m.role, m.content, m.status, m.createdAt, m.updatedAt),
    );
  }
}

/**
 * The same work's CPU time (user + system of this process), median of the rounds: on a machine shared with other
 * work, wall time mostly measures the queue for a core; CPU time is what the work itself costs.
 */
function cpuTimed(work: () => Promise<unknown>, samples: number[]): () => Promise<void> {
  return async () => {
    const start = process.cpuUsage();
    await work();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  };
}

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function reportCpu(baseline: number[], candidate: number[]): void {
  // The first sample of each is the warm-up.
  const b = medianOf(baseline.slice(1));
  const c = medianOf(candidate.slice(1));
  console.log(`  CPU time: baseline ${b.toFixed(0)} ms   measured ${c.toFixed(0)} ms   ratio ${(c / b).toFixed(2)}×`);
}

export async function portability(measure: Measurement): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-portability-'));
  let round = 0;
  const freshProfile = () => {
    const file = join(dir, `target-${round++}`, 'history.sqlite3');
    return { file, db: openDatabase(file) };
  };
  try {
    const large = join(dir, 'large', 'history.sqlite3');
    const largeDb = openDatabase(large);
    seed(largeDb, 2_000, 50);
    const small = join(dir, 'small', 'history.sqlite3');
    const smallDb = openDatabase(small);
    seed(smallDb, 200, 50);
    const importFile = join(dir, 'import.json');
    await exportToFile(service(small, smallDb), importFile);
    smallDb.close();
    const mb = (file: string) => (statSync(file).size / 1024 / 1024).toFixed(1);
    console.log(
      `portability: export of 100,000 messages in 2,000 conversations (${mb(large)} MB database); import of a 10,000-message file (${mb(importFile)} MB)`,
    );

    const largeService = service(large, largeDb);
    const exportCpu = { baseline: [] as number[], candidate: [] as number[] };
    await measure({
      name: 'export all (JSON, 100,000 messages): streamed as shipped vs. naive (all in memory, one stringify)',
      unit: 'ms',
      rounds: 3,
      baseline: cpuTimed(async () => naiveExport(largeDb, join(dir, 'naive-export.json')), exportCpu.baseline),
      candidate: cpuTimed(() => exportToFile(largeService, join(dir, 'export.json')), exportCpu.candidate),
    });
    reportCpu(exportCpu.baseline, exportCpu.candidate);
    console.log(`  export file ${mb(join(dir, 'export.json'))} MB`);

    const importCpu = { baseline: [] as number[], candidate: [] as number[] };
    await measure({
      name: 'import 10,000 messages into an empty profile: streamed + staged as shipped vs. naive (parse all, a commit per row)',
      unit: 'ms',
      rounds: 3,
      baseline: cpuTimed(async () => {
        const target = freshProfile();
        naiveImport(importFile, target.db);
        target.db.close();
      }, importCpu.baseline),
      candidate: cpuTimed(async () => {
        const target = freshProfile();
        const portabilityService = service(target.file, target.db);
        const job = portabilityService.startImport({ fileName: 'import.json', size: statSync(importFile).size });
        if (!job.ok) throw new Error(job.error.message);
        const result = await portabilityService.runImport(job.value.jobId, createReadStream(importFile));
        if (!result.ok || result.value.messages !== 10_000) throw new Error(`import failed: ${JSON.stringify(result)}`);
        target.db.close();
      }, importCpu.candidate),
    });
    reportCpu(importCpu.baseline, importCpu.candidate);
    largeDb.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
