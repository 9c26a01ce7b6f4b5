// Renderer: a reply as Markdown. While it streams, only its last block is parsed and rendered again.

import { memo, useMemo, useState } from 'react';
import { type MarkdownBlock as Block, createBlockSplitter } from './block-splitter';
import { MarkdownBlock } from './MarkdownBlock';
import clsx from 'clsx';
import styles from './markdown.module.css';

/**
 * Blocks are rendered in groups of this many. A 50 KB reply has ~700 blocks; reconciling them one by one on every
 * streamed frame made React's work per frame grow with the reply. Grouped, a frame compares ~45 groups, and a group
 * whose blocks are the same objects as before is skipped whole.
 */
const groupSize = 16;

const sameBlocks = (before: readonly Block[], after: readonly Block[]) =>
  before.length === after.length &&
  before.every((block, i) => {
    const other = after[i]!;
    return block === other || (block.source === other.source && block.live === other.live);
  });

const BlockGroup = memo(
  function BlockGroup({ blocks, sealed }: { blocks: readonly Block[]; sealed: boolean }) {
    return (
      // A sealed group (a streaming reply's, with blocks after it) never changes again: the browser may skip it.
      // data-group: which groups are sealed, for the tests.
      <div className={clsx(styles.mdGroup, sealed && styles.sealed)} data-group={sealed ? 'sealed' : 'open'}>
        {blocks.map((block, i) => (
          // Blocks only ever grow at the end, so the index names a block for as long as it lives.
          <MarkdownBlock key={i} block={block} />
        ))}
      </div>
    );
  },
  (before, after) => before.sealed === after.sealed && sameBlocks(before.blocks, after.blocks),
);

export function Markdown({ text, streaming = false }: { text: string; streaming?: boolean }) {
  const [splitter] = useState(createBlockSplitter);
  const blocks = useMemo(() => splitter.split(text, streaming), [splitter, text, streaming]);
  const groups: Block[][] = [];
  for (let i = 0; i < blocks.length; i += groupSize) groups.push(blocks.slice(i, i + groupSize));
  return (
    <div className={clsx(styles.markdown, streaming && styles.streaming)} data-testid="markdown">
      {groups.map((group, i) => (
        <BlockGroup
          key={i}
          blocks={group}
          // Only while streaming: a finished reply's groups may first render off screen, where the browser would
          // give them a guessed height and the list would measure that. (While it streams, a group off screen may
          // have that guessed height — every sealed one, and the open one after the first — until it is seen.)
          sealed={streaming && i < groups.length - 1}
        />
      ))}
    </div>
  );
}
