import { describe, expect, it } from 'vitest';
import { attachmentTokenHeader } from '../../../shared/attachments';
import { createWebAttachmentTransfer } from './web-attachment-transfer';

const id = 'ab'.repeat(32);

describe('web attachment transfer', () => {
  it('posts the bytes with the token in a header and the name in the query, and passes the host’s Result on', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const transfer = createWebAttachmentTransfer({
      token: 'feed',
      fetch: async (url, init) => {
        seen.push({ url: String(url), init });
        return new Response(JSON.stringify({ ok: false, error: { code: 'attachment_empty', message: 'empty' } }), {
          status: 422,
        });
      },
    });
    const result = await transfer.add({ name: 'a b.png', bytes: new Uint8Array([1]) });
    expect(result).toEqual({ ok: false, error: { code: 'attachment_empty', message: 'empty' } });
    expect(seen[0]?.url).toBe('/api/attachments/?name=a%20b.png');
    expect(seen[0]?.init?.method).toBe('POST');
    expect((seen[0]?.init?.headers as Record<string, string>)[attachmentTokenHeader]).toBe('feed');
  });

  it('says the host is unreachable, or answered with something that is not a Result', async () => {
    const down = createWebAttachmentTransfer({ token: null, fetch: async () => Promise.reject(new TypeError('fail')) });
    expect(await down.add({ name: 'a', bytes: new Uint8Array([1]) })).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
    const odd = createWebAttachmentTransfer({
      token: null,
      fetch: async () => new Response('<html>', { status: 500 }),
    });
    expect(await odd.add({ name: 'a', bytes: new Uint8Array([1]) })).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('500') },
    });
  });

  it('builds same-origin addresses from the id', () => {
    const transfer = createWebAttachmentTransfer({ token: null, fetch: globalThis.fetch });
    expect(transfer.url(id, 'original')).toBe(`/api/attachments/${id}/original`);
  });
});
