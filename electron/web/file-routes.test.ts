// The web host's download and upload addresses over real HTTP: what a page of ours may do, and what anything else
// (another site's page, a wrong job id, the wrong method) is refused.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportPathPrefix, importPathPrefix } from '../../shared/web-protocol';
import type { Logger } from '../core/logger';
import type { Router } from '../core/router';
import type { FileJobs } from './file-routes';
import { type WebHost, startWebHost } from './server';

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const jobId = '0123456789abcdef0123456789abcdef';
const router: Router = {
  call: async () => ({ ok: true, value: null }),
  stream: async function* () {},
  subscribe: () => () => {},
};

let host: WebHost;
let opened: string[];
let imported: { jobId: string; bytes: number }[];

beforeEach(async () => {
  opened = [];
  imported = [];
  const staticDir = mkdtempSync(join(tmpdir(), 'sb-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  const files: FileJobs = {
    openExport: async (id) => {
      opened.push(id);
      if (id !== jobId) return null;
      return {
        fileName: 'Café notes (abc).md',
        bytes: (async function* () {
          yield new TextEncoder().encode('# Café');
          yield new TextEncoder().encode(' notes\n');
        })(),
      };
    },
    runImport: async (id, bytes) => {
      let total = 0;
      for await (const chunk of bytes) total += chunk.length;
      imported.push({ jobId: id, bytes: total });
      return { ok: true, value: { added: 1, skipped: 0, messages: 2 } };
    },
  };
  host = await startWebHost({ router, logger: quiet, staticDir, files });
});
afterEach(() => host.close());

function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method, path, headers: { Host: `127.0.0.1:${host.port}`, ...headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const origin = () => `http://127.0.0.1:${host.port}`;

describe('export downloads', () => {
  it('streams the export as an attachment, with the page policy headers', async () => {
    const res = await send('GET', `${exportPathPrefix}${jobId}`, { 'Sec-Fetch-Site': 'same-origin' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('# Café notes\n');
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Caf_ notes (abc).md"; filename*=UTF-8''Caf%C3%A9%20notes%20(abc).md`,
    );
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it("refuses another site's page without opening the export", async () => {
    const res = await send('GET', `${exportPathPrefix}${jobId}`, { 'Sec-Fetch-Site': 'cross-site' });
    expect(res.status).toBe(403);
    expect(opened).toEqual([]);
  });

  it('answers 404 for an unknown or malformed job, and 405 for other methods', async () => {
    expect((await send('GET', `${exportPathPrefix}${'f'.repeat(32)}`)).status).toBe(404);
    expect((await send('GET', `${exportPathPrefix}../../etc/passwd`)).status).toBe(404);
    expect(opened).toEqual(['f'.repeat(32)]);
    expect((await send('POST', `${exportPathPrefix}${jobId}`, { Origin: origin() })).status).toBe(405);
  });

  it('refuses a Host that is not the loopback address (DNS rebinding)', async () => {
    const res = await send('GET', `${exportPathPrefix}${jobId}`, { Host: `evil.example:${host.port}` });
    expect(res.status).toBe(421);
    expect(opened).toEqual([]);
  });
});

describe('import uploads', () => {
  it('streams the body into the import job and answers with its outcome', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 0x20);
    const res = await send('POST', `${importPathPrefix}${jobId}`, { Origin: origin() }, body);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { added: 1, skipped: 0, messages: 2 } });
    expect(imported).toEqual([{ jobId, bytes: body.length }]);
  });

  it('refuses an upload from another origin, or without one, before reading it', async () => {
    expect(
      (await send('POST', `${importPathPrefix}${jobId}`, { Origin: 'https://evil.example' }, Buffer.from('x'))).status,
    ).toBe(403);
    expect((await send('POST', `${importPathPrefix}${jobId}`, {}, Buffer.from('x'))).status).toBe(403);
    expect((await send('GET', `${importPathPrefix}${jobId}`, { Origin: origin() })).status).toBe(405);
    expect(imported).toEqual([]);
  });
});
