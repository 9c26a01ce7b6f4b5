import { describe, expect, it } from 'vitest';
import { readChatStream, type ChatStreamOptions } from './chat-stream';
import {
  bodyOf,
  chunkJson,
  collect,
  CONTENT,
  contentChoice,
  encode,
  EXPECTED_USAGE,
  finishChoice,
  GEN_ID,
  MODEL,
  REASONING,
  reasoningPayloads,
  splitAt,
  sseText,
  terminalOf,
  usageChunk,
} from '../test-support/openrouter-streams';
import type { UpstreamEvent } from './types';

const options = (extra: Partial<ChatStreamOptions> = {}): ChatStreamOptions => ({
  signal: new AbortController().signal,
  requestedModel: 'inclusionai/ling-3.0-flash',
  generationId: null,
  ...extra,
});

const run = (pieces: (string | Uint8Array)[], extra: Partial<ChatStreamOptions> = {}) =>
  collect(readChatStream(bodyOf(pieces).stream, options(extra)));

const EXPECTED_EVENTS: UpstreamEvent[] = [
  { type: 'started', generationId: GEN_ID, model: MODEL, provider: 'Novita' },
  ...REASONING.map((text): UpstreamEvent => ({ type: 'reasoning', text })),
  ...CONTENT.map((text): UpstreamEvent => ({ type: 'delta', text })),
  { type: 'finish', finishReason: 'stop', nativeFinishReason: 'stop' },
  { type: 'usage', usage: EXPECTED_USAGE },
  { type: 'done', finishReason: 'stop', generationId: GEN_ID },
];

const errorChunk = (error: unknown, extra: Record<string, unknown> = {}) =>
  chunkJson([{ index: 0, delta: { content: '' }, finish_reason: 'error', native_finish_reason: 'error' }], {
    error,
    ...extra,
  });

describe('readChatStream', () => {
  it('turns the captured reasoning transcript into started, reasoning, deltas, one finish, usage, done', async () => {
    expect(await run([sseText(reasoningPayloads('C'))])).toEqual(EXPECTED_EVENTS);
  });

  it('yields the same events however the bytes are split into two reads', async () => {
    const bytes = encode(sseText(reasoningPayloads('C')));
    for (let offset = 0; offset <= bytes.length; offset++) {
      const events = await run(splitAt(bytes, [offset]));
      if (JSON.stringify(events) !== JSON.stringify(EXPECTED_EVENTS)) expect.fail(`split at byte ${offset}`);
    }
  });

  it('yields the same events one byte at a time and with CRLF line endings', async () => {
    const bytes = encode(sseText(reasoningPayloads('C')));
    expect(
      await run(
        splitAt(
          bytes,
          Array.from({ length: bytes.length - 1 }, (_, i) => i + 1),
        ),
      ),
    ).toEqual(EXPECTED_EVENTS);
    expect(await run([sseText(reasoningPayloads('C'), { newline: '\r\n' })])).toEqual(EXPECTED_EVENTS);
  });

  it.each(['A', 'B', 'C'] as const)(
    'usage variant %s: usage exactly once, finish exactly once, then done',
    async (variant) => {
      const events = await run([sseText(reasoningPayloads(variant))]);
      expect(events.filter((e) => e.type === 'usage')).toEqual([{ type: 'usage', usage: EXPECTED_USAGE }]);
      expect(events.filter((e) => e.type === 'finish')).toHaveLength(1);
      expect(terminalOf(events)).toEqual({ type: 'done', finishReason: 'stop', generationId: GEN_ID });
    },
  );

  it('prefers the x-generation-id header to the chunk id, and reports the resolved model', async () => {
    const events = await run([sseText(reasoningPayloads())], { generationId: 'gen-from-header' });
    expect(events[0]).toEqual({ type: 'started', generationId: 'gen-from-header', model: MODEL, provider: 'Novita' });
    expect(terminalOf(events)).toMatchObject({ generationId: 'gen-from-header' });
  });

  it('the first finish reason wins even if a later chunk says otherwise', async () => {
    const payloads = [
      chunkJson([contentChoice('Hi')]),
      chunkJson([finishChoice('length')]),
      chunkJson([finishChoice('stop')]),
    ];
    const events = await run([sseText(payloads)]);
    expect(events.filter((e) => e.type === 'finish')).toEqual([
      { type: 'finish', finishReason: 'length', nativeFinishReason: 'length' },
    ]);
    expect(terminalOf(events)).toMatchObject({ type: 'done', finishReason: 'length' });
  });

  describe('mid-stream errors', () => {
    const current = {
      code: 502,
      message: 'Provider returned error',
      metadata: { error_type: 'provider_unavailable', provider_code: 'E1' },
    };

    it.each([true, false])('keeps partial text and ends with the error (followed by [DONE]: %s)', async (done) => {
      const events = await run([sseText([chunkJson([contentChoice('Partial')]), errorChunk(current)], { done })]);
      expect(events.filter((e) => e.type === 'delta')).toEqual([{ type: 'delta', text: 'Partial' }]);
      expect(events.some((e) => e.type === 'done' || e.type === 'finish')).toBe(false);
      expect(terminalOf(events)).toMatchObject({
        type: 'error',
        error: { code: 'upstream_error', status: 502 },
        generationId: GEN_ID,
      });
    });

    it('accepts a string error code', async () => {
      const events = await run([
        sseText([chunkJson([contentChoice('a')]), errorChunk({ code: 'server_error', message: 'Server error' })]),
      ]);
      expect(terminalOf(events)).toMatchObject({ type: 'error', error: { code: 'upstream_error' } });
    });

    it('names the provider and its words from legacy metadata', async () => {
      const legacy = {
        code: 502,
        message: 'Provider returned error',
        metadata: { raw: 'upstream connect error', provider_name: 'Together' },
      };
      const terminal = terminalOf(await run([sseText([chunkJson([contentChoice('a')]), errorChunk(legacy)])]));
      expect(terminal.type).toBe('error');
      if (terminal.type === 'error') {
        expect(terminal.error.message).toContain('Together');
        expect(terminal.error.message).toContain('upstream connect error');
      }
    });

    it('treats a choice-level finish_reason "error" without an error object as a failure', async () => {
      const choice = {
        index: 0,
        delta: { content: '', role: 'assistant' },
        finish_reason: 'error',
        native_finish_reason: 'MALFORMED_FUNCTION_CALL',
      };
      const events = await run([sseText([chunkJson([contentChoice('a')]), chunkJson([choice])])]);
      expect(events.some((e) => e.type === 'finish')).toBe(false);
      const terminal = terminalOf(events);
      expect(terminal).toMatchObject({ type: 'error', error: { code: 'upstream_error' } });
      if (terminal.type === 'error') expect(terminal.error.message).toContain('MALFORMED_FUNCTION_CALL');
    });

    it('a 200 stream whose only event is an error ends in that error, with no text', async () => {
      const events = await run([sseText([errorChunk({ code: 429, message: 'Rate limit exceeded' })])]);
      expect(events.some((e) => e.type === 'delta' || e.type === 'done')).toBe(false);
      expect(terminalOf(events)).toMatchObject({ type: 'error', error: { code: 'rate_limited', status: 429 } });
    });

    it('still reports a usage chunk that follows the error, once, before the error', async () => {
      const events = await run([sseText([chunkJson([contentChoice('a')]), errorChunk(current), usageChunk('B')])]);
      expect(events.filter((e) => e.type === 'usage')).toHaveLength(1);
      expect(events.at(-2)?.type).toBe('usage');
      expect(terminalOf(events).type).toBe('error');
    });

    it('stops listening shortly after an error when the server keeps the connection open', async () => {
      const body = bodyOf([`data: ${errorChunk(current)}\n\n`], { hang: true });
      const started = Date.now();
      const events = await collect(readChatStream(body.stream, options({ afterErrorGraceMs: 20 })));
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(terminalOf(events).type).toBe('error');
      expect(body.isCancelled()).toBe(true);
    });
  });

  it('a stream that ends with neither [DONE] nor a finish reason is an error', async () => {
    const events = await run([sseText([chunkJson([contentChoice('Half an ans')])], { done: false })]);
    expect(events.filter((e) => e.type === 'delta')).toHaveLength(1);
    const terminal = terminalOf(events);
    expect(terminal).toMatchObject({ type: 'error', error: { code: 'upstream_error' } });
    if (terminal.type === 'error') expect(terminal.error.message).toContain('ended unexpectedly');
  });

  it('a stream with a finish reason but no [DONE] is done; [DONE] without a finish reason is done with null', async () => {
    const finished = await run([
      sseText([chunkJson([contentChoice('x')]), chunkJson([finishChoice()])], { done: false }),
    ]);
    expect(terminalOf(finished)).toMatchObject({ type: 'done', finishReason: 'stop' });
    const bare = await run([sseText([chunkJson([contentChoice('x')])])]);
    expect(terminalOf(bare)).toEqual({ type: 'done', finishReason: null, generationId: GEN_ID });
  });

  it('an unreadable data payload ends the stream with upstream_error, without throwing', async () => {
    const events = await run([
      'data: {"id":"gen-1","choices":[{"delta":{"content":"ok"}}]}\n\n',
      'data: {not json\n\n',
      'data: [DONE]\n\n',
    ]);
    expect(events.filter((e) => e.type === 'delta')).toEqual([{ type: 'delta', text: 'ok' }]);
    expect(terminalOf(events)).toMatchObject({ type: 'error', error: { code: 'upstream_error' } });
  });

  it('emits started (with the requested model) before text when chunks carry no metadata', async () => {
    const events = await run([
      'data: {"choices":[{"delta":{"content":"hi"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n',
    ]);
    expect(events.map((e) => e.type)).toEqual(['started', 'delta', 'finish', 'done']);
    expect(events[0]).toEqual({
      type: 'started',
      generationId: null,
      model: 'inclusionai/ling-3.0-flash',
      provider: null,
    });
  });

  it('on abort, stops promptly with a terminal aborted error and cancels the body', async () => {
    const controller = new AbortController();
    const body = bodyOf([`data: ${chunkJson([contentChoice('Hel')])}\n\n`], { hang: true });
    const events: UpstreamEvent[] = [];
    const started = Date.now();
    for await (const event of readChatStream(body.stream, options({ signal: controller.signal }))) {
      events.push(event);
      if (event.type === 'delta') setTimeout(() => controller.abort(), 5);
    }
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(events.map((e) => e.type)).toEqual(['started', 'delta', 'error']);
    expect(terminalOf(events)).toMatchObject({ type: 'error', error: { code: 'aborted' }, generationId: GEN_ID });
    expect(body.isCancelled()).toBe(true);
  });

  it('reports usage already received before an abort', async () => {
    const controller = new AbortController();
    const body = bodyOf(
      [sseText([chunkJson([contentChoice('x')]), chunkJson([finishChoice()]), usageChunk('B')], { done: false })],
      { hang: true },
    );
    const events: UpstreamEvent[] = [];
    setTimeout(() => controller.abort(), 20);
    for await (const event of readChatStream(body.stream, options({ signal: controller.signal }))) events.push(event);
    expect(events.filter((e) => e.type === 'usage')).toHaveLength(1);
    expect(terminalOf(events)).toMatchObject({ type: 'error', error: { code: 'aborted' } });
  });

  it('a silent stream times out', async () => {
    const body = bodyOf([': OPENROUTER PROCESSING\n\n'], { hang: true });
    const events = await collect(readChatStream(body.stream, options({ idleTimeoutMs: 20 })));
    expect(events).toEqual([
      { type: 'error', error: expect.objectContaining({ code: 'timeout' }), generationId: null },
    ]);
  });
});
