import { describe, expect, it } from 'vitest';
import { ChatService } from '../chat-service';
import { ConversationRepo } from '../db/conversation-repo';
import {
  type ScriptStep,
  chatHarness,
  model,
  reply,
  roles,
  run,
  signal,
  started,
  upstreamError,
  usage,
} from '../test-support/chat-turns';
import { useTempDir } from '../test-support/temp-dir';

const tempDir = useTempDir();
const setUp = (scripts: ScriptStep[][], options: { maxOutput?: number } = {}) =>
  chatHarness(tempDir(), scripts, options);

describe('sending after a failed turn', () => {
  it('answers the same question again in place: no second copy of it, upstream or stored', async () => {
    const t = setUp([[upstreamError(400)], reply('Hello!')]);
    const failed = await run(t.service.send({ conversationId: t.conversationId, text: 'Hi', model }, signal()));
    expect(failed.message.status).toBe('error');

    const retried = await run(t.service.send({ conversationId: t.conversationId, text: 'Hi', model }, signal()));
    expect(roles(t.requests[1])).toEqual(['user:Hi']);
    expect(t.db.prepare("SELECT count(*) FROM messages WHERE role = 'user'").pluck().get()).toBe(1);
    expect(retried.message).toMatchObject({ content: 'Hello!', status: 'complete', parentId: failed.message.parentId });
    expect(retried.message.versionIds).toEqual([failed.message.id, retried.message.id]);
  });

  it('asks a different question as a new version of the unanswered one, never two user turns in a row', async () => {
    const t = setUp([reply('One.'), [upstreamError(400)], reply('Three.')]);
    await run(t.service.send({ conversationId: t.conversationId, text: 'First', model }, signal()));
    await run(t.service.send({ conversationId: t.conversationId, text: 'Second', model }, signal()));
    const third = await run(t.service.send({ conversationId: t.conversationId, text: 'Third', model }, signal()));

    expect(roles(t.requests[2])).toEqual(['user:First', 'assistant:One.', 'user:Third']);
    const started = third.events[0];
    expect(started?.type === 'started' && started.userMessage.versionIds).toHaveLength(2);
  });
});

describe('versions', () => {
  it('regenerates under the same question with another model; the new reply becomes the current thread', async () => {
    const t = setUp([reply('Paris.'), reply('Paris, France.', 'gen-2')]);
    const first = await run(t.service.send({ conversationId: t.conversationId, text: 'Capital?', model }, signal()));
    const second = await run(
      t.service.regenerate(
        { conversationId: t.conversationId, messageId: first.message.id, model: 'anthropic/claude-sonnet-4.5' },
        signal(),
      ),
    );
    expect(roles(t.requests[1])).toEqual(['user:Capital?']);
    expect(t.requests[1]?.model).toBe('anthropic/claude-sonnet-4.5');
    expect(second.message.parentId).toBe(first.message.parentId);
    expect(second.message.versionIds).toEqual([first.message.id, second.message.id]);
    expect(t.messages.currentLeaf(t.conversationId)).toBe(second.message.id);
    // The conversation's own model is the person's choice for new messages; a regenerate does not change it.
    expect(t.conversations.get(t.conversationId)?.model).toBe(model);
  });

  it('edits a question into a new branch; the old branch stays and upstream never sees it', async () => {
    const t = setUp([reply('A1'), reply('A2'), reply('B1')]);
    const q1 = await run(t.service.send({ conversationId: t.conversationId, text: 'Q1', model }, signal()));
    await run(t.service.send({ conversationId: t.conversationId, text: 'Q2', model }, signal()));
    const edited = await run(
      t.service.edit(
        { conversationId: t.conversationId, messageId: q1.message.parentId as string, text: 'Q1b', model },
        signal(),
      ),
    );
    expect(roles(t.requests[2])).toEqual(['user:Q1b']);
    const started = edited.events[0];
    expect(started?.type === 'started' && started.userMessage.versionIds).toEqual([
      q1.message.parentId,
      edited.message.parentId,
    ]);
    expect(t.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(6);
  });

  it('refuses to regenerate a question or edit a reply, and names a message from another conversation not found', async () => {
    const t = setUp([reply('A')]);
    const a = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    const wrongRole = await run(
      t.service.regenerate({ conversationId: t.conversationId, messageId: a.message.parentId as string }, signal()),
    );
    expect(wrongRole.events).toEqual([
      expect.objectContaining({ type: 'error', error: expect.objectContaining({ code: 'invalid_input' }) }),
    ]);
    const other = t.conversations.create({ title: 'o', model }).id;
    const elsewhere = await run(t.service.regenerate({ conversationId: other, messageId: a.message.id }, signal()));
    expect(elsewhere.events).toEqual([
      expect.objectContaining({ type: 'error', error: expect.objectContaining({ code: 'not_found' }) }),
    ]);
    expect(t.requests).toHaveLength(1);
  });
});

describe('continue', () => {
  it('sends the reply so far as a prefill and appends to the same row; usage, cost, timing and the ledger add up', async () => {
    const t = setUp([
      [
        started('gen-1'),
        { advance: 100 },
        { type: 'delta', text: 'Once upon' },
        { advance: 900 },
        { type: 'finish', finishReason: 'length', nativeFinishReason: 'length' },
        { type: 'usage', usage: usage(20, 0.002) },
        { type: 'done', finishReason: 'length', generationId: 'gen-1' },
      ],
      [
        started('gen-2'),
        { advance: 50 },
        { type: 'delta', text: ' a time.' },
        { advance: 450 },
        { type: 'finish', finishReason: 'stop', nativeFinishReason: 'stop' },
        { type: 'usage', usage: usage(4, 0.0005) },
        { type: 'done', finishReason: 'stop', generationId: 'gen-2' },
      ],
    ]);
    const cut = await run(t.service.send({ conversationId: t.conversationId, text: 'Story', model }, signal()));
    expect(cut.message).toMatchObject({ finishReason: 'length', firstTokenMs: 100, durationMs: 1000 });

    const more = await run(
      t.service.continue({ conversationId: t.conversationId, messageId: cut.message.id }, signal()),
    );
    expect(roles(t.requests[1])).toEqual(['user:Story', 'assistant:Once upon']);
    expect(more.events[0]).toMatchObject({
      type: 'started',
      assistantMessage: { id: cut.message.id, content: 'Once upon', status: 'streaming' },
    });
    expect(more.events.filter((e) => e.type === 'delta')).toEqual([{ type: 'delta', text: ' a time.' }]);
    expect(more.message).toMatchObject({
      id: cut.message.id,
      content: 'Once upon a time.',
      finishReason: 'stop',
      status: 'complete',
      generationId: 'gen-2',
      firstTokenMs: 150,
      durationMs: 1500,
    });
    expect(more.message.usage).toMatchObject({ completionTokens: 24, totalTokens: 44 });
    expect(more.message.usage?.costUsd).toBe('0.0025');
    expect(t.db.prepare('SELECT generation_id, cost_pico FROM spend_ledger ORDER BY id').all()).toEqual([
      { generation_id: 'gen-1', cost_pico: 2_000_000_000 },
      { generation_id: 'gen-2', cost_pico: 500_000_000 },
    ]);
    expect(t.db.prepare("SELECT count(*) FROM messages WHERE role = 'assistant'").pluck().get()).toBe(1);
  });

  it('refuses a reply without text', async () => {
    const t = setUp([[upstreamError(400)]]);
    const failed = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    const refused = await run(
      t.service.continue({ conversationId: t.conversationId, messageId: failed.message.id }, signal()),
    );
    expect(refused.events).toEqual([
      expect.objectContaining({ type: 'error', error: expect.objectContaining({ code: 'invalid_input' }) }),
    ]);
    expect(t.requests).toHaveLength(1);
  });
});

describe('automatic retry before the first token', () => {
  it('retries a 502 twice with the planned delays, announcing each, then answers', async () => {
    const t = setUp([[upstreamError(502)], [upstreamError(503)], reply('At last.')]);
    const result = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    expect(result.events.filter((e) => e.type === 'retrying')).toEqual([
      { type: 'retrying', attempt: 1, delayMs: 1000, error: expect.objectContaining({ status: 502 }) },
      { type: 'retrying', attempt: 2, delayMs: 3000, error: expect.objectContaining({ status: 503 }) },
    ]);
    expect(t.slept).toEqual([1000, 3000]);
    expect(result.message).toMatchObject({ status: 'complete', content: 'At last.' });
    expect(t.requests).toHaveLength(3);
  });

  it('gives up after two retries and reports the last error', async () => {
    const t = setUp([[upstreamError(502)], [upstreamError(502)], [upstreamError(502)], reply('never')]);
    const result = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    expect(result.events.at(-1)).toMatchObject({ type: 'error', error: { status: 502 } });
    expect(t.requests).toHaveLength(3);
  });

  it('uses a short Retry-After, and retries offline and timeouts but not a 400 or a 429', async () => {
    const hinted = setUp([[upstreamError(503, 7)], reply('ok')]);
    await run(hinted.service.send({ conversationId: hinted.conversationId, text: 'Q', model }, signal()));
    expect(hinted.slept).toEqual([7000]);

    const offline = setUp([
      [{ type: 'error', error: { code: 'offline', message: 'refused' }, generationId: null }],
      [{ type: 'error', error: { code: 'timeout', message: 'slow' }, generationId: null }],
      reply('ok'),
    ]);
    const back = await run(
      offline.service.send({ conversationId: offline.conversationId, text: 'Q', model }, signal()),
    );
    expect(back.message.status).toBe('complete');

    for (const status of [400, 429]) {
      const t = setUp([[upstreamError(status)], reply('no')]);
      await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
      expect(t.requests).toHaveLength(1);
    }
  });

  it('never retries once the model said something', async () => {
    const t = setUp([[started('gen-1'), { type: 'delta', text: 'Half' }, upstreamError(502)], reply('no')]);
    const result = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    expect(result.events.some((e) => e.type === 'retrying')).toBe(false);
    expect(result.message).toMatchObject({ status: 'error', content: 'Half' });
    expect(t.requests).toHaveLength(1);
  });

  it('ends as stopped when cancelled during the wait', async () => {
    const t = setUp([[upstreamError(502)], reply('no')]);
    const service = new ChatService(
      new ConversationRepo(t.db),
      t.messages,
      {
        getGeneration: async () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
        async *streamChat(request) {
          t.requests.push(request);
          yield upstreamError(502);
        },
      },
      { sleep: async () => false },
    );
    const result = await run(service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    expect(result.events.at(-1)).toMatchObject({ type: 'done', message: { status: 'stopped' } });
    expect(t.requests).toHaveLength(1);
  });
});

describe('what a turn records', () => {
  it('stores tool calls joined from their fragments; a reply that only calls a tool is complete with no text', async () => {
    const t = setUp([
      [
        started('gen-1'),
        { type: 'tool-call', index: 0, id: 'call_1', name: 'get_weather', arguments: '' },
        { type: 'tool-call', index: 0, id: null, name: null, arguments: '{"city":' },
        { type: 'tool-call', index: 0, id: null, name: null, arguments: '"Oslo"}' },
        { type: 'finish', finishReason: 'tool_calls', nativeFinishReason: 'tool_calls' },
        { type: 'done', finishReason: 'tool_calls', generationId: 'gen-1' },
      ],
    ]);
    const result = await run(t.service.send({ conversationId: t.conversationId, text: 'Weather?', model }, signal()));
    expect(result.message).toMatchObject({
      status: 'complete',
      content: '',
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' }],
    });
    expect(t.messages.get(result.message.id)?.toolCalls).toEqual(result.message.toolCalls);
  });

  it('times the reply from the request: to the first token, and to the end', async () => {
    const t = setUp([
      [
        started('g'),
        { advance: 250 },
        { type: 'reasoning', text: 'hmm' },
        { advance: 750 },
        { type: 'delta', text: 'x' },
        { advance: 1000 },
        { type: 'done', finishReason: 'stop', generationId: 'g' },
      ],
    ]);
    const result = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    expect(result.message).toMatchObject({ firstTokenMs: 250, durationMs: 2000 });
    expect(t.messages.get(result.message.id)).toMatchObject({ firstTokenMs: 250, durationMs: 2000 });
  });

  it("asks for the conversation's own max output, else the budget's", async () => {
    const t = setUp([reply('a'), reply('b')], { maxOutput: 12_345 });
    await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    expect(t.requests[0]?.maxTokens).toBe(12_345);

    const plain = setUp([reply('a'), reply('b')]);
    await run(plain.service.send({ conversationId: plain.conversationId, text: 'Q', model }, signal()));
    expect(plain.requests[0]?.maxTokens).toBe(16_384);
    plain.conversations.setMaxOutput(plain.conversationId, 2_000);
    await run(plain.service.send({ conversationId: plain.conversationId, text: 'Q2', model }, signal()));
    expect(plain.requests[1]?.maxTokens).toBe(2_000);
  });
});
