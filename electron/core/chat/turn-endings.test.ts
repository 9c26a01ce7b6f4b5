// How a turn ends and what it saves on the way: a stream that stops short, a streamer that throws, a catalogue or
// budget that fails, a routing refusal, the checkpoint cadence, and whether a reply counts as streaming.

import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result';
import type { UpstreamEvent } from '../openrouter/types';
import { chatHarness, model, reply, run, signal, started, upstreamError } from '../test-support/chat-turns';
import { useTempDir } from '../test-support/temp-dir';

const tempDir = useTempDir();

describe('how a turn ends', () => {
  it('is stopped, not complete, when the stream ends without saying it is done', async () => {
    const t = chatHarness(tempDir(), [[started('gen-1'), { type: 'delta', text: 'Cut sh' }]]);
    const result = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    expect(result.events.at(-1)?.type).toBe('done');
    expect(result.message).toMatchObject({ status: 'stopped', content: 'Cut sh' });
    expect(t.messages.get(result.message.id)?.status).toBe('stopped');
  });

  it('ends with an error, keeping the text received, when the streamer throws', async () => {
    const t = chatHarness(tempDir(), [
      [started('gen-1'), { type: 'delta', text: 'So far' }, { throws: new Error('socket hang up') }],
      [
        started('gen-2'),
        { type: 'delta', text: 'Again' },
        { throws: new AppFailure({ code: 'offline', message: 'No network.' }) },
      ],
    ]);
    const unexpected = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    expect(unexpected.events.at(-1)).toMatchObject({ type: 'error', error: { code: 'internal' } });
    expect(unexpected.message).toMatchObject({ status: 'error', content: 'So far' });
    expect(t.messages.get(unexpected.message.id)).toMatchObject({
      status: 'error',
      content: 'So far',
      error: { code: 'internal', message: expect.stringMatching(/what was received is kept/) },
    });

    const expected = await run(t.service.send({ conversationId: t.conversationId, text: 'Q2', model }, signal()));
    expect(expected.events.at(-1)).toMatchObject({ type: 'error', error: { code: 'offline', message: 'No network.' } });
    expect(t.messages.get(expected.message.id)).toMatchObject({ status: 'error', content: 'Again' });
  });

  it('goes ahead when the catalogue or the output budget cannot be reached: the conversation’s cap, else the fallback', async () => {
    const t = chatHarness(tempDir(), [reply('a'), reply('b')], {
      service: {
        modelInfo: async () => {
          throw new Error('catalogue unreachable');
        },
        outputBudget: async () => {
          throw new Error('key unreachable');
        },
      },
    });
    const first = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    expect(first.message.status).toBe('complete');
    expect(t.requests[0]?.maxTokens).toBe(16_384);
    t.conversations.setMaxOutput(t.conversationId, 2_000);
    await run(t.service.send({ conversationId: t.conversationId, text: 'Q2', model }, signal()));
    expect(t.requests[1]?.maxTokens).toBe(2_000);
  });

  it('names the routing setting to relax when no provider is left, and does not retry it', async () => {
    const refused = upstreamError(404, undefined, 'No endpoints found matching your data policy');
    const t = chatHarness(tempDir(), [reply('Served.'), [refused], reply('never')], {
      service: { conversationDefaults: () => ({ routing: { denyDataCollection: true } }) },
    });
    const served = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    expect(served.message).toMatchObject({ status: 'complete', content: 'Served.' });

    const result = await run(t.service.send({ conversationId: t.conversationId, text: 'Q2', model }, signal()));
    expect(t.requests[1]?.options?.provider).toEqual({ data_collection: 'deny' });
    expect(result.events.at(-1)).toMatchObject({ type: 'error', error: { code: 'routing_privacy', status: 404 } });
    expect(t.messages.get(result.message.id)?.error?.code).toBe('routing_privacy');
    expect(t.requests).toHaveLength(2);
  });
});

describe('checkpoints', () => {
  it('saves the text once a full interval has passed, and not again until there is new text', async () => {
    const script: ({ advance: number } | UpstreamEvent)[] = [
      started('gen-1'),
      { type: 'delta', text: 'a' },
      { advance: 500 },
      { type: 'delta', text: 'b' },
      { advance: 500 },
      { type: 'delta', text: 'c' },
      { advance: 500 },
      { type: 'finish', finishReason: 'stop', nativeFinishReason: 'stop' },
      { advance: 500 },
      { type: 'done', finishReason: 'stop', generationId: 'gen-1' },
    ];
    const t = chatHarness(tempDir(), [script], { service: { checkpointIntervalMs: 500 } });
    const saved: string[] = [];
    const checkpoint = t.messages.checkpoint.bind(t.messages);
    t.messages.checkpoint = (id, content, reasoning) => {
      saved.push(content);
      return checkpoint(id, content, reasoning);
    };
    const result = await run(t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal()));
    expect(saved).toEqual(['ab', 'abc']);
    expect(result.message).toMatchObject({ status: 'complete', content: 'abc' });
  });
});

describe('replying', () => {
  it('is true while a reply streams and false once it is saved', async () => {
    const t = chatHarness(tempDir(), [reply('Hi')]);
    expect(t.service.replying).toBe(false);
    const seen: boolean[] = [];
    for await (const event of t.service.send({ conversationId: t.conversationId, text: 'Q', model }, signal())) {
      if (event.type === 'delta') seen.push(t.service.replying);
    }
    expect(seen).toEqual([true]);
    expect(t.service.replying).toBe(false);
  });
});
