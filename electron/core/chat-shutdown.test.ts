// Shutdown aborts the turns in flight and waits on `settled()` before closing the database: an aborted reply must be
// saved as stopped by then, not left streaming.

import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { ChatStreamEvent } from '../../shared/domain';
import { ChatService, type ChatStreamer } from './chat-service';
import { ConversationRepo } from './db/conversation-repo';
import { MessageRepo } from './db/message-repo';
import { openDatabase } from './db/open-database';
import { useTempDir } from './test-support/temp-dir';
import { pumpStream } from './stream-pump';

const tempDir = useTempDir();

/** Streams one delta, then waits until the request is aborted, as a slow model would. */
const slowStreamer: ChatStreamer = {
  getGeneration: async () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
  async *streamChat(_request, signal) {
    yield { type: 'delta', text: 'Half an answer' };
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    yield { type: 'error', error: { code: 'aborted', message: 'aborted' }, generationId: null };
  },
};

it('settled() waits until an aborted turn has saved its reply as stopped', async () => {
  const db = openDatabase(join(tempDir(), 'history.sqlite3'));
  const messages = new MessageRepo(db);
  const chat = new ChatService(new ConversationRepo(db), messages, slowStreamer);
  const controller = new AbortController();
  const seen: ChatStreamEvent[] = [];
  const silent = { info: () => {}, warn: () => {}, error: () => {} };
  const pumping = pumpStream(
    chat.send({ text: 'Tell me everything', model: 'openai/gpt-4o-mini' }, controller.signal),
    { event: (event) => seen.push(event), end: () => {} },
    silent,
    'chat:send',
  );
  await expect.poll(() => seen.some((event) => event.type === 'delta')).toBe(true);

  controller.abort();
  await chat.settled();
  const started = seen.find((event) => event.type === 'started');
  const replyId = started?.type === 'started' ? started.assistantMessage.id : '';
  const stored = messages.listForConversation(started?.type === 'started' ? started.conversation.id : '');
  expect(stored.find((m) => m.id === replyId)).toMatchObject({ status: 'stopped', content: 'Half an answer' });
  await pumping;
  db.close();
});

it('a turn whose consumer stopped listening still counts as finished once its reply is saved', async () => {
  const db = openDatabase(join(tempDir(), 'history.sqlite3'));
  const messages = new MessageRepo(db);
  const chat = new ChatService(new ConversationRepo(db), messages, slowStreamer);
  const controller = new AbortController();
  const silent = { info: () => {}, warn: () => {}, error: () => {} };
  let seen = 0;
  let conversationId = '';
  // The second event finds the receiving end gone (a closed port): the pump stops reading.
  const sink = {
    event: (event: ChatStreamEvent) => {
      if (event.type === 'started') conversationId = event.conversation.id;
      if (++seen === 2) throw new Error('port closed');
    },
    end: () => {},
  };
  await pumpStream(
    chat.send({ text: 'Hello', model: 'openai/gpt-4o-mini' }, controller.signal),
    sink,
    silent,
    'chat:send',
    { coalesceMs: 0 },
  );
  const timeout = new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), 1000));
  expect(await Promise.race([chat.settled().then(() => 'settled'), timeout])).toBe('settled');
  expect(messages.listForConversation(conversationId).at(-1)).toMatchObject({ status: 'stopped' });
  db.close();
});
