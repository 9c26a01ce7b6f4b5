// The cost of a reply whose stream did not carry one: asked of OpenRouter's generation record in rounds, kept on disk
// while owed, estimated when the record never says, and on the ledger even when the reply was deleted meanwhile.

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EstimatePrices } from '../../../shared/cost-estimate';
import type { Result } from '../../../shared/result';
import { ConversationRepo } from '../db/conversation-repo';
import { MessageRepo } from '../db/message-repo';
import { openDatabase } from '../db/open-database';
import type { GenerationStats } from '../openrouter/types';
import { CostSettler, usageFromGeneration } from './cost-settler';
import { SettlementRepo } from './settlement-repo';
import { SpendRepo } from './spend-repo';
import { SpendService } from './spend-service';

const stats = (over: Partial<GenerationStats> = {}): GenerationStats => ({
  id: 'gen-1',
  totalCostUsd: '0.0123',
  promptTokens: 12,
  completionTokens: 34,
  reasoningTokens: 5,
  cachedTokens: 2,
  cancelled: true,
  model: 'author/model-a',
  provider: 'OpenAI',
  finishReason: 'stop',
  isByok: false,
  ...over,
});

const noFigure: Result<GenerationStats> = { ok: true, value: stats({ totalCostUsd: null }) };
const prices: EstimatePrices = { promptPrice: 0.000001, completionPrice: 0.000002 };

describe('usageFromGeneration', () => {
  it('reports the record’s tokens as a streamed reply would, missing counts as none, and keeps the record', () => {
    const usage = usageFromGeneration(stats());
    expect(usage).toMatchObject({ promptTokens: 12, completionTokens: 34, totalTokens: 46, costUsd: '0.0123' });
    expect(usage.raw).toMatchObject({ source: 'generation', id: 'gen-1', cancelled: true });
    expect(usageFromGeneration(stats({ promptTokens: null, completionTokens: null }))).toMatchObject({
      promptTokens: 0,
      completionTokens: 0,
      totalTokens: 0,
    });
  });
});

describe('CostSettler', () => {
  let db: Database;
  let conversations: ConversationRepo;
  let messages: MessageRepo;
  let pending: SettlementRepo;
  let answers: Result<GenerationStats>[];
  let lookups: string[];
  let settledIds: string[];
  let priceLookups: string[];
  let modelPrices: EstimatePrices | null | Error;

  const settlerWith = (roundDelaysMs: readonly number[] = [10, 20]) =>
    new CostSettler(messages, pending, {
      lookup: async (generationId) => {
        lookups.push(generationId);
        return answers.shift() ?? noFigure;
      },
      prices: async (model) => {
        priceLookups.push(model);
        if (modelPrices instanceof Error) throw modelPrices;
        return modelPrices;
      },
      roundDelaysMs,
      onSettled: (messageId) => settledIds.push(messageId),
    });

  /** A stopped reply (no usage chunk) to a 40-character question, 80 characters long, its cost owed. */
  const stoppedReply = (generationId = 'gen-1') => {
    const conversation = conversations.create({ title: 'Wombats', model: 'author/model-a' });
    messages.insertUser({ conversationId: conversation.id, content: 'q'.repeat(40), model: 'author/model-a' });
    const reply = messages.createAssistant({ conversationId: conversation.id, model: 'author/model-a' });
    messages.finalize(reply.id, {
      status: 'stopped',
      content: 'a'.repeat(80),
      reasoning: null,
      model: 'author/model-a',
      provider: 'OpenAI',
      generationId,
      finishReason: null,
      usage: null,
      error: null,
      costStatus: 'pending',
    });
    const owed = { generationId, messageId: reply.id, conversationId: conversation.id, model: 'author/model-a' };
    return owed;
  };

  const ledgerLines = () => {
    const exported = new SpendService(new SpendRepo(db), messages).exportCsv();
    if (!exported.ok) throw new Error(exported.error.message);
    return exported.value.csv.trim().split('\r\n').slice(1);
  };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    db = openDatabase(':memory:');
    conversations = new ConversationRepo(db);
    messages = new MessageRepo(db);
    pending = new SettlementRepo(db);
    answers = [];
    lookups = [];
    settledIds = [];
    priceLookups = [];
    modelPrices = prices;
  });
  afterEach(() => {
    vi.useRealTimers();
    db.close();
  });

  it('fills in the reply from the generation record, puts it on the ledger and owes nothing more', async () => {
    const owed = stoppedReply();
    const settler = settlerWith();
    answers = [{ ok: true, value: stats({ completionTokens: null }) }];
    settler.owe(owed);
    settler.settle(owed.generationId);
    await settler.idle();

    const reply = messages.get(owed.messageId);
    expect(reply?.costStatus).toBeNull();
    expect(reply?.usage).toMatchObject({
      costUsd: '0.0123',
      promptTokens: 12,
      completionTokens: 0,
      totalTokens: 12,
      reasoningTokens: 5,
      cachedTokens: 2,
    });
    expect(ledgerLines()).toHaveLength(1);
    expect(ledgerLines()[0]).toMatch(/,0\.0123$/);
    expect(pending.list()).toEqual([]);
    expect(settledIds).toEqual([owed.messageId]);
    expect(lookups).toEqual(['gen-1']);
  });

  it('asks again after each wait (not before), then shows an estimate from the question and reply lengths', async () => {
    const owed = stoppedReply();
    const settler = settlerWith([10, 20]);
    answers = [noFigure, { ok: false, error: { code: 'offline', message: 'Could not reach OpenRouter.' } }, noFigure];
    settler.owe(owed);
    settler.settle(owed.generationId);
    await settler.idle();
    expect(lookups).toHaveLength(1);
    expect(messages.get(owed.messageId)?.costStatus).toBe('pending');

    await vi.advanceTimersByTimeAsync(9);
    expect(lookups).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await settler.idle();
    expect(lookups).toHaveLength(2);
    expect(pending.get(owed.generationId)?.attempts).toBe(2);

    await vi.advanceTimersByTimeAsync(19);
    expect(lookups).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await settler.idle();
    expect(lookups).toHaveLength(3);

    // 40 characters asked (10 tokens at $0.000001) and 80 written (20 tokens at $0.000002).
    const reply = messages.get(owed.messageId);
    expect(reply?.costStatus).toBe('estimated');
    expect(reply?.estimatedCostUsd).toBe('0.00005');
    expect(priceLookups).toEqual(['author/model-a']);
    expect(pending.list()).toEqual([]);
    expect(settledIds).toEqual([owed.messageId]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(lookups).toHaveLength(3);
  });

  it('estimates from the tokens a reply reported when it had them', async () => {
    const owed = stoppedReply();
    messages.settleUsage(owed.messageId, { ...usageFromGeneration(stats({ totalCostUsd: null })) }, owed.generationId);
    messages.markCostPending(owed.messageId);
    const settler = settlerWith([]);
    settler.owe(owed);
    settler.settle(owed.generationId);
    await settler.idle();
    // 12 prompt tokens at $0.000001 and 34 completion tokens at $0.000002.
    expect(messages.get(owed.messageId)?.estimatedCostUsd).toBe('0.00008');
  });

  it('shows no estimate when the model has no catalogue price, or its prices cannot be read', async () => {
    for (const unknown of [null, new Error('catalogue unreachable')]) {
      modelPrices = unknown;
      const owed = stoppedReply(`gen-${String(unknown)}`);
      const settler = settlerWith([]);
      settler.owe(owed);
      settler.settle(owed.generationId);
      await settler.idle();
      const reply = messages.get(owed.messageId);
      expect(reply?.costStatus).toBeNull();
      expect(reply?.estimatedCostUsd).toBeNull();
      expect(pending.get(owed.generationId)).toBeNull();
    }
  });

  it('keeps the charge of a reply deleted meanwhile on the ledger, under the model the record names', async () => {
    const owed = stoppedReply();
    const settler = settlerWith();
    answers = [{ ok: true, value: stats({ model: 'author/model-b' }) }];
    settler.owe(owed);
    conversations.delete(owed.conversationId);
    settler.settle(owed.generationId);
    await settler.idle();
    const lines = ledgerLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(',author/model-b,OpenAI,');
    expect(lines[0]).toMatch(/,0\.0123$/);
    expect(pending.list()).toEqual([]);
    expect(settledIds).toEqual([owed.messageId]);
  });

  it('gives up on a deleted reply without an estimate, owing nothing more', async () => {
    const owed = stoppedReply();
    const settler = settlerWith([]);
    settler.owe(owed);
    conversations.delete(owed.conversationId);
    settler.settle(owed.generationId);
    await settler.idle();
    expect(pending.list()).toEqual([]);
    expect(priceLookups).toEqual([]);
    expect(ledgerLines()).toEqual([]);
  });

  it('does not ask about a generation whose cost the stream already reported', async () => {
    const owed = stoppedReply();
    const settler = settlerWith();
    settler.owe(owed);
    settler.paid(owed.generationId);
    settler.settle(owed.generationId);
    await settler.idle();
    expect(lookups).toEqual([]);
    expect(pending.list()).toEqual([]);
  });

  it('at start resumes every lookup a quit cut short, showing "cost pending" meanwhile', async () => {
    const first = stoppedReply('gen-a');
    const second = stoppedReply('gen-b');
    messages.giveUpOnCost(first.messageId, null);
    messages.giveUpOnCost(second.messageId, null);
    pending.add(first);
    pending.add(second);
    const settler = settlerWith();
    answers = [
      { ok: true, value: stats({ id: 'gen-a' }) },
      { ok: true, value: stats({ id: 'gen-b', totalCostUsd: null }) },
    ];
    expect(settler.resumeAll()).toBe(2);
    expect(messages.get(first.messageId)?.costStatus).toBe('pending');
    expect(messages.get(second.messageId)?.costStatus).toBe('pending');
    await settler.idle();
    expect(lookups).toEqual(['gen-a', 'gen-b']);
    expect(messages.get(first.messageId)?.usage?.costUsd).toBe('0.0123');
    expect(pending.list().map((owed) => owed.generationId)).toEqual(['gen-b']);
  });

  it('after close, asks nothing more and records nothing, leaving what is owed for the next start', async () => {
    const owed = stoppedReply();
    const settler = settlerWith([10]);
    settler.owe(owed);
    settler.settle(owed.generationId);
    await settler.idle();
    settler.close();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(lookups).toHaveLength(1);
    settler.settle(owed.generationId);
    await settler.idle();
    expect(lookups).toHaveLength(1);
    expect(pending.get(owed.generationId)?.attempts).toBe(1);
  });

  it('drops an answer that arrives after close: the next start asks again', async () => {
    const owed = stoppedReply();
    let answer: (result: Result<GenerationStats>) => void = () => undefined;
    const settler = new CostSettler(messages, pending, {
      lookup: () => new Promise((resolve) => (answer = resolve)),
      prices: async () => prices,
    });
    settler.owe(owed);
    settler.settle(owed.generationId);
    settler.close();
    answer({ ok: true, value: stats() });
    await settler.idle();
    expect(messages.get(owed.messageId)?.costStatus).toBe('pending');
    expect(pending.get(owed.generationId)).toMatchObject({ attempts: 0 });
  });
});
