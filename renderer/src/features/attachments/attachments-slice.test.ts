import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../shared/result';
import { modelFixture } from '../../test-support/model-fixture';
import { attachmentFor, conversationFixture, ok, setupStore, tick } from '../../test-support/store-over-fake-api';
import type { Attachment, AttachmentFile } from '../../../../shared/attachments';
import { pastedTextName } from './attachments-slice';
import { selectSendBlocker } from './send-blocker';

type Ctx = ReturnType<typeof setupStore>;

const file = (name: string, bytes = 'x'.repeat(10), type = '') => new File([bytes], name, { type });
const statuses = (ctx: Ctx) => ctx.store.getState().tray.map((item) => [item.name, item.status]);

/** An upload the test finishes when it wants, to see the tray while it runs. */
function holdUploads(ctx: Ctx) {
  const pending: { file: AttachmentFile; resolve(result: Result<Attachment>): void }[] = [];
  ctx.api.attachments.add.mockImplementation(
    (f: AttachmentFile) => new Promise<Result<Attachment>>((resolve) => pending.push({ file: f, resolve })),
  );
  return pending;
}

async function open(ctx: Ctx, id: string, model = 'openai/gpt-4o-mini') {
  ctx.api.conversations.get.mockReturnValueOnce(
    ok({ conversation: conversationFixture({ id, model }), messages: [], hasOlder: false }),
  );
  await ctx.store.getState().selectConversation(id);
}

describe('the attachment tray', () => {
  it('shows several files uploading, then ready; a refused one says why and keeps the draft and the others', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    ctx.store.getState().setDraft('What is in these?');
    const pending = holdUploads(ctx);
    ctx.store.getState().attachFiles([file('a.png'), file('huge.png'), file('b.pdf')]);
    expect(statuses(ctx)).toEqual([
      ['a.png', 'uploading'],
      ['huge.png', 'uploading'],
      ['b.pdf', 'uploading'],
    ]);
    expect(selectSendBlocker(ctx.store.getState())).toEqual({ kind: 'uploading' });
    await tick();
    expect(pending.map((p) => p.file.name)).toEqual(['a.png', 'huge.png', 'b.pdf']);

    pending[0]!.resolve({ ok: true, value: attachmentFor(pending[0]!.file) });
    pending[1]!.resolve({
      ok: false,
      error: { code: 'invalid_input', message: 'huge.png is 31 MB; the limit for an image is 20 MB.' },
    });
    pending[2]!.resolve({ ok: true, value: attachmentFor(pending[2]!.file) });
    await tick();

    const state = ctx.store.getState();
    expect(statuses(ctx)).toEqual([
      ['a.png', 'ready'],
      ['huge.png', 'failed'],
      ['b.pdf', 'ready'],
    ]);
    expect(state.tray[1]!.error?.message).toContain('the limit for an image is 20 MB');
    expect(state.draft).toBe('What is in these?');
    // The refused file does not hold the message back; it is simply not sent.
    expect(selectSendBlocker(state)).toBeNull();
  });

  it('sends the ready files by id with the text, empties the tray, and leaves the refused ones behind', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    ctx.api.attachments.add.mockImplementationOnce(() =>
      Promise.resolve<Result<Attachment>>({
        ok: false,
        error: { code: 'invalid_input', message: 'empty.png is empty (0 bytes).' },
      }),
    );
    ctx.store.getState().attachFiles([file('empty.png', ''), file('cat.png')]);
    await tick();
    ctx.store.getState().setDraft('A cat');
    void ctx.store.getState().sendMessage();
    await tick();
    expect(ctx.stream(0).input).toEqual({
      conversationId: 'c1',
      text: 'A cat',
      model: 'openai/gpt-4o-mini',
      attachmentIds: ['sha-cat.png'],
    });
    expect(ctx.store.getState().tray).toEqual([]);
  });

  it('may send files without text, but not nothing', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    expect(selectSendBlocker(ctx.store.getState())).toEqual({ kind: 'empty' });
    ctx.store.getState().attachFiles([file('cat.png')]);
    await tick();
    expect(selectSendBlocker(ctx.store.getState())).toBeNull();
  });

  it('gives the files back with the text when the message never reached the core', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    ctx.store.getState().attachFiles([file('cat.png')]);
    await tick();
    ctx.store.getState().setDraft('A cat');
    const sending = ctx.store.getState().sendMessage();
    await tick();
    ctx.store.getState().stopReply();
    ctx.stream(0).end();
    await sending;
    const state = ctx.store.getState();
    expect(state.draft).toBe('A cat');
    expect(state.tray.map((item) => [item.name, item.status, item.attachment?.id])).toEqual([
      ['cat.png', 'ready', 'sha-cat.png'],
    ]);
  });

  it('belongs to its conversation, like the draft, and follows a new chat into the conversation it becomes', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    ctx.store.getState().attachFiles([file('one.png')]);
    await open(ctx, 'c2');
    expect(ctx.store.getState().tray).toEqual([]);
    await open(ctx, 'c1');
    await tick();
    expect(statuses(ctx)).toEqual([['one.png', 'ready']]);

    ctx.store.getState().newChat();
    ctx.store.getState().attachFiles([file('new.png')]);
    await tick();
    ctx.store.getState().adoptNewChatTray('c3');
    ctx.store.getState().switchTray('c3');
    expect(statuses(ctx)).toEqual([['new.png', 'ready']]);
  });

  it('keeps the ready files with the draft in the core, and a restarted page gets them back with its text', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    const pending = holdUploads(ctx);
    ctx.store.getState().attachFiles([file('cat.png'), file('dog.png')]);
    await tick();
    // Nothing is kept while uploading: only what the core has stored can come back.
    expect(ctx.api.drafts.saveFiles).not.toHaveBeenCalled();
    pending[0]!.resolve({ ok: true, value: attachmentFor(pending[0]!.file) });
    pending[1]!.resolve({ ok: false, error: { code: 'attachment_corrupt', message: 'dog.png could not be read.' } });
    await tick();
    expect(ctx.draftFiles.get('c1')?.map((a) => a.name)).toEqual(['cat.png']);
    ctx.store.getState().setDraft('A cat');
    await ctx.store.getState().flushDraft();

    // A new page over the same core: opening the conversation brings back the text and the tray.
    const restarted = setupStore();
    restarted.drafts.set('c1', 'A cat');
    restarted.draftFiles.set('c1', ctx.draftFiles.get('c1')!);
    await open(restarted, 'c1');
    await tick();
    expect(restarted.store.getState().draft).toBe('A cat');
    expect(statuses(restarted)).toEqual([['cat.png', 'ready']]);
    // Given back, not saved again.
    expect(restarted.api.drafts.saveFiles).not.toHaveBeenCalled();

    // Removing it (or sending it) forgets it.
    restarted.store.getState().removeTrayItem(restarted.store.getState().tray[0]!.localId);
    expect(restarted.draftFiles.get('c1')).toEqual([]);
  });

  it('refuses a picture whose pixels fail to decode after it was taken, keeping the draft and the other files', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    ctx.store.getState().setDraft('Compare these');
    const cut: Result<{ ready: true }> = {
      ok: false,
      error: { code: 'attachment_corrupt', message: '“cut.png” could not be read as an image.' },
    };
    ctx.api.attachments.ready.mockImplementation((id: string) =>
      Promise.resolve(id === 'sha-cut.png' ? cut : { ok: true, value: { ready: true } }),
    );
    ctx.store.getState().attachFiles([file('cut.png'), file('whole.png'), file('notes.txt')]);
    await tick();
    await tick();
    expect(statuses(ctx)).toEqual([
      ['cut.png', 'failed'],
      ['whole.png', 'ready'],
      ['notes.txt', 'ready'],
    ]);
    expect(ctx.store.getState().tray[0]!.error).toEqual(cut.error);
    // Only pictures are decoded; a text file is not asked about.
    expect(ctx.api.attachments.ready.mock.calls.map(([id]) => id)).toEqual(['sha-cut.png', 'sha-whole.png']);
    expect(ctx.store.getState().draft).toBe('Compare these');
    expect(ctx.draftFiles.get('c1')?.map((a) => a.name)).toEqual(['whole.png', 'notes.txt']);

    // The same answer for a tray given back after a restart.
    const restarted = setupStore();
    restarted.draftFiles.set('c1', [attachmentFor({ name: 'cut.png', bytes: new Uint8Array(3) })]);
    restarted.api.attachments.ready.mockImplementation(() => Promise.resolve(cut));
    await open(restarted, 'c1');
    await tick();
    await tick();
    expect(statuses(restarted)).toEqual([['cut.png', 'failed']]);
  });

  it('keeps a picture when the core cannot answer whether it decodes (a send asks again)', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    ctx.api.attachments.ready.mockImplementation(() =>
      Promise.resolve({ ok: false, error: { code: 'storage_error', message: 'The disk is full.' } }),
    );
    ctx.store.getState().attachFiles([file('photo.png')]);
    await tick();
    await tick();
    expect(statuses(ctx)).toEqual([['photo.png', 'ready']]);
  });

  it('moves a new chat’s kept files to the conversation it becomes', async () => {
    const ctx = setupStore();
    ctx.store.getState().newChat();
    ctx.store.getState().attachFiles([file('new.png')]);
    await tick();
    expect(ctx.draftFiles.get(null)?.map((a) => a.name)).toEqual(['new.png']);
    ctx.store.getState().adoptNewChatTray('c3');
    expect(ctx.draftFiles.get(null)).toEqual([]);
    expect(ctx.draftFiles.get('c3')?.map((a) => a.name)).toEqual(['new.png']);
  });

  it('removes a file, and refuses more than a message may carry without losing the others', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    const many = Array.from({ length: 11 }, (_, i) => file(`f${i}.png`));
    ctx.store.getState().attachFiles(many);
    await tick();
    const tray = ctx.store.getState().tray;
    expect(tray.filter((item) => item.status === 'ready')).toHaveLength(10);
    expect(tray[10]).toMatchObject({ name: 'f10.png', status: 'failed' });
    expect(tray[10]!.error).toEqual({
      code: 'attachment_too_many',
      message: 'A message takes up to 10 files; this one was not added.',
    });
    expect(ctx.api.attachments.add).toHaveBeenCalledTimes(10);

    ctx.store.getState().removeTrayItem(tray[0]!.localId);
    expect(ctx.store.getState().tray.map((item) => item.name)).not.toContain('f0.png');
    expect(ctx.store.getState().tray).toHaveLength(10);
  });

  it('makes a long paste a text file, which can go back into the message as plain text', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    ctx.store.getState().setDraft('Look at this log:');
    const log = 'line\n'.repeat(1000);
    ctx.store.getState().attachPastedText(log);
    await tick();
    const [item] = ctx.store.getState().tray;
    expect(item).toMatchObject({ name: pastedTextName, status: 'ready', pastedText: log });
    const sent = ctx.api.attachments.add.mock.calls[0]![0];
    expect(sent.name).toBe(pastedTextName);
    expect(new TextDecoder().decode(sent.bytes)).toBe(log);

    ctx.store.getState().keepPasteAsText(item!.localId);
    expect(ctx.store.getState().tray).toEqual([]);
    expect(ctx.store.getState().draft).toBe(`Look at this log:\n${log}`);
  });

  it('refuses to send an image to a model that cannot read images, and says which palette filter finds one', async () => {
    const ctx = setupStore();
    ctx.store.setState({
      models: [
        modelFixture({ id: 'acme/text-only', name: 'Acme: Text Only' }),
        modelFixture({ id: 'acme/vision', inputModalities: ['text', 'image'] }),
      ],
    });
    await open(ctx, 'c1', 'acme/text-only');
    ctx.store.getState().attachFiles([file('notes.txt'), file('report.pdf')]);
    await tick();
    // Text is inlined and a PDF goes through OpenRouter's parser: any model takes them.
    expect(selectSendBlocker(ctx.store.getState())).toBeNull();

    ctx.store.getState().attachFiles([file('cat.png')]);
    await tick();
    ctx.store.getState().setDraft('What is this?');
    expect(selectSendBlocker(ctx.store.getState())).toEqual({
      kind: 'model',
      notice: 'Text Only does not accept images — pick one that does, or remove them.',
      filters: ['image'],
    });
    await ctx.store.getState().sendMessage();
    expect(ctx.open).not.toHaveBeenCalled();
    expect(ctx.store.getState().draft).toBe('What is this?');

    ctx.store.getState().openModelPalette('conversation', ['image']);
    expect(ctx.store.getState()).toMatchObject({ modelPalette: 'conversation', modelPaletteRequires: ['image'] });
  });

  it('names how a PDF is read when one goes: the model’s default, or the person’s choice', async () => {
    const ctx = setupStore();
    ctx.store.setState({ models: [modelFixture({ id: 'acme/text-only' })] });
    await open(ctx, 'c1', 'acme/text-only');
    ctx.store.getState().attachFiles([file('report.pdf')]);
    await tick();
    ctx.store.getState().setDraft('Summarise');
    void ctx.store.getState().sendMessage();
    await tick();
    expect(ctx.stream(0).input).toMatchObject({ attachmentIds: ['sha-report.pdf'], pdfEngine: 'cloudflare-ai' });
    ctx.stream(0).end();

    await open(ctx, 'c2', 'acme/text-only');
    ctx.store.getState().attachFiles([file('scan.pdf')]);
    ctx.store.getState().choosePdfEngine('mistral-ocr');
    await tick();
    ctx.store.getState().setDraft('Read the scan');
    void ctx.store.getState().sendMessage();
    await tick();
    expect(ctx.stream(1).input).toMatchObject({ attachmentIds: ['sha-scan.pdf'], pdfEngine: 'mistral-ocr' });
  });

  it('says a file that vanished before it could be read could not be read, and keeps the others', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    const gone = file('gone.png');
    gone.arrayBuffer = () => Promise.reject(new DOMException('The file was removed', 'NotFoundError'));
    ctx.store.getState().attachFiles([gone, file('here.png')]);
    await tick();
    await tick();
    expect(statuses(ctx)).toEqual([
      ['gone.png', 'failed'],
      ['here.png', 'ready'],
    ]);
    expect(ctx.store.getState().tray[0]!.error).toEqual({
      code: 'attachment_unreadable',
      message: 'gone.png could not be read.',
    });
    expect(ctx.api.attachments.add).toHaveBeenCalledTimes(1);
  });

  it('refuses a file larger than any kind may be at once, without reading it or sending it to the core', async () => {
    const ctx = setupStore();
    await open(ctx, 'c1');
    const huge = file('huge.png');
    Object.defineProperty(huge, 'size', { value: 26 * 1024 * 1024 });
    huge.arrayBuffer = () => Promise.reject(new Error('must not be read'));
    ctx.store.getState().attachFiles([huge]);
    await tick();
    expect(ctx.store.getState().tray[0]).toMatchObject({
      status: 'failed',
      error: { code: 'attachment_too_large', message: '“huge.png” is larger than 25 MB, the most any file can be.' },
    });
    expect(ctx.api.attachments.add).not.toHaveBeenCalled();
  });
});
