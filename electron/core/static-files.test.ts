import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStaticFile } from './static-files';

let base: string;
let root: string;
let outside: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'sb-static-files-'));
  root = join(base, 'renderer');
  outside = join(base, 'private');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Switchboard</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(outside, 'secret.txt'), 'not for the browser');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('readStaticFile', () => {
  it('serves files inside the renderer folder', async () => {
    const page = await readStaticFile(root, '/');
    expect(page?.body.toString()).toContain('<title>Switchboard</title>');
    expect(page?.contentType).toBe('text/html; charset=utf-8');
    expect((await readStaticFile(root, '/assets/app.js'))?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('refuses a symlinked file that points outside the folder', async () => {
    symlinkSync(join(outside, 'secret.txt'), join(root, 'leak.txt'));
    expect(await readStaticFile(root, '/leak.txt')).toBeNull();
  });

  it('refuses a file reached through a symlinked folder that points outside', async () => {
    symlinkSync(outside, join(root, 'assets', 'more'));
    expect(await readStaticFile(root, '/assets/more/secret.txt')).toBeNull();
  });

  it('follows a symlink that stays inside the folder', async () => {
    symlinkSync(join(root, 'assets', 'app.js'), join(root, 'alias.js'));
    expect((await readStaticFile(root, '/alias.js'))?.body.toString()).toBe('console.log(1)');
  });

  it('serves from a renderer folder that is itself reached through a symlink', async () => {
    const linkedRoot = join(base, 'linked-renderer');
    symlinkSync(root, linkedRoot);
    expect((await readStaticFile(linkedRoot, '/assets/app.js'))?.body.toString()).toBe('console.log(1)');
    symlinkSync(join(outside, 'secret.txt'), join(root, 'leak.txt'));
    expect(await readStaticFile(linkedRoot, '/leak.txt')).toBeNull();
  });

  it('refuses traversal by name', async () => {
    expect(await readStaticFile(root, '/../private/secret.txt')).toBeNull();
    expect(await readStaticFile(root, '/%2e%2e/private/secret.txt')).toBeNull();
  });

  it('refuses a sibling folder whose name starts with the renderer folder name', async () => {
    mkdirSync(`${root}-private`);
    writeFileSync(join(`${root}-private`, 'secret.txt'), 'not for the browser');
    expect(await readStaticFile(root, '/../renderer-private/secret.txt')).toBeNull();
  });

  it('answers null for a missing file or a malformed escape, and serves an unknown type as bytes', async () => {
    expect(await readStaticFile(root, '/missing.js')).toBeNull();
    expect(await readStaticFile(root, '/%E0%A4%A')).toBeNull();
    writeFileSync(join(root, 'data.bin'), 'bytes');
    expect((await readStaticFile(root, '/data.bin?v=2'))?.contentType).toBe('application/octet-stream');
  });
});
