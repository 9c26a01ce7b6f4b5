import { describe, expect, it } from 'vitest';
import type { SnippetPart } from '../../../shared/library';
import { snippetAround, snippetAt, substringRanges } from './snippet';

const marked = (parts: SnippetPart[]) => parts.filter((part) => part.match).map((part) => part.text);
// Without the u flag a regular expression sees code units, so it can find half an emoji.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('search snippets', () => {
  it('marks every occurrence of every term, whatever the case of the text or of the term, from offset 0', () => {
    expect(substringRanges('Aurora, aurora, AURORA', ['aURora'])).toEqual([
      [0, 6],
      [8, 14],
      [16, 22],
    ]);
    expect(snippetAround('The AURORA and the Zebra', ['aurora', 'ZEBRA'])).toEqual([
      { text: 'The ', match: false },
      { text: 'AURORA', match: true },
      { text: ' and the ', match: false },
      { text: 'Zebra', match: true },
    ]);
  });

  it('marks nothing and shows the top when lower-casing changes the text’s length, so no offset is misplaced', () => {
    // "İ".toLowerCase() is two code units: offsets in the lowered text would point one unit past the word.
    const content = 'İstanbul under the aurora';
    expect(substringRanges(content, ['aurora'])).toEqual([]);
    expect(snippetAround(content, ['aurora'])).toEqual([{ text: content, match: false }]);
  });

  it('cuts a window from 40 characters before the first match in the text, with an ellipsis on each cut side', () => {
    const content = `${'a'.repeat(100)} zebra ${'b'.repeat(100)} aurora ${'c'.repeat(300)}`;
    // The first match in the text, not the first term asked for.
    const parts = snippetAround(content, ['aurora', 'zebra']);
    expect(parts[0]).toEqual({ text: '…', match: false });
    expect(parts[1]).toEqual({ text: ' '.padStart(40, 'a'), match: false });
    expect(parts[2]).toEqual({ text: 'zebra', match: true });
    expect(parts.at(-1)).toEqual({ text: '…', match: false });
    const shown = parts
      .slice(1, -1)
      .map((part) => part.text)
      .join('');
    expect(shown).toBe(content.slice(61, 221));
    expect(marked(parts)).toEqual(['zebra', 'aurora']);
  });

  it('adds no ellipsis on a side that is not cut', () => {
    expect(snippetAround('short aurora text', ['aurora'])).toEqual([
      { text: 'short ', match: false },
      { text: 'aurora', match: true },
      { text: ' text', match: false },
    ]);
    // Exactly the window's length from the match's context on: nothing cut after it.
    const content = `${'a'.repeat(10)}aurora${'b'.repeat(144)}`;
    expect(content).toHaveLength(160);
    const parts = snippetAround(content, ['aurora']);
    expect(parts.map((part) => part.text)).toEqual(['a'.repeat(10), 'aurora', 'b'.repeat(144)]);
  });

  it('never cuts an emoji in half at either end of the window', () => {
    // The match at 52 starts the window at 12, on the second half of an emoji (the lowest one, 0xdc00); the end, 160
    // later, too.
    const content = `${'a'.repeat(11)}🐀${'b'.repeat(39)}aurora${'c'.repeat(113)}🚀${'d'.repeat(50)}`;
    expect(content.indexOf('aurora')).toBe(52);
    expect(content.codePointAt(171)).toBe(0x1f680);
    const parts = snippetAround(content, ['aurora']);
    for (const part of parts) expect(part.text).not.toMatch(loneSurrogate);
    expect(parts.map((part) => part.text)).toEqual(['…', `🐀${'b'.repeat(39)}`, 'aurora', `${'c'.repeat(113)}🚀`, '…']);
  });

  it('shows the top of the text, unmarked, when nothing matched', () => {
    const content = 'x'.repeat(200);
    expect(snippetAt(content, [])).toEqual([
      { text: 'x'.repeat(160), match: false },
      { text: '…', match: false },
    ]);
  });
});
