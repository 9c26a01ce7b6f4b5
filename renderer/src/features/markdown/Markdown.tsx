// Renderer: a reply as Markdown. While it streams, only its last block is parsed and rendered again.

import { useMemo, useState } from 'react';
import { createBlockSplitter } from './block-splitter';
import { MarkdownBlock } from './MarkdownBlock';
import './markdown.css';

export function Markdown({ text, streaming = false }: { text: string; streaming?: boolean }) {
  const [splitter] = useState(createBlockSplitter);
  const blocks = useMemo(() => splitter.split(text, streaming), [splitter, text, streaming]);
  return (
    <div className="markdown">
      {blocks.map((block, i) => (
        // Blocks only ever grow at the end, so the index names a block for as long as it lives.
        <MarkdownBlock key={i} block={block} />
      ))}
    </div>
  );
}
