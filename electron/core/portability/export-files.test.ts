// Export and import with files (issue 12): a JSON export of conversations that carry files is a zip holding the
// document and each file once; importing it restores the files into the content-addressed store (deduplicated) and
// links them to the same messages. A zip's files are hostile input: checked by content, and by their hash.

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../../shared/attachments';
import { CompareRepo } from '../compare/compare-repo';
import { ConversationRepo } from '../db/conversation-repo';
import { MessageRepo } from '../db/message-repo';
import { useTempDir } from '../test-support/temp-dir';
import { type Profile, dump, exportBytes, importBytes, openProfile } from '../test-support/portability-histories';

const newDir = useTempDir();
const open: Profile[] = [];
const profile = () => {
  const p = openProfile(newDir());
  open.push(p);
  return p;
};
afterEach(() => {
  for (const p of open.splice(0)) p.db.close();
});

const picture = (colour: string) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
    .png()
    .toBuffer();
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function added(p: Profile, name: string, bytes: Uint8Array): Promise<Attachment> {
  const result = await p.files.add(name, bytes);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A conversation whose question carries a picture and a note, and whose reply carries the same picture. */
async function seedWithFiles(p: Profile, title = 'With files') {
  const conversations = new ConversationRepo(p.db);
  const messages = new MessageRepo(p.db);
  const conversation = conversations.create({ title, model: 'openai/gpt-4o' });
  const image = await added(p, 'holiday.png', await picture('#3a7'));
  const note = await added(p, 'notes.md', strToU8('# Notes\nBring a hat.'));
  const question = messages.insertUser({
    conversationId: conversation.id,
    content: 'What is in these?',
    model: null,
    attachments: [image, { ...note, name: 'my notes.md' }],
  });
  const reply = messages.createAssistant({
    conversationId: conversation.id,
    model: 'openai/gpt-4o',
    parentId: question.id,
  });
  messages.finalize(reply.id, {
    status: 'complete',
    content: 'Here it is again.',
    reasoning: null,
    model: 'openai/gpt-4o',
    provider: 'OpenAI',
    generationId: 'gen-1',
    finishReason: 'stop',
    usage: null,
    error: null,
    firstTokenMs: null,
    durationMs: null,
    toolCalls: null,
  });
  messages.threads.attachments.link(reply.id, [{ id: image.id, name: 'again.png' }]);
  return { conversation, image, note, question, reply };
}

const filesOf = (p: Profile, messageId: string) =>
  new MessageRepo(p.db).threads.attachments.forMessage(messageId).map((a) => ({ id: a.id, name: a.name }));

describe('export with files', () => {
  it('is a zip: the JSON document first, then each file once under attachments/<hash>.<ext>', async () => {
    const source = profile();
    const { conversation, image, note } = await seedWithFiles(source);
    const ticket = await source.service.startExport({ format: 'json', conversationId: conversation.id });
    expect(ticket.ok && ticket.value.fileName).toMatch(/\.zip$/);

    const zipped = await exportBytes(source, 'json', conversation.id);
    const entries = unzipSync(zipped);
    expect(Object.keys(entries)).toEqual([
      'switchboard-history.json',
      `attachments/${image.id}.png`,
      `attachments/${note.id}.md`,
    ]);
    expect(sha(entries[`attachments/${image.id}.png`]!)).toBe(image.id);
    expect(strFromU8(entries[`attachments/${note.id}.md`]!)).toBe('# Notes\nBring a hat.');
    const document = JSON.parse(strFromU8(entries['switchboard-history.json']!)) as {
      conversations: { messages: { attachments?: { id: string; name: string; kind: string }[] }[] }[];
    };
    const [question, reply] = document.conversations[0]!.messages;
    expect(question!.attachments!.map((a) => [a.name, a.kind])).toEqual([
      ['holiday.png', 'image'],
      ['my notes.md', 'text'],
    ]);
    expect(reply!.attachments!.map((a) => a.name)).toEqual(['again.png']);
  });

  it('stays a plain JSON file when no conversation carries a file, and names all of history apart from the Markdown zip', async () => {
    const plain = profile();
    new ConversationRepo(plain.db).create({ title: 'Words only', model: 'openai/gpt-4o' });
    const json = await plain.service.startExport({ format: 'json', conversationId: null });
    expect(json.ok && json.value.fileName).toMatch(/^switchboard-history-\d{4}-\d\d-\d\d\.json$/);

    const withFiles = profile();
    await seedWithFiles(withFiles);
    const all = await withFiles.service.startExport({ format: 'json', conversationId: null });
    expect(all.ok && all.value.fileName).toMatch(/^switchboard-history-\d{4}-\d\d-\d\d-with-files\.zip$/);
  });

  it('carries a compare column’s files, and names the compare’s JSON zip apart from its Markdown zip', async () => {
    const source = profile();
    const { conversation, image } = await seedWithFiles(source);
    const other = new ConversationRepo(source.db).create({ title: 'Beside it', model: 'openai/gpt-4o-mini' });
    const compare = new CompareRepo(source.db).create('Pictures', [
      { conversationId: conversation.id, model: 'openai/gpt-4o' },
      { conversationId: other.id, model: 'openai/gpt-4o-mini' },
    ]);
    const json = await source.service.startExport({ format: 'json', conversationId: null, compareId: compare.id });
    const markdown = await source.service.startExport({
      format: 'markdown',
      conversationId: null,
      compareId: compare.id,
    });
    expect(json.ok && json.value.fileName).toMatch(/^Pictures with files \([\w-]{8}\)\.zip$/);
    expect(markdown.ok && markdown.value.fileName).toMatch(/^Pictures \([\w-]{8}\)\.zip$/);
    const entries = unzipSync(await exportBytes(source, 'json', null, compare.id));
    expect(Object.keys(entries)).toContain(`attachments/${image.id}.png`);
  });

  it('leaves out a file lost from disk rather than failing the whole export', async () => {
    const source = profile();
    const { conversation, image, note } = await seedWithFiles(source);
    rmSync(source.files.pathOf(note.id, 'original'));
    const entries = unzipSync(await exportBytes(source, 'json', conversation.id));
    expect(Object.keys(entries)).toEqual(['switchboard-history.json', `attachments/${image.id}.png`]);
    expect(strFromU8(entries['switchboard-history.json']!)).not.toContain(note.id);
  });
});

describe('import with files', () => {
  it('restores every file into the store and links it to the same messages under the same names', async () => {
    const source = profile();
    const { conversation, image, note, question, reply } = await seedWithFiles(source);
    const zipped = await exportBytes(source, 'json', null);

    const target = profile();
    const { result } = await importBytes(target, zipped, 'switchboard-history-with-files.zip');
    expect(result.ok && result.value).toEqual({ added: 1, skipped: 0, messages: 2 });
    expect(filesOf(target, question.id)).toEqual([
      { id: image.id, name: 'holiday.png' },
      { id: note.id, name: 'my notes.md' },
    ]);
    expect(filesOf(target, reply.id)).toEqual([{ id: image.id, name: 'again.png' }]);
    // The bytes are back, with the copies the store derives (an image's sent copy and thumbnail).
    expect(readFileSync(target.files.pathOf(image.id, 'original'))).toEqual(
      readFileSync(source.files.pathOf(image.id, 'original')),
    );
    // The copies are made after the import stores the file (in the background, as for an attach): reading the
    // thumbnail waits for them, and then it is on disk.
    expect((await target.files.read(image.id, 'thumb'))?.bytes.length).toBeGreaterThan(0);
    expect(existsSync(target.files.pathOf(image.id, 'thumb'))).toBe(true);
    expect((await target.files.read(note.id, 'original'))?.name).toBe('my notes.md');
    // Carried files are not garbage.
    expect(await target.files.collectGarbage()).toBe(0);
    // And the export of the import is the export of the source.
    const again = unzipSync(await exportBytes(target, 'json', conversation.id));
    const original = unzipSync(await exportBytes(source, 'json', conversation.id));
    expect(strFromU8(again['switchboard-history.json']!).replace(/"exportedAt":"[^"]+"/, '')).toBe(
      strFromU8(original['switchboard-history.json']!).replace(/"exportedAt":"[^"]+"/, ''),
    );
  });

  it('stores a file already here once (by hash), and a second import of the same zip adds nothing', async () => {
    const source = profile();
    const { image } = await seedWithFiles(source);
    const zipped = await exportBytes(source, 'json', null);

    const target = profile();
    await added(target, 'mine.png', await picture('#3a7')); // the same bytes as the source's picture
    expect((await importBytes(target, zipped, 'x.zip')).result.ok).toBe(true);
    const rows = () => target.db.prepare('SELECT id, name FROM attachments ORDER BY id').all();
    expect(rows()).toContainEqual({ id: image.id, name: 'mine.png' });
    const before = dump(target.db);
    const second = await importBytes(target, zipped, 'x.zip');
    expect(second.result.ok && second.result.value).toMatchObject({ added: 0, skipped: 1 });
    expect(dump(target.db)).toEqual(before);
    expect(rows()).toHaveLength(2);
  });

  it('refuses a file whose content is not what its name (its hash) says, importing nothing', async () => {
    const source = profile();
    const { image } = await seedWithFiles(source);
    const entries = unzipSync(await exportBytes(source, 'json', null));
    entries[`attachments/${image.id}.png`] = await picture('#f00');

    const target = profile();
    const { result } = await importBytes(target, zipSync(entries), 'x.zip');
    expect(!result.ok && result.error.message).toMatch(/is not the file its name says.*Nothing was imported/);
    expect(target.db.prepare('SELECT count(*) AS n FROM conversations').get()).toEqual({ n: 0 });
  });

  it('checks each file by content: a "picture" that is an executable is refused by the store', async () => {
    const source = profile();
    const { image } = await seedWithFiles(source);
    const entries = unzipSync(await exportBytes(source, 'json', null));
    const hostile = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]); // "MZ…"
    delete entries[`attachments/${image.id}.png`];
    entries[`attachments/${sha(hostile)}.png`] = hostile;

    const target = profile();
    const { result } = await importBytes(target, zipSync(entries), 'x.zip');
    expect(!result.ok && result.error.message).toMatch(/was refused: .*is not an image.*Nothing was imported/);
    expect(target.db.prepare('SELECT count(*) AS n FROM conversations').get()).toEqual({ n: 0 });
  });

  it('refuses a message naming a file the zip does not hold (or a bare JSON naming files), importing nothing', async () => {
    const source = profile();
    const { image } = await seedWithFiles(source);
    const entries = unzipSync(await exportBytes(source, 'json', null));
    delete entries[`attachments/${image.id}.png`];

    const target = profile();
    const { result } = await importBytes(target, zipSync(entries), 'x.zip');
    expect(!result.ok && result.error.message).toMatch(/carries “holiday\.png”, which the file does not hold/);
    expect(target.db.prepare('SELECT count(*) AS n FROM conversations').get()).toEqual({ n: 0 });
    expect(target.db.prepare('SELECT count(*) AS n FROM message_attachments').get()).toEqual({ n: 0 });

    const bare = await importBytes(profile(), entries['switchboard-history.json']!, 'history.json');
    expect(!bare.result.ok && bare.result.error.message).toMatch(/which the file does not hold/);
  });

  it('refuses a file in the zip larger than any attachment may be, before storing it', async () => {
    const source = profile();
    await seedWithFiles(source);
    const entries = unzipSync(await exportBytes(source, 'json', null));
    const huge = new Uint8Array(26 * 1024 * 1024);
    entries[`attachments/${sha(huge)}.txt`] = huge;

    const target = profile();
    const { result } = await importBytes(target, zipSync(entries, { level: 1 }), 'x.zip');
    expect(!result.ok && result.error.message).toMatch(/is larger than 25 MB, the most a file can be/);
    expect(target.db.prepare('SELECT id FROM attachments WHERE id = ?').get(sha(huge))).toBeUndefined();
    expect(target.db.prepare('SELECT count(*) AS n FROM conversations').get()).toEqual({ n: 0 });
  });
});
