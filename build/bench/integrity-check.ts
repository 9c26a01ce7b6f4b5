// Benchmark: the start-up integrity check (`PRAGMA quick_check`) on a 100,000-message history, against the same
// check at 1,000 messages, and — as the core runs it, in a worker thread — against opening the file without it.
// Both histories are written through the core's own repositories, so pages, indexes and FTS look like real use.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationRepo } from '../../electron/core/db/conversation-repo';
import { checkIntegrity, checkIntegritySync } from '../../electron/core/db/integrity-check';
import { MessageRepo } from '../../electron/core/db/message-repo';
import { openDatabase } from '../../electron/core/db/open-database';
import type { Measurement } from './measure';

const turnsPerConversation = 25;
const words = 'the quick brown fox jumps over a lazy dog while tokens from many models stream in'.split(' ');

/** `messages` rows: a question and an answer of ~600 characters per turn, 50 messages per conversation. */
function writeHistory(file: string, messageCount: number): void {
  const db = openDatabase(file);
  const conversations = new ConversationRepo(db);
  const messages = new MessageRepo(db);
  const turns = messageCount / 2;
  db.exec('BEGIN');
  let conversationId = '';
  for (let t = 0; t < turns; t++) {
    if (t % turnsPerConversation === 0) {
      conversationId = conversations.create({ title: `Conversation ${t}`, model: 'openai/gpt-4o' }).id;
    }
    messages.insertUser({
      conversationId,
      content: `question ${t}: ${words.slice(0, 5 + (t % 10)).join(' ')}`,
      model: null,
    });
    const answer = messages.createAssistant({ conversationId, model: null });
    let text = '';
    for (let k = 0; k < 110; k++) text += `${words[(t * 7 + k) % words.length]} `;
    messages.finalize(answer.id, {
      status: 'complete',
      content: `${text}${t}`,
      reasoning: null,
      model: 'openai/gpt-4o',
      provider: null,
      generationId: null,
      finishReason: 'stop',
      usage: null,
      error: null,
    });
  }
  db.exec('COMMIT');
  db.close();
}

async function expectSound(file: string, inWorker = true): Promise<void> {
  const verdict = inWorker ? await checkIntegrity(file) : checkIntegritySync(file);
  if (verdict.kind !== 'ok') throw new Error(`benchmark history is not sound: ${JSON.stringify(verdict)}`);
}

export async function integrityCheck(measure: Measurement): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-integrity-'));
  const small = join(dir, 'small.sqlite3');
  const large = join(dir, 'large.sqlite3');
  try {
    writeHistory(small, 1_000);
    writeHistory(large, 100_000);
    const mb = (file: string) => (statSync(file).size / 1024 / 1024).toFixed(1);
    console.log(`integrity check: histories of 1,000 (${mb(small)} MB) and 100,000 messages (${mb(large)} MB)`);

    await measure({
      name: 'integrity check (quick_check alone, calling thread), 100,000 messages vs. 1,000 messages',
      unit: 'ms',
      baseline: () => expectSound(small, false),
      candidate: () => expectSound(large, false),
    });
    await measure({
      name: 'opening a 100,000-message history: the start-up check as shipped (worker thread) vs. no check',
      unit: 'ms',
      baseline: async () => openDatabase(large).close(),
      candidate: () => expectSound(large),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
