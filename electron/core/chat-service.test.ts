import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ChatStreamEvent } from '../../shared/domain';
import { usageFixture } from '../../shared/test-support/domain-fixtures';
import { ChatService, type ChatStreamer } from './chat-service';
import { ConversationRepo } from './db/conversation-repo';
import { MessageRepo } from './db/message-repo';
import { openDatabase } from './db/open-database';
import { useTempDir } from './test-support/temp-dir';
import type { ChatRequest, UpstreamEvent } from './openrouter/types';

const tempDir = useTempDir();

const usage = usageFixture({
  promptTokens: 12,
  completionTokens: 7,
  totalTokens: 19,
  cachedTokens: 0,
  costUsd: '0.000006',
  isByok: false,
  raw: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19, cost: 0.000006 },
});

/** A scripted upstream: yields the given events, optionally waiting for abort at a marked point. */
function scripted(events: (UpstreamEvent | 'wait-for-abort')[]) {
  const requests: ChatRequest[] = [];
  const streamer: ChatStreamer = {
    getGeneration: async (id) => ({
      ok: true,
      value: {
        id,
        totalCostUsd: '0.0000123',
        promptTokens: 12,
        completionTokens: 3,
        reasoningTokens: null,
        cachedTokens: null,
        cacheWriteTokens: null,
        cacheDiscountUsd: null,
        cancelled: true,
        model: 'openai/gpt-4o-mini',
        provider: 'OpenAI',
        finishReason: null,
        isByok: false,
      },
    }),
    async *streamChat(request, signal) {
      requests.push(request);
      for (const event of events) {
        if (event === 'wait-for-abort') {
          if (!signal.aborted) {
            await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
          }
          yield { type: 'error', error: { code: 'aborted', message: 'aborted' }, generationId: 'gen-1' };
          return;
        }
        yield event;
      }
    },
  };
  return { streamer, requests };
}

function setUp(events: (UpstreamEvent | 'wait-for-abort')[], clock?: () => number) {
  const db = openDatabase(join(tempDir(), 'history.sqlite3'));
  const conversations = new ConversationRepo(db);
  const messages = new MessageRepo(db);
  const upstream = scripted(events);
  const service = new ChatService(conversations, messages, upstream.streamer, { now: clock });
  return { db, conversations, messages, service, requests: upstream.requests };
}

async function collect(stream: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

const started: UpstreamEvent = {
  type: 'started',
  generationId: 'gen-1',
  model: 'openai/gpt-4o-mini-2024',
  provider: 'OpenAI',
};

describe('ChatService.send', () => {
  it('persists the question first, streams the answer and finalizes it with usage and the resolved model', async () => {
    const { service, messages, requests } = setUp([
      started,
      { type: 'delta', text: 'Hel' },
      { type: 'delta', text: 'lo' },
      { type: 'finish', finishReason: 'stop', nativeFinishReason: 'stop' },
      { type: 'usage', usage },
      { type: 'done', finishReason: 'stop', generationId: 'gen-1' },
    ]);
    const events = await collect(
      service.send({ text: 'Hi there', model: 'openai/gpt-4o-mini' }, new AbortController().signal),
    );

    expect(events.map((e) => e.type)).toEqual(['started', 'delta', 'delta', 'usage', 'done']);
    const first = events[0] as Extract<ChatStreamEvent, { type: 'started' }>;
    expect(first.conversation.title).toBe('Hi there');
    expect(requests[0]?.messages).toEqual([{ role: 'user', content: 'Hi there' }]);

    const stored = messages.listForConversation(first.conversation.id);
    expect(stored.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'Hi there', 'complete'],
      ['assistant', 'Hello', 'complete'],
    ]);
    expect(stored[1]).toMatchObject({
      model: 'openai/gpt-4o-mini-2024',
      provider: 'OpenAI',
      generationId: 'gen-1',
      finishReason: 'stop',
    });
    expect(stored[1]?.usage?.costUsd).toBe('0.000006');
    expect((events[4] as Extract<ChatStreamEvent, { type: 'done' }>).message.content).toBe('Hello');
  });

  it('sends the earlier turns as context, leaving out failed empty answers and the question they left unanswered', async () => {
    const { service, messages, conversations, requests } = setUp([
      started,
      { type: 'delta', text: 'ok' },
      { type: 'done', finishReason: 'stop', generationId: null },
    ]);
    const conversation = conversations.create({ title: 'x', model: 'openai/gpt-4o-mini' });
    messages.insertUser({ conversationId: conversation.id, content: 'first', model: null });
    const failed = messages.createAssistant({ conversationId: conversation.id, model: null });
    messages.finalize(failed.id, {
      status: 'error',
      content: '',
      reasoning: null,
      model: null,
      provider: null,
      generationId: null,
      finishReason: null,
      usage: null,
      error: { code: 'upstream_error', message: 'x' },
    });
    messages.insertUser({ conversationId: conversation.id, content: 'second', model: null });
    const answered = messages.createAssistant({ conversationId: conversation.id, model: null });
    messages.finalize(answered.id, {
      status: 'complete',
      content: 'answer two',
      reasoning: null,
      model: null,
      provider: null,
      generationId: null,
      finishReason: 'stop',
      usage: null,
      error: null,
    });

    const events = await collect(
      service.send(
        { conversationId: conversation.id, text: 'third', model: 'anthropic/claude-sonnet-4.5' },
        new AbortController().signal,
      ),
    );
    expect(events.at(-1)?.type).toBe('done');
    // A history written before versions existed (a failed turn, then the question asked again in line) must
    // still never put two user messages in a row upstream.
    // (An Anthropic model: the answer before the question carries a cache breakpoint, chat/request-settings.ts.)
    expect(requests[0]?.messages).toEqual([
      { role: 'user', content: 'second' },
      { role: 'assistant', content: [{ type: 'text', text: 'answer two', cache_control: { type: 'ephemeral' } }] },
      { role: 'user', content: 'third' },
    ]);
    expect(conversations.get(conversation.id)?.model).toBe('anthropic/claude-sonnet-4.5');
  });

  it('keeps the partial answer as stopped when the turn is aborted', async () => {
    const { service, messages } = setUp([started, { type: 'delta', text: 'Partial an' }, 'wait-for-abort']);
    const controller = new AbortController();
    const events: ChatStreamEvent[] = [];
    for await (const event of service.send({ text: 'Long story', model: 'openai/gpt-4o-mini' }, controller.signal)) {
      events.push(event);
      if (event.type === 'delta') controller.abort();
    }
    const last = events.at(-1) as Extract<ChatStreamEvent, { type: 'done' }>;
    expect(last.type).toBe('done');
    expect(last.message).toMatchObject({ status: 'stopped', content: 'Partial an' });
    expect(messages.get(last.message.id)?.status).toBe('stopped');
  });

  it('fills in what a stopped turn cost from the generation record', async () => {
    const { service, messages } = setUp([started, { type: 'delta', text: 'Partial' }, 'wait-for-abort']);
    const controller = new AbortController();
    let messageId = '';
    for await (const event of service.send({ text: 'q', model: 'openai/gpt-4o-mini' }, controller.signal)) {
      if (event.type === 'delta') controller.abort();
      if (event.type === 'done') messageId = event.message.id;
    }
    await service.settled();
    const stored = messages.get(messageId);
    expect(stored?.status).toBe('stopped');
    expect(stored?.usage).toMatchObject({
      promptTokens: 12,
      completionTokens: 3,
      totalTokens: 15,
      costUsd: '0.0000123',
    });
  });

  it('records a mid-stream failure with the text received so far and the error', async () => {
    const { service, messages } = setUp([
      started,
      { type: 'delta', text: 'Half' },
      {
        type: 'error',
        error: { code: 'upstream_error', message: 'Together failed', status: 502 },
        generationId: 'gen-1',
      },
    ]);
    const events = await collect(
      service.send({ text: 'q', model: 'openai/gpt-4o-mini' }, new AbortController().signal),
    );
    const last = events.at(-1) as Extract<ChatStreamEvent, { type: 'error' }>;
    expect(last.type).toBe('error');
    expect(last.error.code).toBe('upstream_error');
    expect(last.message).toMatchObject({ status: 'error', content: 'Half' });
    expect(messages.get(last.message!.id)?.error?.message).toBe('Together failed');
  });

  it('checkpoints the growing answer at most once per interval, not per token', async () => {
    let now = 0;
    const deltas: UpstreamEvent[] = Array.from({ length: 100 }, () => ({ type: 'delta', text: 'x' }) as const);
    const { service, messages, db } = setUp(
      [started, ...deltas, { type: 'done', finishReason: 'stop', generationId: null }],
      () => now,
    );
    const writes: string[] = [];
    const checkpoint = messages.checkpoint.bind(messages);
    messages.checkpoint = (id, content, reasoning) => {
      writes.push(content);
      return checkpoint(id, content, reasoning);
    };
    for await (const event of service.send({ text: 'q', model: 'openai/gpt-4o-mini' }, new AbortController().signal)) {
      if (event.type === 'delta') now += 50; // 100 deltas over 5 s of clock
    }
    expect(writes.length).toBeGreaterThanOrEqual(9);
    expect(writes.length).toBeLessThanOrEqual(10);
    expect(writes.every((text, i) => i === 0 || text.length > writes[i - 1]!.length)).toBe(true);
    db.close();
  });

  it('answers a missing conversation with not_found and writes nothing', async () => {
    const { service, conversations } = setUp([]);
    const events = await collect(
      service.send({ conversationId: 'nope', text: 'q', model: 'openai/gpt-4o-mini' }, new AbortController().signal),
    );
    expect(events).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'not_found' }), message: null }]);
    expect(conversations.list()).toEqual([]);
  });
});

describe('ChatService when the disk is full', () => {
  const full = () => new BetterSqlite3.SqliteError('database or disk is full', 'SQLITE_FULL');

  /** Every write of the answer fails as SQLite does on a full disk, until `free()` is called. */
  function fillDisk(messages: MessageRepo) {
    let isFull = true;
    const attempts = { checkpoint: 0, finalize: 0 };
    const checkpoint = messages.checkpoint.bind(messages);
    const finalize = messages.finalize.bind(messages);
    messages.checkpoint = (...args) => {
      attempts.checkpoint++;
      if (isFull) throw full();
      return checkpoint(...args);
    };
    messages.finalize = (...args) => {
      attempts.finalize++;
      if (isFull) throw full();
      return finalize(...args);
    };
    return { attempts, free: () => (isFull = false) };
  }

  it('keeps streaming, warns once while streaming and again when the final save fails, and ends with the whole reply', async () => {
    let now = 0;
    const deltas: UpstreamEvent[] = Array.from({ length: 20 }, (_, i) => ({ type: 'delta', text: `part${i} ` }));
    const { service, messages } = setUp(
      [started, ...deltas, { type: 'usage', usage }, { type: 'done', finishReason: 'stop', generationId: 'gen-1' }],
      () => now,
    );
    const disk = fillDisk(messages);
    const events: ChatStreamEvent[] = [];
    for await (const event of service.send({ text: 'q', model: 'openai/gpt-4o-mini' }, new AbortController().signal)) {
      events.push(event);
      if (event.type === 'delta') now += 200;
    }

    const expected = deltas.map((d) => (d.type === 'delta' ? d.text : '')).join('');
    expect(disk.attempts.checkpoint).toBeGreaterThan(1);
    expect(events.filter((e) => e.type === 'delta')).toHaveLength(20);
    const warnings = events.filter((e) => e.type === 'storage-warning');
    // One during the stream, one when the final save is refused as well.
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({
      error: { code: 'storage_error', message: expect.stringMatching(/disk is full/) },
    });
    const last = events.at(-1);
    expect(last?.type).toBe('done');
    if (last?.type !== 'done') return;
    expect(last.message).toMatchObject({ status: 'complete', content: expected, usage: { costUsd: '0.000006' } });
    expect(messages.get(last.message.id)).toMatchObject({ status: 'streaming', content: '' });
  });

  it('saves the kept reply on the next write attempt once there is room, with its cost in the ledger', async () => {
    const { service, messages, db } = setUp([
      started,
      { type: 'delta', text: 'Kept in memory' },
      { type: 'usage', usage },
      { type: 'done', finishReason: 'stop', generationId: 'gen-1' },
    ]);
    const disk = fillDisk(messages);
    const first = await collect(service.send({ text: 'q', model: 'openai/gpt-4o-mini' }, new AbortController().signal));
    const done = first.at(-1) as Extract<ChatStreamEvent, { type: 'done' }>;
    expect(service.saveUnsavedReplies()).toBe(1);

    disk.free();
    const second = await collect(
      service.send(
        { conversationId: done.message.conversationId, text: 'again', model: 'openai/gpt-4o-mini' },
        new AbortController().signal,
      ),
    );
    expect(second.some((e) => e.type === 'storage-warning')).toBe(false);
    expect(messages.get(done.message.id)).toMatchObject({ status: 'complete', content: 'Kept in memory' });
    expect(db.prepare('SELECT count(*) FROM spend_ledger').pluck().get()).toBe(2);
    expect(service.saveUnsavedReplies()).toBe(0);
  });

  it('retries the final save on a timer, without waiting for another message', async () => {
    const { conversations, messages } = setUp([]);
    const upstream = scripted([
      started,
      { type: 'delta', text: 'Saved by the timer' },
      { type: 'done', finishReason: 'stop', generationId: null },
    ]);
    const service = new ChatService(conversations, messages, upstream.streamer, { retrySaveIntervalMs: 20 });
    const disk = fillDisk(messages);
    const events = await collect(
      service.send({ text: 'q', model: 'openai/gpt-4o-mini' }, new AbortController().signal),
    );
    const done = events.at(-1) as Extract<ChatStreamEvent, { type: 'done' }>;
    const tries = disk.attempts.finalize;
    // Waits for the timer's next try (not a fixed sleep, which a busy machine can outlast before the timer fires).
    await expect.poll(() => disk.attempts.finalize, { timeout: 2000 }).toBeGreaterThan(tries);
    expect(messages.get(done.message.id)?.status).toBe('streaming');

    disk.free();
    await expect.poll(() => messages.get(done.message.id)?.status, { timeout: 2000 }).toBe('complete');
    expect(messages.get(done.message.id)?.content).toBe('Saved by the timer');
    service.close();
  });
});
