import { describe, expect, it } from 'vitest';
import { deriveTitle } from './title';

describe('deriveTitle', () => {
  it('keeps a short message as it is, on one line', () => {
    expect(deriveTitle('  Hello\n  there  ')).toBe('Hello there');
  });
  it('names an empty message "New chat"', () => {
    expect(deriveTitle(' \n ')).toBe('New chat');
  });
  it('cuts a long message on a word boundary and marks the cut', () => {
    const title = deriveTitle(
      'Explain the difference between optimistic and pessimistic locking in databases with examples',
    );
    expect(title).toBe('Explain the difference between optimistic and pessimistic…');
    expect(title.length).toBeLessThanOrEqual(61);
  });
  it('keeps a message of exactly the longest title whole, and cuts one character more', () => {
    const sixty = `${'abcde '.repeat(9)}abcdef`;
    expect(deriveTitle(sixty)).toBe(sixty);
    expect(deriveTitle(`${sixty}g`)).toBe(`${'abcde '.repeat(9).trim()}…`);
  });
  it('drops every mark of punctuation and space before the cut, not only the last', () => {
    expect(deriveTitle(`${'a'.repeat(40)} -- ${'b'.repeat(30)}`)).toBe(`${'a'.repeat(40)}…`);
  });
  it('hard-cuts a message with no spaces', () => {
    expect(deriveTitle('x'.repeat(100))).toBe(`${'x'.repeat(60)}…`);
  });
});

describe('deriveTitle with characters outside the basic plane', () => {
  it('never cuts an emoji in half', () => {
    const title = deriveTitle('🚀'.repeat(70));
    expect(title).toBe(`${'🚀'.repeat(60)}…`);
  });
  it('drops trailing punctuation before the ellipsis', () => {
    expect(deriveTitle(`${'word '.repeat(10)}and, then ${'more words '.repeat(5)}`)).not.toMatch(/[,;:]…$/);
  });
});
