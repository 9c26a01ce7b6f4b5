// Renderer: one top-level block of a reply; re-renders only when its own text changes.

import { memo } from 'react';
import type { MarkdownBlock as Block } from './block-splitter';
import { renderTree } from './render-tree';

export const MarkdownBlock = memo(
  function MarkdownBlock({ block }: { block: Block }) {
    return renderTree(block.tree, block.live);
  },
  // By source, not by object: a block re-parsed with the same text (it just stopped being the last) is unchanged.
  (before, after) => before.block.source === after.block.source && before.block.live === after.block.live,
);
