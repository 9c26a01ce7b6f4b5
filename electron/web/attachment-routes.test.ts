// The web host's attachment addresses over real HTTP: an upload from our page with the run's token reaches the core
// and answers its Result; anything else (another origin, no token, too large) is refused before the core sees it.
// Reads serve the stored record's type, cacheably, to our own page only.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Attachment,
  attachmentPathPrefix,
  attachmentTokenHeader,
  maxAttachmentBytes,
} from '../../shared/attachments';
import type { AttachmentFiles } from '../core/attachments/attachment-files';
import type { Logger } from '../core/logger';
import type { Router } from '../core/router';
import { type WebHost, startWebHost } from './server';

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const router: Router = {
  call: async () => ({ ok: true, value: null }),
  stream: async function* () {},
  subscribe: () => () => {},
};
const token = 'c'.repeat(48);
const id = 'ab'.repeat(32);

let host: WebHost;
let added: { name: string; bytes: number }[];

beforeEach(async () => {
  added = [];
  const staticDir = mkdtempSync(join(tmpdir(), 'sb-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  const attachments: AttachmentFiles = {
    add: async (name, bytes) => {
      added.push({ name, bytes: bytes.byteLength });
      const value: Attachment = { id, kind: 'image', mime: 'image/png', name, sizeBytes: bytes.byteLength };
      return { ok: true, value };
    },
    ready: async () => ({ ok: true, value: { ready: true } }),
    read: async (wanted, variant) =>
      wanted === id && variant === 'thumb'
        ? { mime: 'image/png', bytes: new Uint8Array([1, 2, 3]), name: 'a.png' }
        : null,
  };
  host = await startWebHost({ router, logger: quiet, staticDir, token, attachments });
});
afterEach(() => host.close());

function send(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, method, path, headers: { Host: `127.0.0.1:${host.port}`, ...headers } },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (part: Buffer) => parts.push(part));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
          );
        },
      );
      // The host may answer and close before reading a refused body: that is not a failure of the test.
      req.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
      );
      req.end(body);
    },
  );
}

const ours = () => ({ Origin: `http://127.0.0.1:${host.port}`, [attachmentTokenHeader]: token });

describe('attachment uploads', () => {
  it('hands our page’s bytes and file name to the core and answers with its Result', async () => {
    const answer = await send(
      'POST',
      `${attachmentPathPrefix}?name=${encodeURIComponent('café.png')}`,
      ours(),
      Buffer.from('pixels'),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString())).toMatchObject({
      ok: true,
      value: { id, name: 'café.png', sizeBytes: 6 },
    });
    expect(added).toEqual([{ name: 'café.png', bytes: 6 }]);
  });

  it('refuses another origin, a missing or wrong token', async () => {
    for (const headers of [
      { ...ours(), Origin: 'https://example.com' },
      { Origin: ours().Origin },
      { ...ours(), [attachmentTokenHeader]: 'd'.repeat(48) },
    ]) {
      const answer = await send('POST', `${attachmentPathPrefix}?name=a.png`, headers, Buffer.from('x'));
      expect(answer.status).toBe(422);
      expect(JSON.parse(answer.body.toString())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(added).toEqual([]);
  });

  it('refuses a body larger than any attachment may be, naming the limit, without the core', async () => {
    const answer = await send(
      'POST',
      `${attachmentPathPrefix}?name=huge.png`,
      { ...ours(), 'Content-Length': String(maxAttachmentBytes + 1) },
      Buffer.alloc(16),
    );
    expect(JSON.parse(answer.body.toString())).toMatchObject({
      ok: false,
      error: { code: 'attachment_too_large', message: expect.stringContaining('25 MB') },
    });
    expect(added).toEqual([]);
  });
});

describe('attachment reads', () => {
  it('serves a stored variant with the record’s type, cacheable and never sniffed', async () => {
    const answer = await send('GET', `${attachmentPathPrefix}${id}/thumb`, { 'Sec-Fetch-Site': 'same-origin' });
    expect(answer.status).toBe(200);
    expect([...answer.body]).toEqual([1, 2, 3]);
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 404 for an unknown id, a bad id or variant, and 403 to another site’s page', async () => {
    expect((await send('GET', `${attachmentPathPrefix}${id}/original`)).status).toBe(404);
    expect((await send('GET', `${attachmentPathPrefix}${'f'.repeat(64)}/thumb`)).status).toBe(404);
    expect((await send('GET', `${attachmentPathPrefix}../../etc/passwd`)).status).toBe(404);
    expect((await send('GET', `${attachmentPathPrefix}${id}/huge`)).status).toBe(404);
    expect((await send('GET', `${attachmentPathPrefix}${id}/thumb`, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(
      403,
    );
    expect((await send('DELETE', `${attachmentPathPrefix}${id}/thumb`)).status).toBe(405);
  });
});
