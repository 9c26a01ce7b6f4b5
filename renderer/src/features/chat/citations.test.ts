import { describe, expect, it } from 'vitest';
import type { Citation } from '../../../../shared/domain';
import { sourceLinks } from './citations';

const cite = (url: string, title: string | null = null): Citation => ({
  url,
  title,
  content: null,
  startIndex: null,
  endIndex: null,
});

describe('sourceLinks', () => {
  it('numbers the sources in order, with their title and host', () => {
    expect(
      sourceLinks([cite('https://example.com/a?q=1', 'Tide tables'), cite('http://news.example.org/b', '  ')]),
    ).toEqual([
      { number: 1, href: 'https://example.com/a?q=1', title: 'Tide tables', host: 'example.com' },
      { number: 2, href: 'http://news.example.org/b', title: 'http://news.example.org/b', host: 'news.example.org' },
    ]);
  });

  it('links only http(s) addresses: anything else is text, not a link', () => {
    const links = sourceLinks([cite('javascript:alert(1)', 'Click me'), cite('file:///etc/passwd')]);
    expect(links).toEqual([
      { number: 1, href: null, title: 'Click me', host: null },
      { number: 2, href: null, title: 'file:///etc/passwd', host: null },
    ]);
  });

  it('lists a page cited twice once, under its first number', () => {
    const links = sourceLinks([
      cite('https://a.example/', 'A'),
      cite('https://b.example/'),
      cite('https://a.example/'),
    ]);
    expect(links.map((link) => [link.number, link.href])).toEqual([
      [1, 'https://a.example/'],
      [2, 'https://b.example/'],
    ]);
  });

  it('is empty without citations', () => {
    expect(sourceLinks(null)).toEqual([]);
    expect(sourceLinks([])).toEqual([]);
  });
});
