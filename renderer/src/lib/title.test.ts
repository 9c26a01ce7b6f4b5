import { describe, expect, it } from 'vitest';
import { defaultTitle, deriveTitle } from './title';

describe('deriveTitle', () => {
  it('keeps a short message as it is, minus outer whitespace', () => {
    expect(deriveTitle('  What is a monad?  ')).toBe('What is a monad?');
  });

  it('flattens line breaks and runs of spaces', () => {
    expect(deriveTitle('Line one\n\n  line   two')).toBe('Line one line two');
  });

  it('cuts a long message on a word boundary and marks the cut', () => {
    const text = 'Explain the difference between optimistic and pessimistic locking in databases with examples';
    const title = deriveTitle(text);
    expect(title).toBe('Explain the difference between optimistic and pessimistic…');
    expect(Array.from(title).length).toBeLessThanOrEqual(61);
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(deriveTitle('one two, three four five', 10)).toBe('one two…');
  });

  it('hard-cuts one very long word', () => {
    const url = `https://example.com/${'a'.repeat(100)}`;
    expect(deriveTitle(url)).toBe(`${url.slice(0, 60)}…`);
  });

  it('never splits a surrogate pair', () => {
    const title = deriveTitle('😀'.repeat(70));
    expect(title).toBe(`${'😀'.repeat(60)}…`);
  });

  it('falls back to a default for blank text', () => {
    expect(deriveTitle(' \n ')).toBe(defaultTitle);
  });
});
