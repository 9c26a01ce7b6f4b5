// Runs in the fake OpenRouter process: framing chaos a real network produces, applied to a planned stream.
//
// TCP gives no event boundaries: a read can end inside `data: `, inside a multi-byte UTF-8 character, or
// hold several events; and SSE allows CRLF line endings. Each transform keeps the byte stream's meaning.

import { type PlannedWrite } from './stream-plan';

/** A small seeded generator, so a failing chaos run can be replayed byte for byte. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function textOf(chunk: string | Uint8Array): string {
  return typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
}

export function* crlf(writes: Iterable<PlannedWrite>): Generator<PlannedWrite> {
  for (const w of writes) yield { ...w, chunk: textOf(w.chunk).replace(/\r?\n/g, '\r\n') };
}

/** Merges runs of 2–4 consecutive writes into one, dropping the pauses between them. */
export function* coalesce(writes: Iterable<PlannedWrite>, random: () => number): Generator<PlannedWrite> {
  let group: PlannedWrite[] = [];
  let target = 2 + Math.floor(random() * 3);
  const flush = (): PlannedWrite | null => {
    const first = group[0];
    if (!first) return null;
    const merged: PlannedWrite = {
      chunk: group.map((w) => textOf(w.chunk)).join(''),
      delayMs: first.delayMs,
      data: group.some((w) => w.data),
    };
    const progress = group
      .map((w) => w.progress)
      .filter((p) => p !== undefined)
      .at(-1);
    if (progress) merged.progress = progress;
    group = [];
    target = 2 + Math.floor(random() * 3);
    return merged;
  };
  for (const w of writes) {
    group.push(w);
    if (group.length >= target) {
      const merged = flush();
      if (merged) yield merged;
    }
  }
  const rest = flush();
  if (rest) yield rest;
}

/**
 * Byte offsets at which to cut one write: inside every `data: ` prefix, inside the first multi-byte
 * character, and at random points 1–24 bytes apart.
 */
export function cutPoints(bytes: Uint8Array, random: () => number): number[] {
  const cuts = new Set<number>();
  const text = Buffer.from(bytes);
  for (let i = text.indexOf('data: '); i !== -1; i = text.indexOf('data: ', i + 1)) cuts.add(i + 3);
  const lead = bytes.findIndex((b) => b >= 0xc0);
  if (lead !== -1) cuts.add(lead + 1);
  for (let pos = 1 + Math.floor(random() * 24); pos < bytes.length; pos += 1 + Math.floor(random() * 24)) cuts.add(pos);
  return [...cuts].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b);
}

/** Splits every write into byte pieces written ~1 ms apart, so the client sees them as separate reads. */
export function* splitBytes(writes: Iterable<PlannedWrite>, random: () => number): Generator<PlannedWrite> {
  for (const w of writes) {
    const bytes = typeof w.chunk === 'string' ? Buffer.from(w.chunk, 'utf8') : w.chunk;
    const cuts = [0, ...cutPoints(bytes, random), bytes.length];
    for (let i = 0; i < cuts.length - 1; i++) {
      const piece: PlannedWrite = {
        chunk: bytes.subarray(cuts[i], cuts[i + 1]),
        delayMs: i === 0 ? w.delayMs : 1,
        data: w.data,
      };
      if (i === cuts.length - 2 && w.progress) piece.progress = w.progress;
      yield piece;
    }
  }
}
