// What a turn gets from the attachment store (chat-files.ts), over a real store and database: files found by id,
// copies waited for with the first file in order that cannot go naming the refusal, a model's picture stored (or
// refused), and each file's bytes and type as a request sends them.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../../shared/attachments';
import { AppFailure, type Result } from '../../../shared/result';
import { MessageRepo } from '../db/message-repo';
import { openDatabase } from '../db/open-database';
import { AttachmentStore } from './attachment-store';
import { chatFiles } from './chat-files';

let db: Database;
let folder: string;
let store: AttachmentStore;
let files: ReturnType<typeof chatFiles>;

beforeEach(() => {
  db = openDatabase(':memory:');
  folder = mkdtempSync(join(tmpdir(), 'sb-chat-files-'));
  const repo = new MessageRepo(db).threads.attachments;
  store = new AttachmentStore({ folder, repo: async () => repo });
  files = chatFiles(store, repo);
});
afterEach(() => {
  db.close();
  rmSync(folder, { recursive: true, force: true });
});

const value = (result: Result<Attachment>): Attachment => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const jpeg = (width: number) =>
  sharp({ create: { width, height: 100, channels: 3, background: '#3a7' } })
    .jpeg()
    .toBuffer();
const cut = async (name: string) => {
  const whole = await jpeg(900);
  return value(await store.add(name, whole.subarray(0, Math.floor(whole.length * 0.6))));
};

describe('chatFiles', () => {
  it('finds a stored file by id, and nothing for an unknown one', async () => {
    const notes = value(await store.add('notes.txt', new TextEncoder().encode('hello')));
    expect(files.find(notes.id)).toEqual(notes);
    expect(files.find('f'.repeat(64))).toBeNull();
  });

  it('waits for every copy; the first file in order that cannot go names the refusal', async () => {
    const good = value(await store.add('good.jpg', await jpeg(300)));
    const first = await cut('first.jpg');
    const second = await cut('second.jpg');
    await expect(files.prepare([good])).resolves.toBeUndefined();
    const refusal = await files.prepare([good, first, second]).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppFailure);
    expect((refusal as AppFailure).error).toMatchObject({
      code: 'attachment_corrupt',
      message: expect.stringContaining('“first.jpg”'),
    });
  });

  it('stores a picture a model sent, and refuses what is not one', async () => {
    const picture = await files.addGenerated(
      'generated.png',
      await sharp(await jpeg(50))
        .png()
        .toBuffer(),
    );
    expect(picture).toMatchObject({ kind: 'image', mime: 'image/png', name: 'generated.png' });
    expect(await files.addGenerated('empty.png', new Uint8Array(0))).toBeNull();
  });

  it('gives a request an image’s downscaled copy with its type, other files as they are, nothing once gone', async () => {
    const photo = value(await store.add('wide.jpg', await jpeg(4000)));
    await files.prepare([photo]);
    const sent = files.forRequest(photo);
    expect(sent?.mime).toBe('image/jpeg');
    expect(await sharp(sent!.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 2048 });

    const notes = value(await store.add('notes.md', new TextEncoder().encode('# hi')));
    expect(files.forRequest(notes)).toEqual({ bytes: new TextEncoder().encode('# hi'), mime: 'text/markdown' });
    rmSync(store.pathOf(notes.id, 'original'));
    expect(files.forRequest(notes)).toBeNull();
    expect(files.forRequest({ ...notes, id: 'e'.repeat(64) })).toBeNull();
  });
});
