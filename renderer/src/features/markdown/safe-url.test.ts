import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-url';

describe('safeHref', () => {
  it('keeps absolute http and https links', () => {
    expect(safeHref('https://openrouter.ai/docs')).toBe('https://openrouter.ai/docs');
    expect(safeHref('HTTP://example.com')).toBe('http://example.com/');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:a@example.com',
    '/settings',
    '#top',
    'relative/path',
    '',
  ])('drops %j', (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it('drops anything that is not a string', () => {
    expect(safeHref(undefined)).toBeNull();
    expect(safeHref(42)).toBeNull();
  });
});
