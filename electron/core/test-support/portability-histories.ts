// Test support (Node): real history files in a temp folder, a seeded random history with versions, usage and
// errors, and a portability service over a file — what the export/import tests share.

import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { ok } from '../../../shared/result';
import { ConversationRepo } from '../db/conversation-repo';
import { MessageRepo } from '../db/message-repo';
import { ThreadRepo } from '../db/thread-repo';
import { openDatabase } from '../db/open-database';
import { existsSync } from 'node:fs';
import { AttachmentStore } from '../attachments/attachment-store';
import { PortabilityService } from '../portability/portability-service';
import type { ImportLimits } from '../portability/import-limits';
import { defaultImportLimits } from '../portability/import-limits';

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const samples = [
  'Hello',
  'naïve café ☕',
  '日本語のテキスト',
  '👩‍💻 emoji',
  'line\nbreaks\n\n```ts\ncode\n```',
  '"quotes" \\ and \u0000?',
  '',
];

/** A random history: conversations with questions, replies, regenerated replies and edited questions. */
export function seedRandomHistory(db: Database, random: () => number, conversationsCount: number): void {
  let clock = 1_700_000_000_000;
  const now = () => (clock += Math.floor(random() * 1000) + 1);
  const conversations = new ConversationRepo(db, { now });
  const messages = new MessageRepo(db, { now });
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  for (let c = 0; c < conversationsCount; c++) {
    const conversation = conversations.create({
      title: `${pick(samples)} ${c}`,
      model: pick(['openai/gpt-4o', 'anthropic/claude-3.5-sonnet']),
    });
    if (random() < 0.3) conversations.setMaxOutput(conversation.id, 1000 + Math.floor(random() * 5000));
    if (random() < 0.25) conversations.setPinned(conversation.id, true);
    const turns = Math.floor(random() * 6);
    const asked: string[] = [];
    for (let t = 0; t < turns; t++) {
      const parentId = asked.length > 0 && random() < 0.2 ? pick(asked) : undefined;
      const question = messages.insertUser({
        conversationId: conversation.id,
        content: `${pick(samples)} q${t}`.trim(),
        model: null,
        parentId,
      });
      asked.push(question.id);
      const replies = random() < 0.3 ? 2 : 1;
      for (let r = 0; r < replies; r++) {
        const reply = messages.createAssistant({
          conversationId: conversation.id,
          model: 'openai/gpt-4o',
          parentId: question.id,
        });
        const failed = random() < 0.15;
        messages.finalize(reply.id, {
          status: failed ? 'error' : pick(['complete', 'complete', 'stopped'] as const),
          content: failed ? '' : `${pick(samples)} answer ${t}.${r}`,
          reasoning: random() < 0.3 ? 'Thinking about it.' : null,
          model: 'openai/gpt-4o-2024-08-06',
          provider: 'OpenAI',
          generationId: `gen-${c}-${t}-${r}`,
          finishReason: failed ? null : 'stop',
          usage: failed
            ? null
            : {
                promptTokens: Math.floor(random() * 1000),
                completionTokens: Math.floor(random() * 1000),
                totalTokens: Math.floor(random() * 2000),
                reasoningTokens: random() < 0.5 ? null : 12,
                cachedTokens: null,
                cacheWriteTokens: null,
                cacheDiscountUsd: null,
                // Exact to the picodollar: more digits than a double carries.
                costUsd: `0.${String(Math.floor(random() * 1e12)).padStart(12, '0')}`,
                isByok: random() < 0.5 ? null : false,
                raw: { cost: 0.001, nested: { list: [1, 2, 3] } },
              },
          error: failed ? { code: 'upstream_error', message: 'The provider failed.' } : null,
          firstTokenMs: failed ? null : 120.4,
          durationMs: failed ? null : 900,
          toolCalls: random() < 0.1 ? [{ id: 'call_1', name: 'search', arguments: '{"q":"x"}' }] : null,
        });
        // A failed reply whose charge OpenRouter never reported: shown with an estimate, marked as one.
        if (failed && random() < 0.5) messages.giveUpOnCost(reply.id, '0.000012345678901');
      }
    }
  }
}

export interface Profile {
  file: string;
  db: Database;
  service: PortabilityService;
  /** The profile's attachment store (its attachments/ folder), wired to the service as the core wires it. */
  files: AttachmentStore;
}

export function openProfile(dir: string, limits: ImportLimits = defaultImportLimits): Profile {
  const file = join(dir, 'history.sqlite3');
  const db = openDatabase(file);
  const threads = new ThreadRepo(db);
  const files = new AttachmentStore({ folder: join(dir, 'attachments'), repo: async () => threads.attachments });
  const service = new PortabilityService({
    historyFile: file,
    appVersion: '0.0.0-test',
    fallbackModel: 'openai/gpt-4o-mini',
    limits,
    history: async () => ok({ db, beforeWrite: () => {}, added: () => {} }),
    files: {
      has: (id) => existsSync(files.pathOf(id, 'original')),
      read: async (id) => (await files.read(id, 'original'))?.bytes ?? null,
      add: (name, bytes) => files.add(name, bytes),
    },
  });
  return { file, db, service, files };
}

export async function collect(bytes: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of bytes) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

/** Exports through the service as the transports do: start, then read the bytes. */
export async function exportBytes(
  profile: Profile,
  format: 'json' | 'markdown',
  conversationId: string | null = null,
  compareId: string | null = null,
): Promise<Buffer> {
  const ticket = await profile.service.startExport({ format, conversationId, compareId });
  if (!ticket.ok) throw new Error(ticket.error.message);
  const opened = await profile.service.openExport(ticket.value.jobId);
  if (!opened) throw new Error('export not readable');
  return collect(opened.bytes);
}

export async function* chunksOf(data: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

export async function importBytes(
  profile: Profile,
  data: Uint8Array | AsyncIterable<Uint8Array>,
  fileName = 'export.json',
  size: number | null = null,
) {
  const job = profile.service.startImport({
    fileName,
    size: size ?? (data instanceof Uint8Array ? data.length : null),
  });
  if (!job.ok) throw new Error(job.error.message);
  const result = await profile.service.runImport(job.value.jobId, data instanceof Uint8Array ? chunksOf(data) : data);
  return { result, jobId: job.value.jobId };
}

/** Every row of both tables, for "nothing changed" checks. */
export function dump(db: Database): unknown {
  return {
    conversations: db.prepare('SELECT * FROM conversations ORDER BY id').all(),
    messages: db.prepare('SELECT * FROM messages ORDER BY id').all(),
    ledger: db.prepare('SELECT * FROM spend_ledger ORDER BY id').all(),
    fts: db.prepare("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'answer'").get(),
  };
}
