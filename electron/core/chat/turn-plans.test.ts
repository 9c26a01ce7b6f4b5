// Where a turn sits and what it is sent with: which failed replies a new send answers in place, what Retry as sent,
// Continue and Edit take from the reply or the conversation, and how a refused plan is worded.

import { describe, expect, it } from 'vitest';
import type { ConversationSettings } from '../../../shared/conversation-settings';
import type { UpstreamEvent } from '../openrouter/types';
import { chatHarness, model, reply, run, signal, started } from '../test-support/chat-turns';
import { useTempDir } from '../test-support/temp-dir';

const tempDir = useTempDir();
const other = 'anthropic/claude-sonnet-4.5';
const third = 'google/gemini-2.5-flash';

const userCount = (t: ReturnType<typeof chatHarness>) =>
  t.db.prepare("SELECT count(*) FROM messages WHERE role = 'user'").pluck().get();

describe('sending the same question after a reply that said nothing', () => {
  const ask = (t: ReturnType<typeof chatHarness>, text = 'Hi') =>
    run(t.service.send({ conversationId: t.conversationId, text, model }, signal()));

  it('answers it in place after a stopped or an interrupted empty reply', async () => {
    const stopped = chatHarness(tempDir(), [[started('gen-1')], reply('Hello!')]);
    expect((await ask(stopped)).message).toMatchObject({ status: 'stopped', content: '' });
    await ask(stopped);
    expect(userCount(stopped)).toBe(1);

    const interrupted = chatHarness(tempDir(), [reply('Hello!')]);
    const question = interrupted.messages.insertUser({
      conversationId: interrupted.conversationId,
      content: 'Hi',
      model,
    });
    interrupted.messages.createAssistant({ conversationId: interrupted.conversationId, model, parentId: question.id });
    expect(interrupted.messages.repairInterrupted()).toBe(1);
    await ask(interrupted);
    expect(userCount(interrupted)).toBe(1);
  });

  it('asks it anew after a reply that has text, called a tool, or completed empty', async () => {
    const scripts: UpstreamEvent[][] = [
      [
        started('gen-1'),
        { type: 'delta', text: 'Half' },
        { type: 'error', error: { code: 'upstream_error', message: 'x', status: 400 }, generationId: null },
      ],
      [started('gen-2'), { type: 'tool-call', index: 0, id: 'call_1', name: 'look', arguments: '{}' }],
      [started('gen-3'), { type: 'done', finishReason: 'stop', generationId: 'gen-3' }],
    ];
    for (const [i, script] of scripts.entries()) {
      const t = chatHarness(tempDir(), [script, reply('Again.')]);
      const first = await ask(t);
      expect(first.message.status, `script ${i}`).not.toBe('streaming');
      await ask(t);
      expect(userCount(t), `script ${i}`).toBe(2);
    }
  });
});

describe('what a turn is sent with', () => {
  it('retries a reply as sent: the model it asked for and its own settings, not the conversation’s now', async () => {
    let defaults: ConversationSettings = { routing: { sort: 'price' } };
    const t = chatHarness(tempDir(), [reply('A'), reply('B', 'gen-2'), reply('C', 'gen-3'), reply('D', 'gen-4')], {
      service: { conversationDefaults: () => defaults },
    });
    const first = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    const second = await run(
      t.service.regenerate({ conversationId: t.conversationId, messageId: first.message.id, model: other }, signal()),
    );
    defaults = { routing: { sort: 'throughput' } };
    t.conversations.setModel(t.conversationId, third);

    await run(
      t.service.regenerate({ conversationId: t.conversationId, messageId: second.message.id, asSent: true }, signal()),
    );
    expect(t.requests[2]).toMatchObject({ model: other, options: { provider: { sort: 'price' } } });
    await run(t.service.regenerate({ conversationId: t.conversationId, messageId: second.message.id }, signal()));
    expect(t.requests[3]).toMatchObject({ model: third, options: { provider: { sort: 'throughput' } } });
  });

  it('continues a reply with the model that wrote it and the settings it was sent with', async () => {
    let defaults: ConversationSettings = { routing: { sort: 'price' } };
    const t = chatHarness(tempDir(), [reply('Once', 'gen-1', 'length'), reply(' more', 'gen-2')], {
      service: { conversationDefaults: () => defaults },
    });
    const cut = await run(t.service.send({ conversationId: t.conversationId, text: 'Story', model }, signal()));
    defaults = { routing: { sort: 'throughput' } };
    t.conversations.setModel(t.conversationId, third);
    await run(t.service.continue({ conversationId: t.conversationId, messageId: cut.message.id }, signal()));
    expect(t.requests[1]).toMatchObject({ model, options: { provider: { sort: 'price' } } });
  });

  it('makes an edit’s model the conversation’s', async () => {
    const t = chatHarness(tempDir(), [reply('A'), reply('B', 'gen-2')]);
    const first = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    await run(
      t.service.edit(
        { conversationId: t.conversationId, messageId: first.message.parentId as string, text: 'Q!', model: other },
        signal(),
      ),
    );
    expect(t.requests[1]?.model).toBe(other);
    expect(t.conversations.get(t.conversationId)?.model).toBe(other);
  });
});

describe('a plan refused', () => {
  const refusal = async (events: AsyncIterable<unknown>) => {
    const result = await run(events as Parameters<typeof run>[0]);
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    if (event?.type !== 'error') throw new Error(`expected an error, got ${event?.type}`);
    return event.error;
  };

  it('says which kind of message was named, or that it is gone', async () => {
    const t = chatHarness(tempDir(), [reply('A')]);
    const a = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    const question = a.message.parentId as string;
    const id = t.conversationId;

    expect(await refusal(t.service.regenerate({ conversationId: id, messageId: question }, signal()))).toEqual({
      code: 'invalid_input',
      message: 'That message is your own, not a reply.',
    });
    expect(
      await refusal(t.service.edit({ conversationId: id, messageId: a.message.id, text: 'x', model }, signal())),
    ).toEqual({ code: 'invalid_input', message: 'That message is a reply, not yours.' });
    expect(await refusal(t.service.regenerate({ conversationId: id, messageId: 'nope' }, signal()))).toEqual({
      code: 'not_found',
      message: 'That message is not in this conversation (any more).',
    });
    expect(await refusal(t.service.regenerate({ conversationId: 'gone', messageId: a.message.id }, signal()))).toEqual({
      code: 'not_found',
      message: 'That conversation no longer exists.',
    });
  });

  it('will not continue a reply that is still being written, nor one without text', async () => {
    const t = chatHarness(tempDir(), []);
    const question = t.messages.insertUser({ conversationId: t.conversationId, content: 'Q', model });
    const streaming = t.messages.createAssistant({ conversationId: t.conversationId, model, parentId: question.id });
    t.messages.checkpoint(streaming.id, 'So far', null);
    expect(
      await refusal(t.service.continue({ conversationId: t.conversationId, messageId: streaming.id }, signal())),
    ).toEqual({ code: 'invalid_input', message: 'That reply is still being written.' });
    expect(t.messages.get(streaming.id)).toMatchObject({ status: 'streaming', content: 'So far' });

    const empty = t.messages.createAssistant({ conversationId: t.conversationId, model, parentId: question.id });
    expect(
      await refusal(t.service.continue({ conversationId: t.conversationId, messageId: empty.id }, signal())),
    ).toEqual({ code: 'invalid_input', message: 'That reply has no text to continue; retry it instead.' });
    expect(t.requests).toEqual([]);
  });
});
