import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usageFixture } from '../../../shared/test-support/domain-fixtures';
import { ConversationRepo } from './conversation-repo';
import { type FinalizeInput, type LedgerParams, MessageRepo } from './message-repo';
import { openDatabase } from './open-database';
import { failureOf } from '../test-support/app-failure';

const usage = usageFixture({
  promptTokens: 12,
  completionTokens: 30,
  totalTokens: 42,
  reasoningTokens: 5,
  cachedTokens: 2,
  costUsd: '0.00042',
  isByok: false,
  raw: { prompt_tokens: 12, completion_tokens: 30, cost: 0.00042, cost_details: { upstream_inference_cost: null } },
});

const done = (over: Partial<FinalizeInput> = {}): FinalizeInput => ({
  status: 'complete',
  content: 'Paris is the capital of France.',
  reasoning: 'The user asks a geography question.',
  model: 'openai/gpt-4o-2024-08-06',
  provider: 'OpenAI',
  generationId: 'gen-123',
  finishReason: 'stop',
  usage,
  error: null,
  ...over,
});

type LedgerRow = Omit<LedgerParams, 'now'>;

describe('MessageRepo', () => {
  let db: Database;
  let clock: number;
  let conversations: ConversationRepo;
  let messages: MessageRepo;
  let conversationId: string;

  const ledger = () =>
    db
      .prepare(
        'SELECT message_id, conversation_id, generation_id, model, cost_pico, prompt_tokens, completion_tokens FROM spend_ledger ORDER BY id',
      )
      .all() as LedgerRow[];

  beforeEach(() => {
    db = openDatabase(':memory:');
    clock = 1_000;
    conversations = new ConversationRepo(db, { now: () => clock });
    messages = new MessageRepo(db, { now: () => clock });
    conversationId = conversations.create({ title: 'Geography', model: 'openai/gpt-4o' }).id;
  });
  afterEach(() => db.close());

  it('keeps a turn from question to finished answer, with usage and a ledger row', () => {
    clock = 2_000;
    const question = messages.insertUser({ conversationId, content: 'Capital of France?', model: 'openai/gpt-4o' });
    expect(question).toMatchObject({
      role: 'user',
      status: 'complete',
      content: 'Capital of France?',
      usage: null,
      error: null,
    });
    expect(conversations.get(conversationId)?.updatedAt).toBe(2_000);

    clock = 3_000;
    const answer = messages.createAssistant({ conversationId, model: 'openai/gpt-4o' });
    expect(answer).toMatchObject({
      role: 'assistant',
      status: 'streaming',
      content: '',
      reasoning: null,
      createdAt: 3_000,
    });
    expect(conversations.get(conversationId)?.updatedAt).toBe(3_000);

    expect(messages.checkpoint(answer.id, 'Paris is', 'The user asks')).toBe(true);
    expect(messages.get(answer.id)).toMatchObject({
      content: 'Paris is',
      reasoning: 'The user asks',
      status: 'streaming',
    });

    const final = messages.finalize(answer.id, done());
    expect(final).toEqual({
      id: answer.id,
      conversationId,
      role: 'assistant',
      content: 'Paris is the capital of France.',
      reasoning: 'The user asks a geography question.',
      status: 'complete',
      model: 'openai/gpt-4o-2024-08-06',
      provider: 'OpenAI',
      generationId: 'gen-123',
      finishReason: 'stop',
      costStatus: null,
      estimatedCostUsd: null,
      usage,
      sentSettings: null,
      requestedModel: 'openai/gpt-4o',
      fallbackFrom: null,
      citations: null,
      error: null,
      createdAt: 3_000,
      parentId: question.id,
      versionIds: [answer.id],
      firstTokenMs: null,
      durationMs: null,
      toolCalls: null,
      attachments: [],
    });
    expect(question.parentId).toBeNull();
    expect(messages.currentLeaf(conversationId)).toBe(answer.id);
    expect(messages.listForConversation(conversationId)).toEqual([question, final]);
    expect(ledger()).toEqual([
      {
        message_id: answer.id,
        conversation_id: conversationId,
        generation_id: 'gen-123',
        model: 'openai/gpt-4o-2024-08-06',
        cost_pico: 420_000_000,
        prompt_tokens: 12,
        completion_tokens: 30,
      },
    ]);
  });

  it('orders messages by their place in the conversation', () => {
    const ids = ['one', 'two', 'three', 'four'].map((content, i) =>
      i % 2 === 0
        ? messages.insertUser({ conversationId, content, model: null }).id
        : messages.createAssistant({ conversationId, model: null }).id,
    );
    const other = conversations.create({ title: 'Other', model: 'm/x' }).id;
    messages.insertUser({ conversationId: other, content: 'elsewhere', model: null });
    expect(messages.listForConversation(conversationId).map((m) => m.id)).toEqual(ids);
    expect(
      db.prepare('SELECT seq FROM messages WHERE conversation_id = ? ORDER BY seq').pluck().all(conversationId),
    ).toEqual([1, 2, 3, 4]);
  });

  it('stores an error outcome and rebuilds the AppError; no cost means no ledger row', () => {
    const answer = messages.createAssistant({ conversationId, model: 'openai/gpt-4o' });
    const failed = messages.finalize(
      answer.id,
      done({
        status: 'error',
        content: 'Paris',
        usage: null,
        finishReason: null,
        error: { code: 'rate_limited', message: 'Too many requests; try again in 20 s.', retryAfterSeconds: 20 },
      }),
    );
    expect(failed.status).toBe('error');
    expect(failed.usage).toBeNull();
    expect(failed.error).toEqual({ code: 'rate_limited', message: 'Too many requests; try again in 20 s.' });

    const free = messages.createAssistant({ conversationId, model: 'm/free' });
    const freeDone = messages.finalize(
      free.id,
      done({ usage: { ...usage, costUsd: null, isByok: null, reasoningTokens: null } }),
    );
    expect(freeDone.usage).toMatchObject({ costUsd: null, isByok: null, reasoningTokens: null, promptTokens: 12 });
    expect(ledger()).toEqual([]);
  });

  it('maps an unknown stored error code to internal rather than dropping the error', () => {
    const answer = messages.createAssistant({ conversationId, model: null });
    messages.finalize(
      answer.id,
      done({ status: 'error', usage: null, error: { code: 'offline', message: 'No network.' } }),
    );
    db.prepare("UPDATE messages SET error_code = 'some_future_code' WHERE id = ?").run(answer.id);
    expect(messages.get(answer.id)?.error).toEqual({ code: 'internal', message: 'No network.' });
  });

  it('lets the first outcome win: late checkpoints and second finalizes change nothing and never charge twice', () => {
    const answer = messages.createAssistant({ conversationId, model: 'openai/gpt-4o' });
    const final = messages.finalize(answer.id, done());
    expect(messages.checkpoint(answer.id, 'late partial', null)).toBe(false);
    const again = messages.finalize(answer.id, done({ status: 'stopped', content: 'other' }));
    expect(again).toEqual(final);
    expect(messages.get(answer.id)).toEqual(final);
    expect(ledger()).toHaveLength(1);
  });

  it('says not_found for an unknown message or a vanished conversation', () => {
    expect(failureOf(() => messages.finalize('nope', done())).error.code).toBe('not_found');
    expect(
      failureOf(() => messages.insertUser({ conversationId: 'gone', content: 'hi', model: null })).error.code,
    ).toBe('not_found');
    expect(messages.checkpoint('nope', 'x', null)).toBe(false);
    expect(ledger()).toEqual([]);
  });

  it('keeps a fractional or non-finite figure from upstream from losing the reply', () => {
    const answer = messages.createAssistant({ conversationId, model: null });
    const final = messages.finalize(
      answer.id,
      done({
        usage: {
          ...usage,
          promptTokens: 12.6,
          cachedTokens: Number.NaN,
          cacheWriteTokens: null,
          cacheDiscountUsd: null,
          costUsd: 'Infinity',
        },
      }),
    );
    expect(final.usage).toMatchObject({
      promptTokens: 13,
      cachedTokens: null,
      cacheWriteTokens: null,
      cacheDiscountUsd: null,
      costUsd: null,
    });
    expect(ledger()).toEqual([]);
  });

  it('deleting a conversation removes its messages but keeps what was spent', () => {
    const answer = messages.createAssistant({ conversationId, model: 'openai/gpt-4o' });
    messages.insertUser({ conversationId, content: 'Capital of France?', model: null });
    messages.finalize(answer.id, done());

    expect(conversations.delete(conversationId)).toBe(true);
    expect(messages.listForConversation(conversationId)).toEqual([]);
    expect(messages.get(answer.id)).toBeNull();
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
    expect(ledger()).toEqual([
      expect.objectContaining({ message_id: answer.id, conversation_id: conversationId, cost_pico: 420_000_000 }),
    ]);
  });

  it('repairs replies a crash left streaming as interrupted, keeping their last checkpoint', () => {
    const finished = messages.createAssistant({ conversationId, model: null });
    messages.finalize(finished.id, done());
    const interrupted = messages.createAssistant({ conversationId, model: null });
    messages.checkpoint(interrupted.id, 'half an ans', null);
    const other = messages.createAssistant({ conversationId: conversations.create({ model: 'm/x' }).id, model: null });

    expect(messages.repairInterrupted()).toBe(2);
    expect(messages.get(interrupted.id)).toMatchObject({ status: 'interrupted', content: 'half an ans' });
    expect(messages.get(other.id)?.status).toBe('interrupted');
    expect(messages.get(finished.id)?.status).toBe('complete');
    expect(messages.repairInterrupted()).toBe(0);
  });

  describe('settleUsage', () => {
    it('adds usage settled after a stopped turn, with its ledger entry, once', () => {
      const reply = messages.createAssistant({ conversationId, model: 'openai/gpt-4o' });
      messages.finalize(reply.id, done({ status: 'stopped', usage: null, finishReason: null }));
      expect(ledger()).toEqual([]);

      const settled = messages.settleUsage(reply.id, usage);
      expect(settled?.usage?.costUsd).toBe('0.00042');
      expect(settled?.status).toBe('stopped');
      expect(ledger()).toHaveLength(1);
      expect(ledger()[0]).toMatchObject({ message_id: reply.id, cost_pico: 420_000_000, generation_id: 'gen-123' });

      expect(messages.settleUsage(reply.id, { ...usage, costUsd: '9' })).toBeNull();
      expect(messages.get(reply.id)?.usage?.costUsd).toBe('0.00042');
      expect(ledger()).toHaveLength(1);
    });

    it('leaves a streaming turn and one with reported usage alone', () => {
      const streaming = messages.createAssistant({ conversationId, model: null });
      expect(messages.settleUsage(streaming.id, usage)).toBeNull();
      const complete = messages.createAssistant({ conversationId, model: null });
      messages.finalize(complete.id, done());
      expect(messages.settleUsage(complete.id, { ...usage, costUsd: '1' })).toBeNull();
      expect(ledger().map((r) => r.cost_pico)).toEqual([420_000_000]);
    });
  });
});
