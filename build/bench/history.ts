// Benchmark section `history`: a 100,000-message history (2,000 conversations of 50 messages) written through the
// core's own repositories, then the three reads history needs — search, the sidebar list, opening a conversation's last
// page — each next to the naive way in the same run.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { historyFileName } from '../../electron/core/core';
import { ConversationRepo } from '../../electron/core/db/conversation-repo';
import { DraftRepo } from '../../electron/core/db/draft-repo';
import { MessageRepo } from '../../electron/core/db/message-repo';
import { openDatabase } from '../../electron/core/db/open-database';
import { SearchRepo } from '../../electron/core/db/search-repo';
import { LibraryService } from '../../electron/core/library-service';
import { reportSamples } from './measure';

const conversationCount = 2_000;
const messagesPerConversation = 50;
const words =
  'the quick brown fox jumps over a lazy dog while tokens from many models stream in and costs add up slowly'.split(
    ' ',
  );

/** Replies of ~600 characters: common words everywhere, plus a topic and a model word shared by fewer messages. */
function content(conversation: number, message: number): string {
  let text = '';
  for (let k = 0; k < 90; k++) text += `${words[(conversation * 13 + message * 7 + k) % words.length]} `;
  return `${text}topic${(conversation * 31 + message) % 997} model${conversation % 40} ${message % 10 === 0 ? '编程和学习' : ''}`;
}

function seed(db: Database): string[] {
  const conversations = new ConversationRepo(db);
  const messages = new MessageRepo(db);
  const ids: string[] = [];
  db.transaction(() => {
    for (let c = 0; c < conversationCount; c++) {
      const { id } = conversations.create({ title: `Conversation ${c}`, model: `vendor/model-${c % 40}` });
      ids.push(id);
      for (let m = 0; m < messagesPerConversation; m += 2) {
        messages.insertUser({ conversationId: id, content: content(c, m), model: `vendor/model-${c % 40}` });
        const reply = messages.createAssistant({ conversationId: id, model: `vendor/model-${c % 40}` });
        messages.finalize(reply.id, {
          status: 'complete',
          content: content(c, m + 1),
          reasoning: null,
          model: `vendor/model-${c % 40}`,
          provider: null,
          generationId: null,
          finishReason: 'stop',
          usage: null,
          error: null,
        });
      }
    }
  })();
  return ids;
}

/** Timings of `work(item)` for every item, `rounds` times over, in milliseconds. */
function sample<T>(items: readonly T[], rounds: number, work: (item: T) => unknown): number[] {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      const start = performance.now();
      work(item);
      times.push(performance.now() - start);
    }
  }
  return times;
}

/** Typed as a person searches: a word in every message, a phrase, a rare word, a prefix mid-word, CJK, an emoji. */
const queries = ['the', 'quick brown', 'topic42', 'lazy do', 'costs add up', 'model17 fox', '编程', 'emoji 🚀'];

export async function history(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-history-'));
  const file = join(dir, historyFileName);
  const db = openDatabase(file);
  try {
    const seeding = performance.now();
    const ids = seed(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    print(
      `history: ${conversationCount * messagesPerConversation} messages in ${conversationCount} conversations, ` +
        `${(statSync(file).size / 1024 / 1024).toFixed(0)} MB, seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    const search = new SearchRepo(db);
    const conversations = new ConversationRepo(db);
    const messages = new MessageRepo(db);
    const library = new LibraryService(conversations, messages, messages.threads, new DraftRepo(db), search);

    const like = db.prepare<[string], { id: string }>(
      "SELECT id FROM messages WHERE content LIKE ? ESCAPE '\\' ORDER BY row_id DESC LIMIT 50",
    );
    const rankedAll = db.prepare<[string], { id: string }>(
      `SELECT m.id FROM messages_fts JOIN messages m ON m.row_id = messages_fts.rowid
       WHERE messages_fts MATCH ? ORDER BY rank LIMIT 50`,
    );
    const phrase = (q: string) => `"${q.replaceAll('"', '""')}"`;
    const rounds = 5;
    reportSamples(print, {
      name: `search, p95 over ${queries.length} queries × ${rounds}: as shipped vs. LIKE '%…%' (target < 20 ms)`,
      unit: 'ms',
      statistic: 'p95',
      baseline: sample(queries, rounds, (q) => like.all(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)),
      candidate: sample(queries, rounds, (q) => search.search({ query: q })),
    });
    const wordQueries = queries.filter((q) => /^[\w ]+$/.test(q));
    reportSamples(print, {
      name: `search, p95 over the ${wordQueries.length} word queries: as shipped vs. ranking every match (ORDER BY rank before LIMIT)`,
      unit: 'ms',
      statistic: 'p95',
      baseline: sample(wordQueries, rounds, (q) => rankedAll.all(phrase(q))),
      candidate: sample(wordQueries, rounds, (q) => search.search({ query: q })),
    });

    const naiveList = db.prepare(
      `SELECT c.id, c.title, c.model, max(m.created_at) AS last FROM conversations c
       LEFT JOIN messages m ON m.conversation_id = c.id GROUP BY c.id ORDER BY last DESC`,
    );
    reportSamples(print, {
      name: `sidebar list of ${conversationCount} conversations: as shipped vs. ordering by each one's newest message (target < 10 ms)`,
      unit: 'ms',
      statistic: 'median',
      baseline: sample([0], 15, () => naiveList.all()),
      candidate: sample([0], 15, () => library.list()),
    });

    const some = ids.filter((_, i) => i % 97 === 0);
    reportSamples(print, {
      name: `opening a conversation: its last page of 50 messages (walking the thread) vs. reading it whole, p95 (target < 5 ms)`,
      unit: 'ms',
      statistic: 'p95',
      baseline: sample(some, 5, (id) => messages.listForConversation(id)),
      candidate: sample(some, 5, (id) => library.get(id)),
    });

    // What a streamed reply costs the index: checkpoints write nothing to it any more, the final text once.
    const wal = () => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const [first] = ids;
    const reply = messages.createAssistant({ conversationId: first ?? '', model: null });
    const chunk = 'Streaming words arrive a few at a time and are saved every half second. '.repeat(10);
    let text = '';
    for (let i = 0; text.length < 50_000; i++) {
      text += chunk;
      messages.checkpoint(reply.id, text, null);
    }
    const checkpoints = wal();
    messages.finalize(reply.id, {
      status: 'complete',
      content: text,
      reasoning: null,
      model: null,
      provider: null,
      generationId: null,
      finishReason: 'stop',
      usage: null,
      error: null,
    });
    print(
      `a 50 KB reply checkpointed ${Math.ceil(50_000 / chunk.length)} times wrote ${(checkpoints / 1024 / 1024).toFixed(2)} MB to the WAL; ` +
        `finalising (indexing it once) brought that to ${(wal() / 1024 / 1024).toFixed(2)} MB`,
    );
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
