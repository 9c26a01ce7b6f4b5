// Test support: renders a React element into a happy-dom document and lets a test re-render it inside act().

import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  container: HTMLElement;
  render(element: ReactElement): void;
  unmount(): void;
}

export function mount(element: ReactElement): Mounted {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | null = null;
  const render = (next: ReactElement) => {
    act(() => {
      root ??= createRoot(container);
      root.render(next);
    });
  };
  render(element);
  return {
    container,
    render,
    unmount() {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

/** Lets pending work (a grammar's dynamic import, a clipboard write) settle and React apply what it set. */
export async function settle(until: () => boolean = () => true, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  do {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  } while (!until() && Date.now() < deadline);
}
