import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../core/page-policy';
import { readStaticFile } from '../core/static-files';
import { appEntryUrl, createAppSchemeHandler } from './app-scheme';
import { recordingLogger } from './test-support/recording-logger';
import { attachmentPath, desktopAttachmentPrefix } from '../../shared/attachments';

let rendererDir: string;
let logger: ReturnType<typeof recordingLogger>;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'sb-app-scheme-'));
  rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'outside');
  symlinkSync(join(base, 'secret.txt'), join(rendererDir, 'assets', 'link.js'));
  logger = recordingLogger();
  const attachments = {
    read: async (id: string, variant: string) =>
      id === attachmentId && variant === 'sent'
        ? { mime: 'image/jpeg', bytes: new Uint8Array([9, 8]), name: 'a.jpg' }
        : null,
  };
  handle = createAppSchemeHandler({ rendererDir, readStaticFile, attachments, logger });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));
const attachmentId = '12'.repeat(32);

describe('the app:// scheme handler', () => {
  it('serves the entry page with the app CSP as a header', async () => {
    const response = await get(appEntryUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).toContain('<title>Switchboard</title>');
  });

  it('serves files under the renderer build', async () => {
    const response = await get('app://switchboard/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
  });

  it.each([
    ['a path climbing out', 'app://switchboard/..%2F..%2Fsecret.txt'],
    ['a symlink pointing out', 'app://switchboard/assets/link.js'],
    ['a missing file', 'app://switchboard/nope.js'],
    ['another host', 'app://elsewhere/index.html'],
  ])('refuses %s with 404 and logs it', async (_name, url) => {
    const before = logger.lines.length;
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(logger.lines.length).toBe(before + 1);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get(appEntryUrl, 'POST')).status).toBe(405);
    const head = await get(appEntryUrl, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves an attachment by id and variant with the stored type, and nothing else under that path', async () => {
    const response = await get(attachmentPath(desktopAttachmentPrefix, attachmentId, 'sent'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([9, 8]);
    expect((await get(attachmentPath(desktopAttachmentPrefix, attachmentId, 'thumb'))).status).toBe(404);
    expect((await get(`${desktopAttachmentPrefix}index.html`)).status).toBe(404);
  });
});
