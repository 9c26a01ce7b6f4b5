// Renderer: one parsed block to React elements, with raw HTML turned into text on the way.

import type { Element, Text } from 'hast';
import { type Components, toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { Html, Root } from 'mdast';
import { type Handler, toHast } from 'mdast-util-to-hast';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { CodeBlock } from './CodeBlock';
import { ImageAsLink, SafeLink, ScrollTable } from './elements';
import { CodeOrMathBlock, CodeOrInlineMath } from './math-elements';

/** Raw HTML in model output is shown as the text it is, never parsed: a block of it as a paragraph. */
const html: Handler = (_state, node: Html, parent) => {
  const text: Text = { type: 'text', value: node.value };
  if (parent && parent.type !== 'root') return text;
  const paragraph: Element = { type: 'element', tagName: 'p', properties: {}, children: [text] };
  return paragraph;
};

/** A block still streaming shows its math as TeX: half a formula would only flash up as a KaTeX error. */
const liveComponents: Partial<Components> = {
  a: SafeLink,
  img: ImageAsLink,
  pre: CodeBlock,
  table: ScrollTable,
};

const finishedComponents: Partial<Components> = {
  ...liveComponents,
  pre: CodeOrMathBlock,
  code: CodeOrInlineMath,
};

export function renderTree(tree: Root, live = false): ReactNode {
  // A footnote section's heading is for screen readers only: the app's own utility class hides it (mdast-util-to-hast
  // would name a class of its own, sr-only, that nothing styles).
  const hast = toHast(tree, { handlers: { html }, footnoteLabelProperties: { className: ['visually-hidden'] } });
  const components = live ? liveComponents : finishedComponents;
  return toJsxRuntime(hast, { Fragment, jsx, jsxs, components, passNode: true, ignoreInvalidStyle: true });
}
