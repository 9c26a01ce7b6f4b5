// The attachment store against a real database and folder: what a file is decided by content, images downscaled
// within bounds without their metadata, one copy per content, garbage collected once no message carries it, and
// every bad input refused with its own code before anything is stored.

import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Attachment, attachmentLimits, maxAttachmentBytes } from '../../../shared/attachments';
import { AppFailure, type Result } from '../../../shared/result';
import { ConversationRepo } from '../db/conversation-repo';
import { MessageRepo } from '../db/message-repo';
import { openDatabase } from '../db/open-database';
import { unsentAttachmentTtlMs } from '../db/attachment-repo';
import { AttachmentStore, cleanAttachmentName } from './attachment-store';
import { deriveImageCopies } from './image-copies';

let db: Database;
let folder: string;
let clock: number;
let messages: MessageRepo;
let conversations: ConversationRepo;
let store: AttachmentStore;

beforeEach(() => {
  db = openDatabase(':memory:');
  folder = mkdtempSync(join(tmpdir(), 'sb-attachments-'));
  clock = 1_000;
  conversations = new ConversationRepo(db, { now: () => clock });
  messages = new MessageRepo(db, { now: () => clock });
  store = new AttachmentStore({ folder, repo: async () => messages.threads.attachments, now: () => clock });
});
afterEach(() => {
  db.close();
  rmSync(folder, { recursive: true, force: true });
});

const value = (result: Result<Attachment>): Attachment => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const code = (result: Result<Attachment>) => (result.ok ? 'ok' : result.error.code);

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Somebody', ImageDescription: 'Home, 51.5N 0.1W' } })
    .toBuffer();

async function pdf(pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i++) document.addPage([200, 200]);
  return document.save();
}

describe('adding files', () => {
  it('takes an image by its content whatever its name, downscales the sent copy and drops its metadata', async () => {
    const original = await photo(4000, 1000);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const added = value(await store.add('scan.txt', original));
    expect(added).toMatchObject({ kind: 'image', mime: 'image/jpeg', width: 4000, height: 1000, name: 'scan.txt' });
    expect(added.id).toMatch(/^[0-9a-f]{64}$/);

    const sent = await store.read(added.id, 'sent');
    const sentMeta = await sharp(sent!.bytes).metadata();
    expect([sentMeta.width, sentMeta.height]).toEqual([attachmentLimits.sentLongEdgePx, 512]);
    expect(sentMeta.exif).toBeUndefined();
    const thumb = await store.read(added.id, 'thumb');
    expect(thumb?.mime).toBe('image/webp');
    expect((await sharp(thumb!.bytes).metadata()).width).toBe(attachmentLimits.thumbLongEdgePx);
    // The original is kept as it was.
    expect(Buffer.from((await store.read(added.id, 'original'))!.bytes).equals(original)).toBe(true);
  });

  it('never enlarges a small image, and keeps PNG transparency as PNG', async () => {
    const png = await sharp({
      create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const added = value(await store.add('dot.png', png));
    const sent = await store.read(added.id, 'sent');
    expect(sent?.mime).toBe('image/png');
    expect((await sharp(sent!.bytes).metadata()).width).toBe(40);
  });

  it('counts a PDF’s pages, and reads UTF-8 text as text', async () => {
    expect(value(await store.add('paper.pdf', await pdf(3)))).toMatchObject({
      kind: 'pdf',
      mime: 'application/pdf',
      pageCount: 3,
    });
    const text = value(await store.add('notes.md', new TextEncoder().encode('# Héllo\n')));
    expect(text).toMatchObject({ kind: 'text', mime: 'text/markdown', textChars: 8 });
    expect(await store.read(text.id, 'thumb')).toBeNull();
  });

  it('stores the same content once', async () => {
    const bytes = new TextEncoder().encode('same');
    const first = value(await store.add('a.txt', bytes));
    const second = value(await store.add('b.txt', bytes));
    expect(second.id).toBe(first.id);
    expect(second.name).toBe('b.txt');
    const files = readdirSync(join(folder, first.id.slice(0, 2)));
    expect(files).toEqual([first.id]);
  });

  it('refuses every bad input with its own code, naming the file and the limit, and stores nothing', async () => {
    expect(code(await store.add('empty.png', new Uint8Array()))).toBe('attachment_empty');
    const huge = await store.add('huge.txt', new Uint8Array(attachmentLimits.textBytes + 1).fill(97));
    expect(huge).toMatchObject({
      ok: false,
      error: { code: 'attachment_too_large', message: expect.stringContaining('512 KB') },
    });
    expect(code(await store.add('binary.bin', new Uint8Array([1, 2, 0, 4])))).toBe('attachment_unsupported');
    expect(
      code(await store.add('bad.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]))),
    ).toBe('attachment_corrupt');
    expect(code(await store.add('bad.pdf', new TextEncoder().encode('%PDF-1.7\nnot really')))).toBe(
      'attachment_corrupt',
    );
    const long = await store.add('long.pdf', await pdf(attachmentLimits.pdfPages + 1));
    expect(long).toMatchObject({
      ok: false,
      error: { code: 'attachment_too_many_pages', message: expect.stringContaining('501 pages') },
    });
    expect(code(await store.add('tiff.tif', new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 0, 0])))).toBe(
      'attachment_unsupported',
    );
    expect(messages.threads.attachments.all()).toEqual([]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('keeps names tidy: no folders or control characters, long ones cut keeping the extension', () => {
    expect(cleanAttachmentName('../../etc/passwd', 'file')).toBe('passwd');
    expect(cleanAttachmentName('a\u0000b.txt', 'file')).toBe('ab.txt');
    expect(cleanAttachmentName('', 'pasted image.png')).toBe('pasted image.png');
    const cut = cleanAttachmentName(`${'x'.repeat(400)}.pdf`, 'file');
    expect(cut).toHaveLength(300);
    expect(cut.endsWith('.pdf')).toBe(true);
  });
});

describe('garbage collection', () => {
  it('deletes a file once no message carries it, keeps one another message still carries, and old unsent ones', async () => {
    const shared = value(await store.add('shared.txt', new TextEncoder().encode('shared')));
    const own = value(await store.add('own.txt', new TextEncoder().encode('own')));
    const pending = value(await store.add('pending.txt', new TextEncoder().encode('pending')));
    const first = conversations.create({ title: 'one', model: 'm/a' }).id;
    const second = conversations.create({ title: 'two', model: 'm/a' }).id;
    const question = messages.insertUser({
      conversationId: first,
      content: 'q',
      model: 'm/a',
      attachments: [shared, own],
    });
    expect(messages.threads.find(first, question.id)?.attachments.map((a) => a.name)).toEqual([
      'shared.txt',
      'own.txt',
    ]);
    messages.insertUser({ conversationId: second, content: 'q', model: 'm/a', attachments: [shared] });

    expect(await store.collectGarbage()).toBe(0);
    db.prepare('DELETE FROM conversations WHERE id = ?').run(first);
    expect(await store.collectGarbage()).toBe(1);
    expect(existsSync(store.pathOf(own.id, 'original'))).toBe(false);
    expect(existsSync(store.pathOf(shared.id, 'original'))).toBe(true);
    // Added but never sent: kept while a composer may hold it, then collected.
    expect(existsSync(store.pathOf(pending.id, 'original'))).toBe(true);
    clock += unsentAttachmentTtlMs;
    expect(await store.collectGarbage()).toBe(1);
    expect(existsSync(store.pathOf(pending.id, 'original'))).toBe(false);
    expect(await store.read(pending.id, 'original')).toBeNull();
  });
});

describe('files waiting in a composer’s tray', () => {
  it('are kept with the draft, in order, and never collected while a tray names them', async () => {
    const repo = messages.threads.attachments;
    const first = value(await store.add('first.txt', new TextEncoder().encode('first')));
    const second = value(await store.add('second.txt', new TextEncoder().encode('second')));
    const conversation = conversations.create({ title: 'one', model: 'm/a' }).id;
    repo.setDraft(conversation, [
      { id: second.id, name: 'renamed.txt' },
      { id: first.id, name: 'first.txt' },
      // One the store no longer has is left out, not a failure.
      { id: 'f'.repeat(64), name: 'gone.txt' },
    ]);
    repo.setDraft(null, [{ id: first.id, name: 'first.txt' }]);
    expect(repo.forDraft(conversation).map((a) => [a.id, a.name])).toEqual([
      [second.id, 'renamed.txt'],
      [first.id, 'first.txt'],
    ]);
    expect(repo.forDraft(null).map((a) => a.name)).toEqual(['first.txt']);

    // Long past the time an unsent file is kept: the trays still name both.
    clock += unsentAttachmentTtlMs * 3;
    expect(await store.collectGarbage()).toBe(0);
    repo.setDraft(null, []);
    expect(await store.collectGarbage()).toBe(0);
    // The conversation's tray goes with the conversation; then its files are garbage.
    db.prepare('DELETE FROM conversations WHERE id = ?').run(conversation);
    expect(repo.forDraft(conversation)).toEqual([]);
    expect(await store.collectGarbage()).toBe(2);
    expect(existsSync(store.pathOf(first.id, 'original'))).toBe(false);
  });
});

describe('turned photos', () => {
  it('sends a photo whose EXIF says it is turned upright, and gives its size as displayed', async () => {
    const turned = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#36c' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const added = value(await store.add('phone.jpg', turned));
    expect([added.width, added.height]).toEqual([100, 300]);
    const sent = await sharp((await store.read(added.id, 'sent'))!.bytes).metadata();
    expect([sent.width, sent.height, sent.orientation]).toEqual([100, 300, undefined]);
  });
});

describe('an image’s copies, made after attaching', () => {
  const held = () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const deriveCopies: typeof deriveImageCopies = async (name, bytes, mime) => {
      calls++;
      await gate;
      return deriveImageCopies(name, bytes, mime);
    };
    return { deriveCopies, release: () => release(), calls: () => calls };
  };

  it('answers the attach before the copies exist; the thumbnail’s read waits for them', async () => {
    const copies = held();
    store = new AttachmentStore({
      folder,
      repo: async () => messages.threads.attachments,
      deriveCopies: copies.deriveCopies,
    });
    const added = value(await store.add('big.jpg', await photo(3000, 2000)));
    expect(existsSync(store.pathOf(added.id, 'original'))).toBe(true);
    expect(existsSync(store.pathOf(added.id, 'sent'))).toBe(false);
    expect(existsSync(store.pathOf(added.id, 'thumb'))).toBe(false);

    let thumbRead = false;
    const thumb = store.read(added.id, 'thumb').then((found) => ((thumbRead = true), found));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(thumbRead).toBe(false);
    copies.release();
    expect((await thumb)?.mime).toBe('image/webp');
    expect(await store.prepare(added)).toEqual({ ok: true, value: undefined });
    expect((await sharp(store.readForRequest(added)!).metadata()).width).toBe(attachmentLimits.sentLongEdgePx);
    expect(copies.calls()).toBe(1);
  });

  it('makes the copies once when the same file is attached twice at once', async () => {
    const copies = held();
    store = new AttachmentStore({
      folder,
      repo: async () => messages.threads.attachments,
      deriveCopies: copies.deriveCopies,
    });
    const bytes = await photo(800, 600);
    const [first, second] = await Promise.all([store.add('a.jpg', bytes), store.add('b.jpg', bytes)]);
    expect(value(second).id).toBe(value(first).id);
    copies.release();
    const [one, two] = await Promise.all([store.prepare(value(first)), store.prepare(value(second))]);
    expect(one.ok && two.ok).toBe(true);
    expect(copies.calls()).toBe(1);
    expect(readdirSync(join(folder, value(first).id.slice(0, 2))).sort()).toEqual(
      [value(first).id, `${value(first).id}.sent`, `${value(first).id}.thumb`].sort(),
    );
    expect(messages.threads.attachments.all()).toHaveLength(1);
  });

  it('takes an image whose header is sound and refuses it, by name, once its pixels fail to decode', async () => {
    const whole = await photo(1200, 900);
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const added = value(await store.add('cut.jpg', cut));
    expect(added).toMatchObject({ kind: 'image', width: 1200, height: 900 });
    const made = await store.prepare(added);
    expect(made).toMatchObject({
      ok: false,
      error: { code: 'attachment_corrupt', message: expect.stringContaining('“cut.jpg”') },
    });
    expect(await store.read(added.id, 'thumb')).toBeNull();
    expect(existsSync(store.pathOf(added.id, 'sent'))).toBe(false);
  });

  it('says whether a file can go with a message: waits for an image’s copies, refuses one that fails to decode', async () => {
    const copies = held();
    store = new AttachmentStore({
      folder,
      repo: async () => messages.threads.attachments,
      deriveCopies: copies.deriveCopies,
    });
    const sound = value(await store.add('sound.jpg', await photo(900, 600)));
    const whole = await photo(1200, 900);
    const broken = value(await store.add('cut.jpg', whole.subarray(0, Math.floor(whole.length * 0.6))));
    const text = value(await store.add('notes.txt', new TextEncoder().encode('plain words')));

    let answered = false;
    const soundReady = store.ready(sound.id).then((result) => ((answered = true), result));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    copies.release();
    expect(await soundReady).toEqual({ ok: true, value: { ready: true } });
    expect(existsSync(store.pathOf(sound.id, 'sent'))).toBe(true);
    expect(await store.ready(broken.id)).toMatchObject({
      ok: false,
      error: { code: 'attachment_corrupt', message: expect.stringContaining('“cut.jpg”') },
    });
    expect(await store.ready(text.id)).toEqual({ ok: true, value: { ready: true } });
    expect(await store.ready('f'.repeat(64))).toMatchObject({ ok: false, error: { code: 'attachment_missing' } });
  });

  it('makes copies a quit cut short again from the original when next needed', async () => {
    const added = value(await store.add('photo.jpg', await photo(900, 600)));
    expect((await store.prepare(added)).ok).toBe(true);
    rmSync(store.pathOf(added.id, 'sent'));
    rmSync(store.pathOf(added.id, 'thumb'));
    const restarted = new AttachmentStore({ folder, repo: async () => messages.threads.attachments });
    expect((await restarted.read(added.id, 'thumb'))?.mime).toBe('image/webp');
    expect(existsSync(store.pathOf(added.id, 'sent'))).toBe(true);
  });
});

describe('the store’s own rules', () => {
  const text = (words: string) => new TextEncoder().encode(words);

  it('keeps a name of exactly the longest length whole; cuts only the one character more, keeping a short extension', () => {
    const longest = `${'n'.repeat(296)}.txt`;
    expect(cleanAttachmentName(longest, 'file')).toBe(longest);
    expect(cleanAttachmentName(`n${longest}`, 'file')).toBe(`${'n'.repeat(296)}.txt`);
    // An "extension" of more than 15 characters after the dot is part of the name, and is cut like it.
    const oddTail = `${'n'.repeat(300)}.${'e'.repeat(16)}`;
    expect(cleanAttachmentName(oddTail, 'file')).toBe('n'.repeat(300));
    expect(cleanAttachmentName(`${'n'.repeat(300)}.${'e'.repeat(15)}`, 'file')).toBe(
      `${'n'.repeat(284)}.${'e'.repeat(15)}`,
    );
    // A name that only starts with a dot has no extension to keep.
    expect(cleanAttachmentName(`.${'n'.repeat(320)}`, 'file')).toBe(`.${'n'.repeat(299)}`);
  });

  it('keeps spaces in a name and drops tabs, DEL and other control characters', () => {
    expect(cleanAttachmentName('my\tnotes\u007f\u001f final.txt', 'file')).toBe('mynotes final.txt');
    expect(cleanAttachmentName(' \t ', 'pasted.txt')).toBe('pasted.txt');
  });

  it('refuses a file larger than any kind may be before reading it; one of exactly that size is read', async () => {
    const over = await store.add('huge.bin', new Uint8Array(maxAttachmentBytes + 1));
    expect(over).toEqual({
      ok: false,
      error: { code: 'attachment_too_large', message: '“huge.bin” is larger than 25 MB, the most a file can be.' },
    });
    // Exactly the limit reaches the content checks (here: a PDF, whose own limit it is).
    const onePage = await pdf(1);
    const padded = new Uint8Array(maxAttachmentBytes).fill(0x0a);
    padded.set(onePage);
    expect(value(await store.add('long.pdf', padded))).toMatchObject({ kind: 'pdf', pageCount: 1 });
  });

  it('refuses to store while the history database is not available, and collects nothing then', async () => {
    const closed = new AttachmentStore({ folder, repo: async () => null });
    expect(await closed.add('a.txt', text('a'))).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect(await closed.collectGarbage()).toBe(0);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('writes a file again when it is attached anew after its copy on disk went missing', async () => {
    const first = value(await store.add('a.txt', text('again')));
    rmSync(store.pathOf(first.id, 'original'));
    const second = value(await store.add('b.txt', text('again')));
    expect(second.id).toBe(first.id);
    expect(existsSync(store.pathOf(first.id, 'original'))).toBe(true);
  });

  it('serves each variant with its own type, and no copies for a text file', async () => {
    const words = value(await store.add('notes.md', text('# Notes')));
    expect(await store.read(words.id, 'original')).toEqual({
      mime: 'text/markdown',
      bytes: new Uint8Array(text('# Notes')),
      name: 'notes.md',
    });
    expect(await store.read(words.id, 'thumb')).toBeNull();
    expect(await store.read(words.id, 'sent')).toBeNull();
    expect(await store.read('0'.repeat(64), 'original')).toBeNull();

    const picture = value(await store.add('beach.jpg', await photo(640, 480)));
    expect((await store.read(picture.id, 'sent'))?.mime).toBe('image/jpeg');
    expect((await store.read(picture.id, 'thumb'))?.mime).toBe('image/webp');
    expect((await store.read(picture.id, 'original'))?.mime).toBe('image/jpeg');
  });

  it('sends an image’s copy with the copy’s type, and any other file as it came', async () => {
    const drawing = value(
      await store.add(
        'drawing.gif',
        await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
          .gif()
          .toBuffer(),
      ),
    );
    expect((await store.prepare(drawing)).ok).toBe(true);
    const repo = messages.threads.attachments;
    expect(store.requestMime(repo.get(drawing.id)!)).toBe('image/png');
    expect(await sharp(store.readForRequest(drawing)!).metadata()).toMatchObject({ format: 'png' });

    const paper = value(await store.add('paper.pdf', await pdf(2)));
    expect(store.requestMime(repo.get(paper.id)!)).toBe('application/pdf');
    expect(store.readForRequest(paper)).toEqual(new Uint8Array(await readFile(store.pathOf(paper.id, 'original'))));
  });

  it('remembers a picture that does not decode, but tries again after any other failure', async () => {
    let calls = 0;
    let failWith: 'attachment_corrupt' | 'storage_error' = 'storage_error';
    store = new AttachmentStore({
      folder,
      repo: async () => messages.threads.attachments,
      deriveCopies: async (name, bytes, mime) => {
        calls++;
        if (calls === 1) throw new AppFailure({ code: failWith, message: 'the disk is full' });
        return deriveImageCopies(name, bytes, mime);
      },
    });
    const added = value(await store.add('photo.jpg', await photo(300, 200)));
    expect(await store.prepare(added)).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect(await store.prepare(added)).toEqual({ ok: true, value: undefined });
    expect(calls).toBe(2);

    calls = 0;
    failWith = 'attachment_corrupt';
    const other = value(await store.add('other.jpg', await photo(302, 200)));
    expect(await store.prepare(other)).toMatchObject({ ok: false, error: { code: 'attachment_corrupt' } });
    expect(await store.prepare(other)).toMatchObject({ ok: false, error: { code: 'attachment_corrupt' } });
    expect(calls).toBe(1);
  });
});
