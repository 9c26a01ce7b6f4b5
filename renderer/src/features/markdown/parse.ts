// Renderer: the one Markdown parser (CommonMark + GitHub's extensions + $math$), used to split a reply into blocks and
// to render them.

import type { Root, RootContent, Text } from 'mdast';
import { mathFromMarkdown } from 'mdast-util-math';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { math } from 'micromark-extension-math';
import { gfm } from 'micromark-extension-gfm';

const extensions = [gfm(), math()];
const mdastExtensions = [...gfmFromMarkdown(), mathFromMarkdown()];

export function parseMarkdown(text: string): Root {
  const tree = fromMarkdown(text, { extensions, mdastExtensions });
  keepDollarAmountsAsText(tree, text);
  return tree;
}

/**
 * `$5 and $10` is money, not math. The parser pairs any two single dollar signs; like Pandoc, a single-dollar formula
 * counts only when its opening `$` has no space after it, its closing `$` no space before it and no digit after it.
 * Anything else goes back to being the text it was.
 */
function keepDollarAmountsAsText(parent: { children: RootContent[] }, source: string): void {
  parent.children = parent.children.map((node) => {
    if ('children' in node) keepDollarAmountsAsText(node as { children: RootContent[] }, source);
    if (node.type !== 'inlineMath') return node;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return node;
    const written = source.slice(start, end);
    if (written.startsWith('$$')) return node;
    const spaced = /^\$\s|\s\$$/.test(written);
    const beforeDigit = /\d/.test(source[end] ?? '');
    if (!spaced && !beforeDigit) return node;
    const text: Text = { type: 'text', value: written, position: node.position };
    return text;
  });
}
