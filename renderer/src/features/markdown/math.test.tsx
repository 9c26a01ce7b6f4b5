// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';
import { mount, type Mounted, settle } from './test-dom';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

function show(text: string, streaming = false): HTMLElement {
  if (mounted) mounted.render(<Markdown text={text} streaming={streaming} />);
  else mounted = mount(<Markdown text={text} streaming={streaming} />);
  return mounted.container;
}

const formulas = (page: HTMLElement) => [...page.querySelectorAll('math')];

describe('math in a reply', () => {
  it('draws $$…$$ and ```math as display formulas and $…$ inline, once KaTeX has loaded', async () => {
    const page = show('Area: $\\pi r^2$.\n\n$$\n\\frac{a}{b}\n$$\n\n```math\nx_1\n```');
    await settle(() => formulas(page).length === 3);
    const [inline, fraction, fence] = formulas(page);
    expect(inline?.getAttribute('display')).toBeNull();
    expect(inline?.closest('p')?.textContent).toContain('Area:');
    expect(fraction?.getAttribute('display')).toBe('block');
    expect(fraction?.querySelector('mfrac')).not.toBeNull();
    expect(fence?.getAttribute('display')).toBe('block');
    // The TeX stays in the markup, for copying and screen readers.
    expect(fraction?.querySelector('annotation')?.textContent).toBe('\\frac{a}{b}');
  });

  it.each([
    ['$5 and $10', '$5 and $10'],
    ['costs $5, or $20 with tax', 'costs $5, or $20 with tax'],
    ['from $3 to $ 4', 'from $3 to $ 4'],
    ['pay $x$5 now', 'pay $x$5 now'],
  ])('keeps the dollar amounts in %j as text', async (text, shown) => {
    const page = show(`${text}\n\nand $y$`);
    await settle(() => formulas(page).length > 0);
    expect(formulas(page)).toHaveLength(1);
    expect(page.querySelector('p')?.textContent).toBe(shown);
  });

  it.each([
    '$\\href{javascript:alert(1)}{click}$',
    '$\\url{javascript:alert(1)}$',
    '$\\includegraphics{https://example.com/x.png}$',
    '$\\htmlClass{evil}{x} \\htmlData{onclick=alert(1)}{y} \\htmlStyle{background:url(x)}{z}$',
    '$\\text{<img src=x onerror=alert(1)>}$',
    '$$\n\\def\\a{\\a\\a}\\a\n$$',
  ])('builds no link, image, script or handler from %j', async (text) => {
    const page = show(`${text}\n\nthen $z$`);
    await settle(() => page.querySelector('math') !== null && page.querySelectorAll('code').length === 0);
    expect(page.querySelector('a, img, script, iframe, object')).toBeNull();
    const attributes = [...page.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((a) => a.name));
    expect(attributes.filter((name) => name.startsWith('on') || name === 'href' || name === 'src')).toEqual([]);
  });

  it('shows a formula still streaming as its TeX, and draws it once the reply is finished', async () => {
    let page = show('Sum:\n\n$$\n\\sum_{i=1}^{n', true);
    expect(formulas(page)).toHaveLength(0);
    expect(page.textContent).toContain('\\sum_{i=1}^{n');
    page = show('Sum:\n\n$$\n\\sum_{i=1}^{n} i\n$$', false);
    await settle(() => formulas(page).length === 1);
    expect(formulas(page)[0]?.querySelector('munderover, msubsup')).not.toBeNull();
  });
});
