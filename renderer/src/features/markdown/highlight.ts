// Renderer: syntax highlighting as React elements (lowlight gives a tree; no HTML strings are ever injected).

import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import type { Lowlight } from './highlight-engine';
import { grammarName, grammarNames, loadGrammar } from './languages';

let engine: Lowlight | null = null;
const loading = new Map<string, Promise<void>>();

function ensureGrammar(name: string): Promise<void> {
  let pending = loading.get(name);
  if (!pending) {
    pending = Promise.all([import('./highlight-engine'), loadGrammar(name)]).then(([module, grammar]) => {
      module.lowlight.register(name, grammar);
      engine = module.lowlight;
    });
    // A failed chunk load may be retried by the next block that asks.
    pending.catch(() => loading.delete(name));
    loading.set(name, pending);
  }
  return pending;
}

/** Runs a callback when the page is idle; answers when it has run. */
export type WhenIdle = () => Promise<void>;

const whenBrowserIdle: WhenIdle = () =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve());
    else setTimeout(resolve, 50);
  });

/**
 * Loads the highlighter and every grammar, and has each compiled (highlight.js compiles a grammar's patterns the
 * first time it highlights with it), one step per idle moment. Without it the first code block of a session stalls
 * the frame that shows it, and every code block drawn while the engine loaded is highlighted again in one frame when
 * it arrives: in a compare, that frame is when the slower columns' first words are due. A failed load is left for
 * the first block that asks.
 */
export async function warmHighlighting(whenIdle: WhenIdle = whenBrowserIdle): Promise<void> {
  for (const name of grammarNames()) {
    await whenIdle();
    try {
      await ensureGrammar(name);
    } catch {
      continue;
    }
    await whenIdle();
    engine?.highlight(name, '');
  }
}

/** Highlighted code, or null while its grammar loads (and for languages without one): show the plain text then. */
export function useHighlight(code: string, language: string | null): ReactNode | null {
  const name = grammarName(language);
  const highlighter = name !== null && engine?.registered(name) ? engine : null;
  const [, setLoads] = useState(0);

  useEffect(() => {
    if (name === null || highlighter !== null) return;
    let current = true;
    ensureGrammar(name).then(
      () => {
        if (current) setLoads((n) => n + 1);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [name, highlighter]);

  return useMemo(() => {
    if (highlighter === null || name === null) return null;
    try {
      return toJsxRuntime(highlighter.highlight(name, code), { Fragment, jsx, jsxs });
    } catch {
      return null;
    }
  }, [highlighter, name, code]);
}
