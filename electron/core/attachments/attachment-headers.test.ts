// The headers every attachment is served with, by the web host and the desktop app's scheme alike.

import { describe, expect, it } from 'vitest';
import { attachmentHeaders } from './attachment-headers';

describe('attachmentHeaders', () => {
  it('serves the stored type (text as UTF-8), cached for good, to this origin only, under the page’s policy', () => {
    expect(attachmentHeaders('text/markdown')['Content-Type']).toBe('text/markdown; charset=utf-8');
    const image = attachmentHeaders('image/webp');
    expect(image['Content-Type']).toBe('image/webp');
    expect(image['Cache-Control']).toBe('private, max-age=31536000, immutable');
    expect(image['Cross-Origin-Resource-Policy']).toBe('same-origin');
    expect(image['X-Content-Type-Options']).toBe('nosniff');
    expect(image['Content-Security-Policy']).toContain("object-src 'none'");
  });
});
