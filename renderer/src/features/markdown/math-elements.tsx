// Renderer: where a finished reply's math appears: `$$…$$` and ```math fences as display formulas, `$…$` inline.

import type { ComponentProps } from 'react';
import type { ExtraProps } from 'hast-util-to-jsx-runtime';
import { CodeBlock, codeOf, textOf } from './CodeBlock';
import { MathFormula } from './MathFormula';

/** mdast-util-math writes a display formula as a fence of language "math", which is also how GitHub reads one. */
export function CodeOrMathBlock(props: ExtraProps) {
  const { code, language } = codeOf(props.node);
  if (language === 'math') return <MathFormula tex={code} display />;
  return <CodeBlock {...props} />;
}

export function CodeOrInlineMath({ node, className, children }: ComponentProps<'code'> & ExtraProps) {
  if (className?.split(' ').includes('math-inline')) {
    return <MathFormula tex={node ? textOf(node.children) : ''} display={false} />;
  }
  return <code className={className}>{children}</code>;
}
