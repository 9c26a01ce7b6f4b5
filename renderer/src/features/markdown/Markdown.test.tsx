// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from './Markdown';
import { sampleReply } from '../../test-support/markdown-fixture';
import { parseMarkdown } from './parse';
import { renderTree } from './render-tree';
import { mount, type Mounted, settle } from './test-dom';

vi.mock('./parse', { spy: true });
vi.mock('./render-tree', { spy: true });

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  vi.clearAllMocks();
});

function show(text: string, streaming = false): HTMLElement {
  if (mounted) mounted.render(<Markdown text={text} streaming={streaming} />);
  else mounted = mount(<Markdown text={text} streaming={streaming} />);
  return mounted.container;
}

describe('Markdown', () => {
  it('renders headings, lists, quotes, inline code and GFM tables', () => {
    const page = show(sampleReply);
    expect(page.querySelector('h1')?.textContent).toBe('Plan');
    expect(page.querySelectorAll('ul > li')).toHaveLength(2);
    expect(page.querySelectorAll('ol > li')).toHaveLength(2);
    expect(page.querySelector('blockquote')?.textContent).toContain('A quote');
    expect(page.querySelector('p code')?.textContent).toBe('inline code');
    const table = page.querySelector('table');
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(table?.querySelector('th')?.textContent).toBe('Name');
  });

  it('opens http(s) links outside the app and shows other links as text', () => {
    const page = show(sampleReply);
    const links = [...page.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://openrouter.ai/docs']);
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(page.textContent).toContain('A bad link and raw HTML');
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](vbscript:msgbox)',
    '[x](file:///etc/passwd)',
    '<javascript:alert(1)>',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
  ])('drops the link target of %j', (text) => {
    const page = show(text);
    expect(page.querySelector('a')).toBeNull();
  });

  it('shows raw HTML as its text and creates no element from it', () => {
    const page = show('<img src=x onerror=alert(1)>\n\nInline <b onclick="x()">bold</b> and <script>alert(2)</script>');
    expect(page.querySelector('img, b, script')).toBeNull();
    expect(page.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(page.textContent).toContain('<b onclick="x()">bold</b>');
    expect(page.textContent).toContain('<script>alert(2)</script>');
  });

  it('never loads an image: an http(s) one becomes a link, others their alt text', () => {
    const page = show('![a cat](https://example.com/cat.png) ![pixel](data:image/png;base64,AAAA)');
    expect(page.querySelector('img')).toBeNull();
    expect(page.querySelector('a')?.getAttribute('href')).toBe('https://example.com/cat.png');
    expect(page.textContent).toContain('Image: a cat');
    expect(page.textContent).toContain('Image: pixel');
  });

  it('highlights a fenced block once its grammar loads, with its language and the exact code', async () => {
    const page = show('```ts\nconst answer: number = 42;\n```');
    expect(page.querySelector('[data-testid="code-language"]')?.textContent).toBe('ts');
    expect(page.querySelector('pre')?.textContent).toBe('const answer: number = 42;');
    await settle(() => page.querySelector('pre .hljs-keyword') !== null);
    expect(page.querySelector('pre .hljs-keyword')?.textContent).toBe('const');
    expect(page.querySelector('pre')?.textContent).toBe('const answer: number = 42;');
  });

  it('copies a code block exactly and says so', async () => {
    const page = show('```py\nprint("hi")\n\tindented\n```');
    const copy = () => page.querySelector<HTMLButtonElement>('[data-testid="code-block"] button');
    copy()?.click();
    await settle(() => copy()?.textContent === 'Copied');
    expect(await navigator.clipboard.readText()).toBe('print("hi")\n\tindented');
    expect(copy()?.textContent).toBe('Copied');
  });

  it('while streaming, parses and renders only the growing last block on each flush', () => {
    const chunk = 5;
    let flushes = 0;
    let headingNode: Element | null = null;
    for (let at = chunk; at < sampleReply.length + chunk; at += chunk) {
      vi.clearAllMocks();
      const page = show(sampleReply.slice(0, at), true);
      flushes++;
      expect(parseMarkdown).toHaveBeenCalledTimes(1);
      // The live block, plus the one before it when a new block began in this flush.
      expect(vi.mocked(renderTree).mock.calls.length).toBeLessThanOrEqual(2);
      headingNode ??= page.querySelector('h1');
    }
    expect(flushes).toBeGreaterThan(50);
    // The first block was drawn once and never replaced: nothing above the growing block flickers.
    expect(mounted?.container.querySelector('h1')).toBe(headingNode);
  });

  it('seals the groups of blocks above a streaming reply’s last group, and none once it is finished', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    let page = show(text, true);
    expect(page.querySelectorAll('[data-group]')).toHaveLength(3);
    expect(page.querySelectorAll('[data-group="sealed"]')).toHaveLength(2);
    expect(page.querySelectorAll('p')).toHaveLength(40);
    page = show(text, false);
    expect(page.querySelectorAll('[data-group="sealed"]')).toHaveLength(0);
    expect(page.querySelectorAll('p')).toHaveLength(40);
    expect([...page.querySelectorAll('p')].at(-1)?.textContent).toBe('Paragraph 39.');
  });

  it('shows a table and a code block sensibly while their text is cut mid-stream', () => {
    let page = show('Intro\n\n| Name | Qty |\n| --', true);
    expect(page.querySelector('th')?.textContent).toBe('Name');
    page = show('Intro\n\n| Name | Qty |\n| --- | --- |\n\n```ts\nlet a = 1;\n``', true);
    expect(page.querySelector('pre')?.textContent).toBe('let a = 1;');
    page = show('Intro\n\n| Name | Qty |\n| --- | --- |\n\n```ts\nlet a = 1;\n```', false);
    expect(page.querySelector('pre')?.textContent).toBe('let a = 1;');
  });
});
