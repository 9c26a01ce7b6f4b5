import { describe, expect, it } from 'vitest';
import { coalesce, crlf, cutPoints, seededRandom, splitBytes } from './chaos';
import { chunkText, replyFor } from './reply-text';
import { behaviourFor, defaultBehaviour, fakeModels } from './scenarios';
import { KEEP_ALIVE, type PlannedWrite, planStream, type StreamPlan } from './stream-plan';
import { computeUsage } from './usage';

function plan(overrides: Partial<StreamPlan> = {}): StreamPlan {
  return {
    head: {
      id: 'gen-1785160442-5ORlzdIrlBsDoqBP7E7B',
      created: 1785160442,
      model: 'openai/gpt-4o-mini',
      provider: 'OpenAI',
      era: '2026',
    },
    behaviour: defaultBehaviour,
    chunkDelayMs: 30,
    reasoningPieces: [],
    contentPieces: chunkText(replyFor('Grüße — 你好 🚀')),
    finish: 'stop',
    nativeFinish: 'stop',
    includeUsage: true,
    usageFor: () =>
      computeUsage({
        promptTokens: 1,
        completionTokens: 1,
        reasoningTokens: 0,
        price: { prompt: 0, completion: 0 },
        free: true,
        charged: true,
      }),
    ...overrides,
  };
}

const bytesOf = (writes: PlannedWrite[]): Buffer =>
  Buffer.concat(writes.map((w) => (typeof w.chunk === 'string' ? Buffer.from(w.chunk) : Buffer.from(w.chunk))));

describe('chaos transforms', () => {
  it('splitting keeps every byte, and cuts inside "data: " and inside a multi-byte character', () => {
    const original = [...planStream(plan())];
    const pieces = [...splitBytes(original, seededRandom(1))];
    expect(bytesOf(pieces).equals(bytesOf(original))).toBe(true);
    expect(pieces.length).toBeGreaterThan(original.length * 3);

    const texts = pieces.map((p) => Buffer.from(p.chunk as Uint8Array));
    expect(texts.some((b) => b.toString('latin1').endsWith('dat'))).toBe(true);
    // A piece ending in a lead byte or mid-sequence cannot be decoded alone.
    const endsMidCharacter = (b: Buffer) => {
      for (let back = 1; back <= Math.min(3, b.length); back++) {
        const byte = b[b.length - back] ?? 0;
        if (byte >= 0xc0) return back < (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2);
        if (byte < 0x80) return false;
      }
      return false;
    };
    expect(texts.some(endsMidCharacter)).toBe(true);
  });

  it('cut points always include the middle of each data prefix', () => {
    const bytes = Buffer.from('data: {"a":1}\n\ndata: {"b":"é"}\n\n');
    const cuts = cutPoints(bytes, seededRandom(7));
    expect(cuts).toContain(3);
    expect(cuts).toContain(bytes.indexOf('data: ', 1) + 3);
    expect(cuts).toContain(bytes.indexOf(0xc3) + 1);
  });

  it('coalescing merges events into fewer writes without changing the bytes', () => {
    const original = [...planStream(plan())];
    const merged = [...coalesce(original, seededRandom(3))];
    expect(merged.length).toBeLessThan(original.length / 1.5);
    expect(bytesOf(merged).equals(bytesOf(original))).toBe(true);
    expect(merged.some((w) => ((w.chunk as string).match(/data: /g) ?? []).length >= 2)).toBe(true);
    expect(merged.at(-1)?.chunk).toMatch(/data: \[DONE\]\n\n$/);
  });

  it('CRLF rewrites every line ending', () => {
    const text = [...crlf(planStream(plan()))].map((w) => w.chunk as string).join('');
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text.startsWith(': OPENROUTER PROCESSING\r\n\r\n')).toBe(true);
  });
});

describe('planned pauses', () => {
  it('the stall model pauses for 2.5 s of keep-alive comments after five content chunks', () => {
    const writes = [...planStream(plan({ behaviour: behaviourFor(fakeModels.stall) }))];
    const firstData = writes.findIndex((w) => w.data);
    // The role chunk, then five content chunks.
    const stallStart = firstData + 6;
    const stall = writes.slice(stallStart, stallStart + 5);
    expect(stall.every((w) => w.chunk === KEEP_ALIVE && w.delayMs === 500)).toBe(true);
    expect(writes[stallStart + 5]?.data).toBe(true);
  });

  it('comments come before the first data event and between content chunks', () => {
    const writes = [...planStream(plan())];
    expect(writes.slice(0, 2).map((w) => w.chunk)).toEqual([KEEP_ALIVE, KEEP_ALIVE]);
    expect(writes[0]?.delayMs).toBe(0);
    expect(writes.slice(3, -3).some((w) => w.chunk === KEEP_ALIVE)).toBe(true);
  });
});
