// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from './Markdown';
import { lowlight } from './highlight-engine';
import { warmHighlighting } from './highlight';
import { grammarNames } from './languages';
import { type Mounted, mount } from './test-dom';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

describe('warmHighlighting', () => {
  it('loads and compiles every grammar in idle moments, so a code block is highlighted in the frame that shows it', async () => {
    const compile = vi.spyOn(lowlight, 'highlight');
    let idleMoments = 0;
    await warmHighlighting(async () => {
      idleMoments++;
    });

    for (const name of grammarNames()) {
      expect(lowlight.registered(name)).toBe(true);
      expect(compile).toHaveBeenCalledWith(name, '');
    }
    // One step per idle moment: a load, then a compile, for each grammar.
    expect(idleMoments).toBe(grammarNames().length * 2);

    mounted = mount(<Markdown text={'```ts\nconst answer = 42;\n```'} />);
    expect(mounted.container.querySelector('pre .hljs-keyword')?.textContent).toBe('const');
  });
});

describe('grammarNames', () => {
  it('lists every bundled grammar once, the ones replies show most first', () => {
    const names = grammarNames();
    expect(names.slice(0, 5)).toEqual(['python', 'typescript', 'javascript', 'bash', 'json']);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(29);
  });
});
