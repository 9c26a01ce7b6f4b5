// A turn with files, through the real store and database: refused before anything is written or sent when the model
// cannot take an image; otherwise the request carries the files as content parts, earlier turns' files included,
// with the PDF engine named.

import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../shared/attachments';
import type { ChatStreamEvent, ModelSummary } from '../../shared/domain';
import { AttachmentStore } from './attachments/attachment-store';
import { ChatService } from './chat-service';
import { chatFiles } from './attachments/chat-files';
import { ConversationRepo } from './db/conversation-repo';
import { MessageRepo } from './db/message-repo';
import { openDatabase } from './db/open-database';
import { useTempDir } from './test-support/temp-dir';
import type { ChatRequest, UpstreamEvent } from './openrouter/types';

const tempDir = useTempDir();

const model = (id: string, inputModalities: string[]) => ({ id, inputModalities }) as unknown as ModelSummary;
const catalogue: Record<string, ModelSummary> = {
  'm/text': model('m/text', ['text']),
  'm/vision': model('m/vision', ['text', 'image']),
  'm/files': model('m/files', ['text', 'image', 'file']),
};

/** `reply` is what every call streams before done; a function gives each call (by index) its own events, done included. */
function setUp(reply: UpstreamEvent[] | ((call: number) => UpstreamEvent[]) = [{ type: 'delta', text: 'Seen.' }]) {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'history.sqlite3'));
  const messages = new MessageRepo(db);
  const repo = messages.threads.attachments;
  const store = new AttachmentStore({ folder: join(dir, 'attachments'), repo: async () => repo });
  const requests: ChatRequest[] = [];
  const service = new ChatService(
    new ConversationRepo(db),
    messages,
    {
      getGeneration: async () => ({ ok: false, error: { code: 'not_found', message: '' } }),
      async *streamChat(request) {
        requests.push(request);
        if (typeof reply === 'function') {
          yield* reply(requests.length - 1);
          return;
        }
        yield* reply;
        yield { type: 'done', finishReason: 'stop', generationId: null };
      },
    },
    {
      modelInfo: async (id) => catalogue[id] ?? null,
      files: chatFiles(store, repo),
    },
  );
  return { db, messages, store, service, requests };
}

/**
 * Waits for the copies the store makes in the background of the pictures a reply kept: made after the test's folder
 * is gone, they would bring it back.
 */
async function copiesMade(store: AttachmentStore, events: readonly ChatStreamEvent[]): Promise<void> {
  for (const event of events)
    if (event.type === 'done') for (const kept of event.message.attachments) await store.ready(kept.id);
}

async function collect(stream: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

const signal = () => new AbortController().signal;
const add = async (store: AttachmentStore, name: string, bytes: Uint8Array): Promise<Attachment> => {
  const result = await store.add(name, bytes);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const png = (background = '#f00') =>
  sharp({ create: { width: 8, height: 8, channels: 3, background } })
    .png()
    .toBuffer();

describe('a turn with files', () => {
  it('refuses an image for a model without image input before writing or sending anything', async () => {
    const { service, store, requests, db } = setUp();
    const image = await add(store, 'cat.png', await png());
    const events = await collect(
      service.send({ text: 'What is this?', model: 'm/text', attachmentIds: [image.id] }, signal()),
    );
    expect(events).toEqual([
      {
        type: 'error',
        error: { code: 'model_no_image_input', message: 'm/text does not accept images.' },
        message: null,
      },
    ]);
    expect(requests).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 0 });
    await store.ready(image.id); // its copies, made in the background, would bring the test's folder back
  });

  it('waits for a just-attached image’s copy, and refuses one that fails to decode in full before writing or sending', async () => {
    const { service, store, requests, db } = setUp();
    const whole = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#0a0' } })
      .jpeg()
      .toBuffer();
    // The header is sound (attaching takes it); the pixels stop short (only the copy's full decode finds out).
    const cut = await add(store, 'cut.jpg', whole.subarray(0, Math.floor(whole.length * 0.6)));
    const fine = await add(store, 'fine.png', await png());
    const refused = await collect(
      service.send({ text: 'Look', model: 'm/vision', attachmentIds: [fine.id, cut.id] }, signal()),
    );
    expect(refused).toEqual([
      {
        type: 'error',
        error: { code: 'attachment_corrupt', message: '“cut.jpg” could not be read as an image.' },
        message: null,
      },
    ]);
    expect(requests).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 0 });

    // The other file, sent straight after it was attached, goes with its downscaled copy made meanwhile.
    const events = await collect(service.send({ text: 'Look', model: 'm/vision', attachmentIds: [fine.id] }, signal()));
    expect(events.at(-1)).toMatchObject({ type: 'done' });
    expect(JSON.stringify(requests[0]?.messages[0]?.content)).toContain('data:image/png;base64,');
  });

  it('refuses an id the store does not have', async () => {
    const { service, requests } = setUp();
    const events = await collect(
      service.send({ text: '', model: 'm/vision', attachmentIds: ['e'.repeat(64)] }, signal()),
    );
    expect(events[0]).toMatchObject({ type: 'error', error: { code: 'attachment_missing' } });
    expect(requests).toEqual([]);
  });

  it('sends the files as parts, keeps them on the question, and sends them again with the history', async () => {
    const { service, store, requests, messages } = setUp();
    const image = await add(store, 'cat.png', await png());
    const paper = await add(store, 'notes.txt', new TextEncoder().encode('line one'));
    const events = await collect(
      service.send({ text: 'Compare', model: 'm/vision', attachmentIds: [image.id, paper.id] }, signal()),
    );
    const started = events.find((e) => e.type === 'started');
    expect(started?.type === 'started' && started.userMessage.attachments.map((a) => a.name)).toEqual([
      'cat.png',
      'notes.txt',
    ]);
    const parts = requests[0]?.messages[0]?.content;
    expect(Array.isArray(parts) && parts.map((p) => p.type)).toEqual(['text', 'image_url', 'text']);
    expect(JSON.stringify(parts)).toContain('data:image/png;base64,');
    expect(JSON.stringify(parts)).toContain('File: notes.txt');
    expect(requests[0]?.options?.plugins).toBeUndefined();

    const conversationId = started?.type === 'started' ? started.conversation.id : '';
    await collect(service.send({ conversationId, text: 'And now?', model: 'm/vision' }, signal()));
    const history = requests[1]?.messages;
    expect(JSON.stringify(history?.[0])).toContain('data:image/png;base64,');
    expect(history?.at(-1)).toEqual({ role: 'user', content: 'And now?' });
    expect(requests[1]?.options?.plugins).toBeUndefined();
    expect(messages.listForConversation(conversationId)[0]?.attachments).toHaveLength(2);
  });

  it('sends a PDF as a file part with the file-parser engine the model calls for, or the one chosen', async () => {
    const { service, store, requests } = setUp();
    const { PDFDocument } = await import('pdf-lib');
    const document = await PDFDocument.create();
    document.addPage();
    const paper = await add(store, 'paper.pdf', await document.save());
    await collect(service.send({ text: '', model: 'm/files', attachmentIds: [paper.id] }, signal()));
    expect(requests[0]?.messages[0]?.content).toEqual([
      {
        type: 'file',
        file: { filename: 'paper.pdf', file_data: expect.stringMatching(/^data:application\/pdf;base64,JVBERi0/) },
      },
    ]);
    expect(requests[0]?.options?.plugins).toEqual([{ id: 'file-parser', pdf: { engine: 'native' } }]);
    await collect(
      service.send({ text: 'again', model: 'm/text', attachmentIds: [paper.id], pdfEngine: 'mistral-ocr' }, signal()),
    );
    expect(requests[1]?.options?.plugins).toEqual([{ id: 'file-parser', pdf: { engine: 'mistral-ocr' } }]);
    // A later message without files still sends the thread's PDF, so the parser goes with it.
    const started = (
      await collect(service.send({ text: 'read', model: 'm/files', attachmentIds: [paper.id] }, signal()))
    )[0];
    const conversationId = started?.type === 'started' ? started.conversation.id : '';
    await collect(service.send({ conversationId, text: 'and?', model: 'm/files' }, signal()));
    expect(requests[3]?.options?.plugins).toEqual([{ id: 'file-parser', pdf: { engine: 'native' } }]);
  });

  it('keeps an edited question’s files unless the edit names others', async () => {
    const { service, store, requests } = setUp();
    const paper = await add(store, 'notes.txt', new TextEncoder().encode('line one'));
    const first = await collect(service.send({ text: 'Read', model: 'm/text', attachmentIds: [paper.id] }, signal()));
    const started = first.find((e) => e.type === 'started');
    if (started?.type !== 'started') throw new Error('no start');
    const input = { conversationId: started.conversation.id, messageId: started.userMessage.id, model: 'm/text' };
    const kept = await collect(service.edit({ ...input, text: 'Read it' }, signal()));
    expect(kept.find((e) => e.type === 'started')).toMatchObject({ userMessage: { attachments: [{ id: paper.id }] } });
    expect(JSON.stringify(requests[1]?.messages)).toContain('File: notes.txt');
    const dropped = await collect(service.edit({ ...input, text: 'Never mind', attachmentIds: [] }, signal()));
    expect(dropped.find((e) => e.type === 'started')).toMatchObject({ userMessage: { attachments: [] } });
    expect(requests[2]?.messages).toEqual([{ role: 'user', content: 'Never mind' }]);
  });

  it('keeps the pictures an image model sends with its reply, and only real images given as data URLs', async () => {
    const picture = (await png()).toString('base64');
    const { service, store, messages } = setUp([
      { type: 'delta', text: 'Here it is.' },
      {
        type: 'images',
        urls: [
          `data:image/png;base64,${picture}`,
          'https://example.com/x.png',
          'data:image/png;base64,bm90IGFuIGltYWdl',
        ],
      },
    ]);
    const events = await collect(service.send({ text: 'Draw a square', model: 'm/draws' }, signal()));
    const done = events.find((e) => e.type === 'done');
    expect(done?.type === 'done' && done.message.attachments).toEqual([
      expect.objectContaining({ kind: 'image', mime: 'image/png', name: 'image-1.png', width: 8, height: 8 }),
    ]);
    const conversationId =
      events.find((e) => e.type === 'started')?.type === 'started'
        ? (events[0] as { conversation: { id: string } }).conversation.id
        : '';
    // Saved with the conversation: a fresh read (as after a restart) has it too.
    expect(messages.listForConversation(conversationId)[1]?.attachments).toHaveLength(1);
    const id = done?.type === 'done' ? done.message.attachments[0]!.id : '';
    expect(await store.read(id, 'thumb')).not.toBeNull();
  });

  it('names a new conversation after its first file when the message has no text', async () => {
    const { service, store } = setUp();
    const paper = await add(store, 'notes.txt', new TextEncoder().encode('line one'));
    const [started] = await collect(service.send({ text: '', model: 'm/text', attachmentIds: [paper.id] }, signal()));
    expect(started?.type === 'started' && started.conversation.title).toBe('notes.txt');
  });

  it('answers a question again in place after an empty stopped reply only when its files are the same', async () => {
    // Every other call ends without a word (stopped); the rest answer.
    const { service, store, db } = setUp((call) =>
      call % 2 === 0
        ? []
        : [
            { type: 'delta', text: 'Seen.' },
            { type: 'done', finishReason: 'stop', generationId: null },
          ],
    );
    const red = await add(store, 'red.png', await png('#f00'));
    const blue = await add(store, 'blue.png', await png('#00f'));
    const questions = () => db.prepare("SELECT COUNT(*) FROM messages WHERE role = 'user'").pluck().get();
    const [started] = await collect(
      service.send({ text: 'Look', model: 'm/vision', attachmentIds: [red.id] }, signal()),
    );
    const conversationId = started?.type === 'started' ? started.conversation.id : '';
    await collect(service.send({ conversationId, text: 'Look', model: 'm/vision', attachmentIds: [red.id] }, signal()));
    expect(questions()).toBe(1);

    // Answered now: the same question again is a new one, which stops empty; then another file replaces it.
    await collect(service.send({ conversationId, text: 'Look', model: 'm/vision', attachmentIds: [red.id] }, signal()));
    expect(questions()).toBe(2);
    await collect(
      service.send({ conversationId, text: 'Look', model: 'm/vision', attachmentIds: [blue.id] }, signal()),
    );
    expect(questions()).toBe(3);
  });

  it('sends an image model’s earlier reply as its text, and an earlier image as a note to a model that cannot see it', async () => {
    const picture = (await png()).toString('base64');
    const drawn: UpstreamEvent = { type: 'images', urls: [`data:image/png;base64,${picture}`] };
    const { service, store, requests } = setUp((call): UpstreamEvent[] => [
      ...(call === 0 ? [drawn] : []),
      { type: 'delta', text: 'Here it is.' },
      { type: 'done', finishReason: 'stop', generationId: null },
    ]);
    const image = await add(store, 'cat.png', await png('#0f0'));
    const first = await collect(
      service.send({ text: 'Like this', model: 'm/vision', attachmentIds: [image.id] }, signal()),
    );
    const started = first[0];
    const conversationId = started?.type === 'started' ? started.conversation.id : '';
    await collect(service.send({ conversationId, text: 'Now describe it', model: 'm/text' }, signal()));
    const history = requests[1]?.messages;
    expect(history?.[1]).toEqual({ role: 'assistant', content: 'Here it is.' });
    expect(JSON.stringify(history?.[0])).not.toContain('data:image');
    expect(JSON.stringify(history?.[0])).toContain('this model cannot see it');
    await copiesMade(store, first);
  });

  it('names the pictures it keeps by their type, a JPEG as .jpg, and keeps none from a URL that only contains a data URL', async () => {
    const jpeg = (
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00f' } })
        .jpeg()
        .toBuffer()
    ).toString('base64');
    const picture = (await png()).toString('base64');
    const { service, store } = setUp([
      {
        type: 'images',
        urls: [
          `data:image/JPEG;base64,${jpeg}`,
          `data:image/PNG;base64,${picture}`,
          `https://example.com/?data:image/png;base64,${picture}`,
        ],
      },
    ]);
    const events = await collect(service.send({ text: 'Draw', model: 'm/draws' }, signal()));
    const done = events.at(-1);
    expect(done?.type === 'done' && done.message.attachments.map((a) => a.name)).toEqual([
      'image-1.jpg',
      'image-2.png',
    ]);
    await copiesMade(store, events);
  });
});
