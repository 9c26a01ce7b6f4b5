import { describe, expect, it } from 'vitest';
import { readSseData, type SseEnd } from './sse';
import { bodyOf, collect, encode, reasoningPayloads, sseText, splitAt } from '../test-support/openrouter-streams';

async function readAll(pieces: (string | Uint8Array)[]): Promise<{ payloads: string[]; end: SseEnd }> {
  const generator = readSseData(bodyOf(pieces).stream);
  const payloads: string[] = [];
  for (;;) {
    const next = await generator.next();
    if (next.done) return { payloads, end: next.value };
    payloads.push(next.value);
  }
}

const payloads = reasoningPayloads('C');
const text = sseText(payloads);
const bytes = encode(text);

describe('readSseData', () => {
  it('yields each data payload in order, skips keep-alive comments, and stops at [DONE]', async () => {
    const result = await readAll([text]);
    expect(result.payloads).toEqual(payloads);
    expect(result.end).toBe('done');
    expect(result.payloads.some((p) => p.includes('OPENROUTER PROCESSING'))).toBe(false);
  });

  it('fixture really contains multi-byte characters (so the split tests below cut through them)', () => {
    expect(bytes.length).toBeGreaterThan(text.length);
    expect(text).toContain('é—你好🙂');
  });

  it('gives the same payloads when the bytes are split into two reads at every offset', async () => {
    for (let offset = 0; offset <= bytes.length; offset++) {
      const result = await readAll(splitAt(bytes, [offset]));
      if (JSON.stringify(result.payloads) !== JSON.stringify(payloads) || result.end !== 'done') {
        expect.fail(`split at byte ${offset} gave ${JSON.stringify(result)}`);
      }
    }
  });

  it('gives the same payloads when read one byte at a time', async () => {
    const offsets = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    const result = await readAll(splitAt(bytes, offsets));
    expect(result.payloads).toEqual(payloads);
    expect(result.end).toBe('done');
  });

  it('handles CRLF line endings, including a split between CR and LF', async () => {
    const crlf = encode(sseText(payloads, { newline: '\r\n' }));
    expect((await readAll([crlf])).payloads).toEqual(payloads);
    for (let offset = 0; offset <= crlf.length; offset++) {
      const result = await readAll(splitAt(crlf, [offset]));
      if (JSON.stringify(result.payloads) !== JSON.stringify(payloads)) expect.fail(`CRLF split at ${offset}`);
    }
  });

  it('delivers several events from a single read', async () => {
    const result = await readAll(['data: {"a":1}\n\ndata: {"b":2}\n\n: ping\n\ndata: {"c":3}\n\n']);
    expect(result.payloads).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
    expect(result.end).toBe('eof');
  });

  it('reports eof, with every payload, when the stream ends without [DONE]', async () => {
    const result = await readAll([sseText(payloads, { done: false })]);
    expect(result.payloads).toEqual(payloads);
    expect(result.end).toBe('eof');
  });

  it('still counts a last event that lacks its blank-line terminator', async () => {
    expect(await readAll(['data: {"a":1}\n\ndata: [DONE]'])).toEqual({ payloads: ['{"a":1}'], end: 'done' });
    expect(await readAll(['data: {"a":1}'])).toEqual({ payloads: ['{"a":1}'], end: 'eof' });
  });

  it('ignores anything after [DONE] and cancels the body', async () => {
    const body = bodyOf(['data: {"a":1}\n\ndata: [DONE]\n\ndata: {"late":true}\n\n'], { hang: true });
    const seen = await collect(readSseData(body.stream));
    expect(seen).toEqual(['{"a":1}']);
    expect(body.isCancelled()).toBe(true);
  });

  it('throws AbortError promptly when aborted during a pending read, and cancels the body', async () => {
    const body = bodyOf(['data: {"a":1}\n\n'], { hang: true });
    const controller = new AbortController();
    const generator = readSseData(body.stream, { signal: controller.signal });
    expect((await generator.next()).value).toBe('{"a":1}');
    const pending = generator.next();
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(body.isCancelled()).toBe(true);
  });

  it('throws AbortError without yielding when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const generator = readSseData(bodyOf(['data: {"a":1}\n\n']).stream, { signal: controller.signal });
    await expect(generator.next()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('throws TimeoutError when no bytes arrive within the idle timeout', async () => {
    const body = bodyOf([': OPENROUTER PROCESSING\n\n'], { hang: true });
    const started = Date.now();
    await expect(collect(readSseData(body.stream, { idleTimeoutMs: 30 }))).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(body.isCancelled()).toBe(true);
  });

  it('does not time out while the consumer is slow but bytes keep arriving', async () => {
    const generator = readSseData(bodyOf(['data: {"a":1}\n\n', 'data: {"b":2}\n\n']).stream, { idleTimeoutMs: 20 });
    expect((await generator.next()).value).toBe('{"a":1}');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect((await generator.next()).value).toBe('{"b":2}');
  });

  it('cancels the body when the consumer stops early', async () => {
    const body = bodyOf(['data: {"a":1}\n\n'], { hang: true });
    for await (const payload of readSseData(body.stream)) {
      expect(payload).toBe('{"a":1}');
      break;
    }
    expect(body.isCancelled()).toBe(true);
  });
});
