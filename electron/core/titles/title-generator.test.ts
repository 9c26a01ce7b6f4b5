import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatStreamEvent, Message, Usage } from '../../../shared/domain';
import { messageFixture, usageFixture } from '../../../shared/test-support/domain-fixtures';
import { ChatService, type ChatStreamer } from '../chat-service';
import { openDatabase } from '../db/open-database';
import { useTempDir } from '../test-support/temp-dir';
import { libraryHarness } from '../test-support/library-harness';
import { ModelStore } from '../models/model-store';
import type { ChatRequest, UpstreamEvent } from '../openrouter/types';
import { TitleGenerator, cleanTitle, defaultTitleModel, titlePrompt } from './title-generator';

const tempDir = useTempDir();
const silent = { info: () => {}, warn: () => {}, error: () => {} };

const usage = (cost: string | null): Usage =>
  usageFixture({ promptTokens: 120, completionTokens: 6, totalTokens: 126, costUsd: cost, isByok: false });

type Script = UpstreamEvent[] | 'wait-for-abort';

/** The chat model answers every question; the title model follows `title` (events, or hangs until aborted). */
function upstream(title: Script) {
  const requests: ChatRequest[] = [];
  let release: () => void = () => {};
  const titleAsked = new Promise<void>((resolve) => (release = resolve));
  const streamer: ChatStreamer = {
    getGeneration: async (id) => ({
      ok: true,
      value: {
        id,
        totalCostUsd: '0.000031',
        promptTokens: 118,
        completionTokens: 5,
        reasoningTokens: null,
        cachedTokens: null,
        cacheWriteTokens: null,
        cacheDiscountUsd: null,
        cancelled: false,
        model: defaultTitleModel,
        provider: 'OpenAI',
        finishReason: 'stop',
        isByok: false,
      },
    }),
    async *streamChat(request, signal) {
      requests.push(request);
      if (request.model !== defaultTitleModel) {
        yield { type: 'started', generationId: `gen-reply-${requests.length}`, model: request.model, provider: 'P' };
        yield { type: 'delta', text: 'Lisbon in May is warm; pack light clothes.' };
        yield { type: 'usage', usage: usage('0.0002') };
        yield { type: 'done', finishReason: 'stop', generationId: `gen-reply-${requests.length}` };
        return;
      }
      release();
      if (title === 'wait-for-abort') {
        yield { type: 'started', generationId: 'gen-title', model: request.model, provider: 'OpenAI' };
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        yield { type: 'error', error: { code: 'aborted', message: 'aborted' }, generationId: 'gen-title' };
        return;
      }
      yield* title;
    },
  };
  return { streamer, requests, titleAsked };
}

const titleAnswer = (text: string, cost: string | null = '0.000028'): UpstreamEvent[] => [
  { type: 'started', generationId: 'gen-title', model: defaultTitleModel, provider: 'OpenAI' },
  { type: 'delta', text },
  { type: 'usage', usage: usage(cost) },
  { type: 'done', finishReason: 'stop', generationId: 'gen-title' },
];

const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** The core's wiring (core.ts), on a real history file. */
function setUp(script: Script, enabled = true) {
  const { db, conversations, messages, library, events } = libraryHarness(join(tempDir(), 'history.sqlite3'));
  open.push(db);
  const store = new ModelStore(db);
  store.setGeneratedTitles(enabled);
  const up = upstream(script);
  const chat = new ChatService(conversations, messages, up.streamer);
  const titles = new TitleGenerator({
    streamer: up.streamer,
    enabled: () => store.generatedTitles(),
    findMessage: (conversationId, id) => messages.threads.find(conversationId, id),
    currentTitle: (id) => conversations.get(id)?.title ?? null,
    rename: (id, text) => void library.rename(id, text),
    recordSpend: (owner, spent, provider) => void messages.recordOrphanSpend(owner, spent, provider),
    logger: silent,
  });
  /** One turn as the core runs it: the reply, then (on `done`) the title. */
  const send = async (text: string, conversationId?: string) => {
    let done: Message | null = null;
    let id = conversationId ?? null;
    for await (const event of chat.send(
      { conversationId, text, model: 'openai/gpt-4o-mini' },
      new AbortController().signal,
    ) as AsyncIterable<ChatStreamEvent>) {
      if (event.type === 'started') id = event.conversation.id;
      if (event.type === 'done') done = event.message;
    }
    if (done) titles.afterReply(id!, done);
    return id!;
  };
  const ledger = () =>
    db.prepare('SELECT message_id, conversation_id, generation_id, model, provider, cost_pico FROM spend_ledger').all();
  const title = (id: string) => conversations.get(id)?.title;

  return { db, store, titles, library, send, events, ledger, title, requests: up.requests, titleAsked: up.titleAsked };
}

describe('generated titles', () => {
  it('are off by default: no request, the derived title stays', async () => {
    const db = openDatabase(join(tempDir(), 'history.sqlite3'));
    open.push(db);
    expect(new ModelStore(db).generatedTitles()).toBe(false);

    const t = setUp(titleAnswer('Packing for Lisbon'), false);
    const id = await t.send('What should I pack for a trip to Lisbon in May?');
    await t.titles.idle();
    expect(t.requests.map((r) => r.model)).toEqual(['openai/gpt-4o-mini']);
    expect(t.title(id)).toBe('What should I pack for a trip to Lisbon in May?');
  });

  it('after the first reply, ask the cheap model, rename in every window and bill the ledger, not a message', async () => {
    const t = setUp(titleAnswer('"Packing for Lisbon."'));
    const id = await t.send('What should I pack for a trip to Lisbon in May?');
    await t.titles.idle();

    const asked = t.requests[1]!;
    expect(asked.model).toBe(defaultTitleModel);
    expect(asked.maxTokens).toBeLessThanOrEqual(32);
    expect(asked.messages[0]).toEqual({ role: 'system', content: titlePrompt });
    expect(asked.messages[1]!.content).toContain('What should I pack for a trip to Lisbon in May?');
    expect(asked.messages[1]!.content).toContain('Lisbon in May is warm');

    expect(t.title(id)).toBe('Packing for Lisbon');
    // Announced like a rename by hand, so every window shows it.
    const last = t.events.at(-1);
    expect(last).toMatchObject({ type: 'changed', conversation: { id, title: 'Packing for Lisbon' } });

    expect(t.ledger()).toEqual([
      expect.objectContaining({ message_id: expect.any(String), generation_id: 'gen-reply-1' }),
      {
        message_id: null,
        conversation_id: id,
        generation_id: 'gen-title',
        model: defaultTitleModel,
        provider: 'OpenAI',
        cost_pico: 28_000_000,
      },
    ]);
    // Never a message: the conversation holds the question and the reply only.
    expect(t.db.prepare('SELECT role, content FROM messages').all()).toHaveLength(2);
  });

  it('asks only once: later replies and other conversations already named leave titles alone', async () => {
    const t = setUp(titleAnswer('Packing for Lisbon'));
    const id = await t.send('What should I pack for a trip to Lisbon in May?');
    await t.titles.idle();
    await t.send('And for Porto?', id);
    await t.titles.idle();
    expect(t.requests.map((r) => r.model)).toEqual(['openai/gpt-4o-mini', defaultTitleModel, 'openai/gpt-4o-mini']);
  });

  it('a rename by the person while the model answers wins; the request is still billed', async () => {
    const t = setUp('wait-for-abort');
    const id = await t.send('What should I pack for a trip to Lisbon in May?');
    await t.titleAsked;
    t.library.rename(id, 'Lisbon trip');
    t.titles.close();
    await t.titles.idle();
    expect(t.title(id)).toBe('Lisbon trip');

    const u = setUp(titleAnswer('Packing for Lisbon'));
    const other = await u.send('What should I pack for a trip to Lisbon in May?');
    u.library.rename(other, 'My own name'); // before the answer is read: the check at writing time sees it
    await u.titles.idle();
    expect(u.title(other)).toBe('My own name');
    expect(u.ledger()).toHaveLength(2);
  });

  it('a conversation renamed before its first reply is never asked about', async () => {
    const t = setUp(titleAnswer('Packing for Lisbon'));
    const conversation = t.library.create({ model: 'openai/gpt-4o-mini', title: 'Trip planning' });
    if (!conversation.ok) throw new Error('create failed');
    await t.send('What should I pack for a trip to Lisbon in May?', conversation.value.id);
    await t.titles.idle();
    expect(t.requests.map((r) => r.model)).toEqual(['openai/gpt-4o-mini']);
    expect(t.title(conversation.value.id)).toBe('Trip planning');
  });

  it.each([
    [
      'an upstream error',
      [
        { type: 'started', generationId: 'gen-title', model: defaultTitleModel, provider: 'OpenAI' },
        { type: 'error', error: { code: 'upstream_error', message: 'Provider returned error' }, generationId: null },
      ] as UpstreamEvent[],
      1,
    ],
    ['an empty answer', titleAnswer('  \n '), 1],
    [
      'no generation at all (offline)',
      [{ type: 'error', error: { code: 'offline', message: 'offline' }, generationId: null }] as UpstreamEvent[],
      0,
    ],
  ])('fail silently on %s: the derived title stays, what was billed is recorded', async (_name, script, billed) => {
    const t = setUp(script);
    const id = await t.send('What should I pack for a trip to Lisbon in May?');
    await t.titles.idle();
    expect(t.title(id)).toBe('What should I pack for a trip to Lisbon in May?');
    expect(t.ledger().filter((row) => (row as { message_id: unknown }).message_id === null)).toHaveLength(billed);
    expect(t.events.some((e) => e.type === 'changed' && e.conversation.title !== t.title(id))).toBe(false);
  });

  it('takes the cost from OpenRouter’s generation record when the stream carried none', async () => {
    const t = setUp(titleAnswer('Packing for Lisbon', null));
    const id = await t.send('What should I pack for a trip to Lisbon in May?');
    await t.titles.idle();
    expect(t.title(id)).toBe('Packing for Lisbon');
    expect(t.ledger().at(-1)).toMatchObject({ message_id: null, generation_id: 'gen-title', cost_pico: 31_000_000 });
  });

  it('does not ask after a reply that failed', async () => {
    const t = setUp(titleAnswer('Packing for Lisbon'));
    const failed = messageFixture({
      id: 'r',
      conversationId: 'c',
      content: 'partial',
      status: 'error',
      model: null,
      createdAt: 1,
      parentId: 'q',
    });
    t.titles.afterReply('c', failed);
    await t.titles.idle();
    expect(t.requests).toHaveLength(0);
  });
});

describe('cleanTitle', () => {
  it.each([
    ['Packing for Lisbon', 'Packing for Lisbon'],
    ['"Packing for Lisbon."', 'Packing for Lisbon'],
    ['Title: Packing for Lisbon', 'Packing for Lisbon'],
    ['**Title:** “Packing for Lisbon”', 'Packing for Lisbon'],
    ['# Packing for Lisbon\nHere is why…', 'Packing for Lisbon'],
    ['\n\n  旅行の準備。 ', '旅行の準備'],
    ['Tab\tand\u0007bell', 'Tab and bell'],
    ['   ', null],
    ['""', null],
  ])('%j → %j', (raw, expected) => {
    expect(cleanTitle(raw)).toBe(expected);
  });

  it('caps a long answer at 80 characters', () => {
    const title = cleanTitle('word '.repeat(40))!;
    expect(Array.from(title)).toHaveLength(80);
    expect(title.endsWith('…')).toBe(true);
  });
});
