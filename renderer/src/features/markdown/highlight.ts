// Renderer: syntax highlighting as React elements (lowlight gives a tree; no HTML strings are ever injected).

import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { createLowlight } from 'lowlight';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { grammarName, loadGrammar } from './languages';

const lowlight = createLowlight();
const loading = new Map<string, Promise<void>>();

function ensureGrammar(name: string): Promise<void> {
  let pending = loading.get(name);
  if (!pending) {
    pending = loadGrammar(name).then((grammar) => lowlight.register(name, grammar));
    // A failed chunk load may be retried by the next block that asks.
    pending.catch(() => loading.delete(name));
    loading.set(name, pending);
  }
  return pending;
}

/** Highlighted code, or null while its grammar loads (and for languages without one): show the plain text then. */
export function useHighlight(code: string, language: string | null): ReactNode | null {
  const name = grammarName(language);
  const ready = name !== null && lowlight.registered(name);
  const [, setLoads] = useState(0);

  useEffect(() => {
    if (name === null || ready) return;
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
  }, [name, ready]);

  return useMemo(() => {
    if (!ready || name === null) return null;
    try {
      return toJsxRuntime(lowlight.highlight(name, code), { Fragment, jsx, jsxs });
    } catch {
      return null;
    }
  }, [ready, name, code]);
}
