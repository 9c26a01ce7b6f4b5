// Renderer: the one Markdown parser (CommonMark + GitHub's extensions), used to split a reply into blocks and to render them.

import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

const extensions = [gfm()];
const mdastExtensions = gfmFromMarkdown();

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions, mdastExtensions });
}
