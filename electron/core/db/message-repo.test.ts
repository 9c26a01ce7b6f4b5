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
  describe('reading a stored reply back as a Message', () => {
    const reply = (over: Partial<FinalizeInput> = {}) => {
      messages.insertUser({ conversationId, content: 'Capital of France?', model: null });
      const streaming = messages.createAssistant({ conversationId, model: 'openai/gpt-4o' });
      return messages.finalize(streaming.id, done(over));
    };
    const store = (id: string, column: 'tool_calls_json' | 'citations_json', json: string) =>
      db.prepare(`UPDATE messages SET ${column} = ? WHERE id = ?`).run(json, id);

    it('keeps the figures OpenRouter sent, rounds fractions, and fills a missing total from the parts', () => {
      const message = reply({
        usage: usageFixture({ promptTokens: 12.6, completionTokens: 30, totalTokens: Number.NaN, isByok: null }),
      });
      const read = messages.get(message.id);
      expect(read?.usage).toMatchObject({ promptTokens: 13, completionTokens: 30, totalTokens: 43, isByok: null });
      expect(read).toEqual(message);
      // No usage at all reads as none, not as zeros.
      expect(messages.get(reply({ usage: null, spend: null }).id)?.usage).toBeNull();
    });

    it('reads usage with a count that was no number (NaN, Infinity) as zero of it, not as no usage', () => {
      const noPrompt = reply({
        usage: usageFixture({ promptTokens: Number.NaN, completionTokens: 7, totalTokens: 7, costUsd: '0.001' }),
      });
      expect(messages.get(noPrompt.id)?.usage).toMatchObject({
        promptTokens: 0,
        completionTokens: 7,
        costUsd: '0.001',
      });
      const noCompletion = reply({
        usage: usageFixture({ promptTokens: 5, completionTokens: Number.POSITIVE_INFINITY, totalTokens: 5 }),
      });
      expect(messages.get(noCompletion.id)?.usage).toMatchObject({ promptTokens: 5, completionTokens: 0 });
    });

    it('round-trips tool calls, stores none for an empty list, and drops damaged entries without hiding the message', () => {
      const calls = [{ id: 'call-1', name: 'lookup', arguments: '{"q":"Paris"}' }];
      const message = reply({ toolCalls: calls });
      expect(messages.get(message.id)?.toolCalls).toEqual(calls);
      const none = reply({ toolCalls: [] });
      expect(db.prepare('SELECT tool_calls_json FROM messages WHERE id = ?').get(none.id)).toEqual({
        tool_calls_json: null,
      });
      store(
        message.id,
        'tool_calls_json',
        '[null, "x", {"name": 1, "arguments": "{}"}, {"name": "f", "arguments": 2}, {"name": "f", "arguments": "{}"}]',
      );
      expect(messages.get(message.id)?.toolCalls).toEqual([{ id: null, name: 'f', arguments: '{}' }]);
      store(message.id, 'tool_calls_json', '[null, {"name": "f"}]');
      expect(messages.get(message.id)?.toolCalls).toBeNull();
      store(message.id, 'tool_calls_json', '{"name": "f", "arguments": "{}"}');
      expect(messages.get(message.id)?.toolCalls).toBeNull();
    });

    it('stores no citations for an empty list and keeps only cited URLs, with malformed offsets and titles as null', () => {
      const none = reply({ citations: [] });
      expect(db.prepare('SELECT citations_json FROM messages WHERE id = ?').get(none.id)).toEqual({
        citations_json: null,
      });
      store(
        none.id,
        'citations_json',
        '[null, {"title": "no url"}, {"url": "https://a.example", "title": 5, "content": "c", "startIndex": -1, "endIndex": 2.5}]',
      );
      expect(messages.get(none.id)?.citations).toEqual([
        { url: 'https://a.example', title: null, content: 'c', startIndex: null, endIndex: null },
      ]);
      store(none.id, 'citations_json', '[{"title": "no url"}]');
      expect(messages.get(none.id)?.citations).toBeNull();
    });

    it('shows an estimate once OpenRouter never reported the charge, and none before', () => {
      const message = reply({ usage: null, spend: null });
      expect(message.estimatedCostUsd).toBeNull();
      // Only a reply whose cost was being asked for gets an estimate.
      expect(messages.giveUpOnCost(message.id, '0.0012')).toBeNull();
      messages.markCostPending(message.id);
      expect(messages.get(message.id)).toMatchObject({ costStatus: 'pending', estimatedCostUsd: null });
      expect(messages.giveUpOnCost(message.id, '0.0012')).toMatchObject({ estimatedCostUsd: '0.0012' });
      expect(messages.get(message.id)).toMatchObject({ costStatus: 'estimated', estimatedCostUsd: '0.0012' });
    });
  });
});
