// Renderer: splits a reply into top-level Markdown blocks, re-parsing only from the last block on as text is appended.

import type { Root } from 'mdast';
import { parseMarkdown } from './parse';
import { repairForDisplay } from './stream-repair';

export interface MarkdownBlock {
  /**
   * This block's text in the reply, blank lines after it included. The blocks' sources join to the whole reply, but
   * for trailing text that shows nothing yet (blank lines, or the backticks of a fence still arriving).
   */
  source: string;
  /** The parsed block (for the live block, parsed from its display repair). */
  tree: Root;
  /** The last block of a reply that is still streaming: it may still grow or turn into more than one block. */
  live: boolean;
}

export interface BlockSplitter {
  split(text: string, streaming: boolean): readonly MarkdownBlock[];
}

/**
 * Keeps the previous split. When the new text extends the old one (a stream appending), every block but the last
 * is kept as it was (the same objects, so memoised views skip them) and only the text from the last block's start
 * is parsed again: the work per flush follows the size of the last block, not of the reply. Any other change of
 * text parses everything once.
 *
 * Blocks are parsed apart, so a link reference or footnote defined in another block does not resolve; model
 * output uses inline links almost always, and such a reference stays readable as its literal text.
 */
export function createBlockSplitter(
  parse: (text: string) => Root = parseMarkdown,
  repair: (text: string) => string = repairForDisplay,
): BlockSplitter {
  let lastText = '';
  let lastStreaming = false;
  let blocks: readonly MarkdownBlock[] = [];

  return {
    split(text, streaming) {
      if (text === lastText && streaming === lastStreaming) return blocks;
      const kept = text.startsWith(lastText) ? blocks.slice(0, -1) : [];
      let offset = 0;
      for (const block of kept) offset += block.source.length;
      const tail = text.slice(offset);
      const children = parse(streaming ? repair(tail) : tail).children;

      const fresh: MarkdownBlock[] = children.map((child, i) => {
        // Repair only changes text inside the last block, so every block starts where it starts in the tail.
        const start = i === 0 ? 0 : (child.position?.start.offset ?? 0);
        const next = children[i + 1];
        const end = next ? (next.position?.start.offset ?? tail.length) : tail.length;
        return {
          source: tail.slice(start, end),
          tree: { type: 'root', children: [child] },
          live: streaming && i === children.length - 1,
        };
      });
      lastText = text;
      lastStreaming = streaming;
      blocks = [...kept, ...fresh];
      return blocks;
    },
  };
}
