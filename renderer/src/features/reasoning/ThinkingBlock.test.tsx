// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mount, type Mounted } from '../markdown/test-dom';
import { ThinkingBlock, type ThinkingBlockProps } from './ThinkingBlock';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

function show(props: ThinkingBlockProps): HTMLDetailsElement {
  if (mounted) mounted.render(<ThinkingBlock {...props} />);
  else mounted = mount(<ThinkingBlock {...props} />);
  const details = mounted.container.querySelector('details');
  if (!details) throw new Error('no Thinking block');
  return details;
}

/** A stored reply's Thinking block (reasoning done, answered, nothing streaming), with `extra` on top. */
const storedReply = (extra: Partial<ThinkingBlockProps> = {}): ThinkingBlockProps => ({
  reasoning: 'Hmm',
  answered: true,
  streaming: false,
  durationMs: null,
  ...extra,
});

describe('ThinkingBlock', () => {
  it('is open while only reasoning streams and folds once the answer starts, showing the time', () => {
    let block = show({ reasoning: 'Let me', answered: false, streaming: true, durationMs: null });
    expect(block.open).toBe(true);
    expect(block.querySelector('summary')?.textContent).toBe('Thinking…');
    block = show({ reasoning: 'Let me think.', answered: false, streaming: true, durationMs: null });
    expect(block.open).toBe(true);
    expect(block.textContent).toContain('Let me think.');
    block = show({ reasoning: 'Let me think.', answered: true, streaming: true, durationMs: 4230 });
    expect(block.open).toBe(false);
    expect(block.querySelector('summary')?.textContent).toBe('Thought for 4.2 s');
  });

  it('stays as the reader left it after the answer started', () => {
    let block = show({ reasoning: 'Hmm', answered: false, streaming: true, durationMs: null });
    block = show({ reasoning: 'Hmm', answered: true, streaming: true, durationMs: 1000 });
    block.querySelector('summary')?.click();
    block = show({ reasoning: 'Hmm', answered: true, streaming: false, durationMs: 1000 });
    expect(block.open).toBe(true);
  });

  it('opens as the reader last left it when shown again', () => {
    const choices: boolean[] = [];
    const block = show(storedReply({ initialOpen: true, onOpenChange: (open) => choices.push(open) }));
    expect(block.open).toBe(true);
    block.querySelector('summary')?.click();
    expect(block.open).toBe(false);
    expect(choices.at(-1)).toBe(false);
  });

  it('tells the choice during the click itself, before the toggle that follows it', () => {
    const choices: boolean[] = [];
    const block = show(storedReply({ onOpenChange: (open) => choices.push(open) }));
    // A browser toggles a <details> after the click has been dispatched, and tells of it in a later task; by then a
    // finished reply may have been drawn anew, reading the choice as it stood.
    // happy-dom toggles at once; held back here, as if its task had not run yet.
    const holdToggle = (event: Event) => event.stopPropagation();
    mounted?.container.addEventListener('toggle', holdToggle, { capture: true });
    block.querySelector('summary')?.click();
    mounted?.container.removeEventListener('toggle', holdToggle, { capture: true });
    expect(choices).toEqual([true]);
  });

  it('starts folded for a stored reply and shows no time when none was measured', () => {
    const block = show(storedReply({ reasoning: 'Reasoned' }));
    expect(block.open).toBe(false);
    expect(block.querySelector('summary')?.textContent).toBe('Thinking');
  });

  it('renders reasoning as Markdown, with the same safety as replies', () => {
    const block = show({
      reasoning: '**Plan:** check [this](javascript:alert(1)) <img src=x onerror=alert(1)>',
      answered: false,
      streaming: false,
      durationMs: null,
    });
    expect(block.querySelector('strong')?.textContent).toBe('Plan:');
    expect(block.querySelector('a, img')).toBeNull();
    expect(block.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
