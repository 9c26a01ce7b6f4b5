import type { Nodes, Root } from 'mdast';
import { describe, expect, it, vi } from 'vitest';
import { createBlockSplitter } from './block-splitter';
import { sampleReply } from '../../test-support/markdown-fixture';
import { parseMarkdown } from './parse';

/** A parsed tree without positions, to compare trees parsed from different offsets. */
function shape(node: Nodes): unknown {
  const { position: _position, ...rest } = node as Nodes & { position?: unknown };
  if ('children' in rest) return { ...rest, children: (rest.children as Nodes[]).map(shape) };
  return rest;
}

function feed(text: string, chunkSizes: readonly number[]) {
  const parse = vi.fn(parseMarkdown);
  const splitter = createBlockSplitter(parse);
  let at = 0;
  let n = 0;
  while (at < text.length) {
    at = Math.min(text.length, at + (chunkSizes[n++ % chunkSizes.length] ?? 1));
    splitter.split(text.slice(0, at), true);
  }
  return { splitter, parse, flushes: n };
}

describe('createBlockSplitter', () => {
  it.each([[[1]], [[2, 5, 3]], [[7, 1, 13]], [[40]]])(
    'streamed in chunks of %j, ends with the blocks a whole parse gives',
    (chunkSizes) => {
      const { splitter } = feed(sampleReply, chunkSizes);
      const blocks = splitter.split(sampleReply, false);
      expect(blocks.map((b) => b.source).join('')).toBe(sampleReply);
      expect(blocks.map((b) => shape(b.tree.children[0] as Nodes))).toEqual(
        parseMarkdown(sampleReply).children.map(shape),
      );
      expect(blocks.some((b) => b.live)).toBe(false);
    },
  );

  it('parses once per flush, and only from the start of the last block', () => {
    const { parse, flushes } = feed(sampleReply, [3]);
    expect(parse).toHaveBeenCalledTimes(flushes);
    // The longest block of the sample (the code fence) plus one chunk bounds every parse.
    const longestBlock = Math.max(
      ...parseMarkdown(sampleReply).children.map(
        (c) => (c.position?.end.offset ?? 0) - (c.position?.start.offset ?? 0),
      ),
    );
    for (const [input] of parse.mock.calls) expect(input.length).toBeLessThanOrEqual(longestBlock + 3 + 2);
  });

  it('keeps the finished blocks as the same objects while the last one grows', () => {
    const splitter = createBlockSplitter();
    const before = splitter.split('# Title\n\nFirst paragraph.\n\nSecond', true);
    const after = splitter.split('# Title\n\nFirst paragraph.\n\nSecond paragraph', true);
    expect(after).toHaveLength(3);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).not.toBe(before[2]);
    expect(after[2]?.live).toBe(true);
    expect(after[1]?.live).toBe(false);
  });

  it('does not parse again for the same text', () => {
    const parse = vi.fn(parseMarkdown);
    const splitter = createBlockSplitter(parse);
    const first = splitter.split('Hello', true);
    expect(splitter.split('Hello', true)).toBe(first);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('parses everything again when the text is replaced rather than extended', () => {
    const parse = vi.fn(parseMarkdown);
    const splitter = createBlockSplitter(parse);
    splitter.split('# One\n\nTwo\n\nThree', false);
    const blocks = splitter.split('# Uno\n\nDos', false);
    expect(parse).toHaveBeenLastCalledWith('# Uno\n\nDos');
    expect(blocks.map((b) => b.source)).toEqual(['# Uno\n\n', 'Dos']);
  });

  it('shows the live block repaired and the finished reply as written', () => {
    const splitter = createBlockSplitter();
    const live = splitter.split('Table:\n\n| a | b |', true);
    expect(live.at(-1)?.tree.children[0]?.type).toBe('table');
    expect(live.at(-1)?.source).toBe('| a | b |');
    const done = splitter.split('Table:\n\n| a | b |', false);
    expect(done.at(-1)?.tree.children[0]?.type).toBe('paragraph');
    expect(done[0]).toBe(live[0]);
  });

  it('turns the growing block into several when a new block starts in it', () => {
    const splitter = createBlockSplitter();
    splitter.split('Intro\n\n```ts\nlet a = 1;\n', true);
    const blocks = splitter.split('Intro\n\n```ts\nlet a = 1;\n```\n\nAfter', true);
    expect(blocks.map((b) => (b.tree as Root).children[0]?.type)).toEqual(['paragraph', 'code', 'paragraph']);
    expect(blocks.map((b) => b.source)).toEqual(['Intro\n\n', '```ts\nlet a = 1;\n```\n\n', 'After']);
  });
});
