// Renderer: a TeX formula from a reply, drawn by KaTeX as MathML (which Chromium draws natively: no fonts or CSS to
// ship). KaTeX loads on the first formula, so replies without math never pay for it; until then the TeX shows as code.

import type katexModule from 'katex';
import { useEffect, useMemo, useState } from 'react';
import styles from './markdown.module.css';

type Katex = typeof katexModule;

let katex: Katex | null = null;
let loading: Promise<Katex> | null = null;

function loadKatex(): Promise<Katex> {
  loading ??= import('katex').then((module) => (katex = module.default));
  // A failed chunk load may be retried by the next formula.
  loading.catch(() => (loading = null));
  return loading;
}

/**
 * Model output is untrusted. With `trust: false` KaTeX refuses every command that could make a link, an image, a
 * class or an attribute (\href, \url, \includegraphics, \htmlClass…) and escapes all text; `maxExpand` and `maxSize`
 * bound what a hostile macro or size can cost. What it returns is therefore markup KaTeX built itself.
 */
export function renderFormula(engine: Katex, tex: string, display: boolean): string {
  return engine.renderToString(tex, {
    displayMode: display,
    output: 'mathml',
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    maxExpand: 500,
    maxSize: 20,
  });
}

export function MathFormula({ tex, display }: { tex: string; display: boolean }) {
  const [, setLoads] = useState(0);
  const engine = katex;

  useEffect(() => {
    if (engine !== null) return;
    let current = true;
    loadKatex().then(
      () => {
        if (current) setLoads((n) => n + 1);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [engine]);

  const markup = useMemo(() => (engine === null ? null : renderFormula(engine, tex, display)), [engine, tex, display]);

  if (markup === null) {
    return display ? (
      <pre className={styles.mathSource}>
        <code>{tex}</code>
      </pre>
    ) : (
      <code className={styles.mathSource}>{tex}</code>
    );
  }
  const Tag = display ? 'div' : 'span';
  return <Tag className={display ? styles.mathDisplay : undefined} dangerouslySetInnerHTML={{ __html: markup }} />;
}
