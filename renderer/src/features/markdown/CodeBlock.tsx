// Renderer: a fenced code block: language and Copy in a header row, highlighted code that scrolls sideways.

import type { Element, ElementContent } from 'hast';
import type { ExtraProps } from 'hast-util-to-jsx-runtime';
import { CopyTextButton } from './CopyButton';
import { useHighlight } from './highlight';
import styles from './markdown.module.css';

export function textOf(nodes: readonly ElementContent[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? textOf(n.children) : '')).join('');
}

/** The `<code>` inside the `<pre>` that mdast-util-to-hast makes of a fence, and the language from its class. */
export function codeOf(pre: Element | undefined): { code: string; language: string | null } {
  const inner = pre?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  if (!inner) return { code: pre ? textOf(pre.children) : '', language: null };
  const classes = inner.properties.className;
  const languageClass = Array.isArray(classes)
    ? classes.find((c): c is string => typeof c === 'string' && c.startsWith('language-'))
    : undefined;
  // mdast-util-to-hast ends a fence's text with a newline the fence did not contain.
  const code = textOf(inner.children).replace(/\n$/, '');
  return { code, language: languageClass?.slice('language-'.length) ?? null };
}

export function CodeBlock({ node }: ExtraProps) {
  const { code, language } = codeOf(node);
  const highlighted = useHighlight(code, language);
  return (
    <div className={styles.codeBlock} data-testid="code-block">
      <div className={styles.codeHeader}>
        <span className={styles.codeLanguage} data-testid="code-language">
          {language ?? 'text'}
        </span>
        <CopyTextButton text={code} className={styles.codeCopy} />
      </div>
      {/* Focusable so long lines can be scrolled from the keyboard. */}
      <pre tabIndex={0}>
        <code className="hljs">{highlighted ?? code}</code>
      </pre>
    </div>
  );
}
