import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fileChannels } from '../../shared/file-channels';
import { recordingLogger } from './test-support/recording-logger';
import { type FileTransferDeps, registerFileTransfer } from './file-transfer';

const trusted = { url: 'app://switchboard/index.html', parent: null };
const stranger = { url: 'https://example.com/', parent: null };
const jobId = 'a'.repeat(32);

/** ipcMain, dialog, shell and fs stand-ins that record what the glue asks of them. */
function setup(
  over: { savePath?: string | null; openPath?: string | null; writeFails?: boolean; openPathProblem?: string } = {},
) {
  const handlers = new Map<string, (event: { senderFrame: typeof trusted }, input: unknown) => unknown>();
  const written: { path: string; data: string }[] = [];
  const removed: string[] = [];
  const imported: { jobId: string; data: string }[] = [];
  const cancelled: string[] = [];
  const opened: string[] = [];
  const added: { name: string; size: number }[] = [];
  const logger = recordingLogger();
  const deps: FileTransferDeps = {
    ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener) },
    dialogs: {
      showSaveDialog: async () =>
        over.savePath === null
          ? { canceled: true }
          : { canceled: false, filePath: over.savePath ?? '/home/me/export.json' },
      showOpenDialog: async () =>
        over.openPath === null
          ? { canceled: true, filePaths: [] }
          : { canceled: false, filePaths: [over.openPath ?? '/home/me/chats.json'] },
      openPath: async (path) => {
        opened.push(path);
        return over.openPathProblem ?? '';
      },
    },
    fs: {
      createReadStream: (path) =>
        (async function* () {
          yield new TextEncoder().encode(`contents of ${path}`);
        })(),
      createWriteStream: (path) => {
        let data = '';
        return new Writable({
          write(chunk: Buffer, _encoding, done) {
            if (over.writeFails) return done(new Error('disk full'));
            data += chunk.toString();
            done();
          },
          final(done) {
            written.push({ path, data });
            done();
          },
        });
      },
      size: async () => 1234,
      remove: async (path) => void removed.push(path),
    },
    jobs: {
      openExport: async (id) =>
        id === jobId
          ? {
              fileName: 'x.json',
              bytes: (async function* () {
                yield new TextEncoder().encode('{"format"');
                yield new TextEncoder().encode(':1}');
              })(),
            }
          : null,
      runImport: async (id, bytes) => {
        let data = '';
        for await (const chunk of bytes) data += new TextDecoder().decode(chunk);
        imported.push({ jobId: id, data });
        return { ok: true, value: { added: 1, skipped: 0, messages: 2 } };
      },
      cancel: (id) => void cancelled.push(id),
    },
    attachments: {
      add: async (name, bytes) => {
        added.push({ name, size: bytes.byteLength });
        return {
          ok: true,
          value: { id: 'a'.repeat(64), kind: 'text', mime: 'text/plain', name, sizeBytes: bytes.byteLength },
        };
      },
    },
    backupFolder: () => '/profile/backups',
    dataFolder: () => '/profile',
    isTrustedSender: (frame) => frame?.url === trusted.url,
    logger,
  };
  registerFileTransfer(deps);
  const call = (channel: string, input?: unknown, frame = trusted) =>
    handlers.get(channel)!({ senderFrame: frame }, input);
  return { call, written, removed, imported, cancelled, opened, added, logger };
}

describe('desktop file transfer', () => {
  it('writes an export to the path chosen in the save dialog', async () => {
    const t = setup();
    expect(await t.call(fileChannels.saveExport, { jobId, fileName: 'x.json' })).toEqual({ ok: true, saved: true });
    expect(t.written).toEqual([{ path: '/home/me/export.json', data: '{"format":1}' }]);
  });

  it('cancels the export job when the person cancels the dialog', async () => {
    const t = setup({ savePath: null });
    expect(await t.call(fileChannels.saveExport, { jobId, fileName: 'x.json' })).toEqual({ ok: true, saved: false });
    expect(t.cancelled).toEqual([jobId]);
    expect(t.written).toEqual([]);
  });

  it('removes a half-written file when writing fails, and says why', async () => {
    const t = setup({ writeFails: true });
    const result = (await t.call(fileChannels.saveExport, { jobId, fileName: 'x.json' })) as {
      ok: boolean;
      message: string;
    };
    expect(result.ok).toBe(false);
    expect(result.message).toContain('disk full');
    expect(t.removed).toEqual(['/home/me/export.json']);
  });

  it('imports only a file main chose, by its handle, once', async () => {
    const t = setup();
    const chosen = (await t.call(fileChannels.chooseImport)) as { name: string; size: number; handle: string };
    expect(chosen).toMatchObject({ name: 'chats.json', size: 1234 });
    expect(await t.call(fileChannels.sendImport, { jobId, handle: chosen.handle })).toEqual({ ok: true });
    expect(t.imported).toEqual([{ jobId, data: 'contents of /home/me/chats.json' }]);
    // The handle is spent, and a made-up one names nothing.
    expect(await t.call(fileChannels.sendImport, { jobId, handle: chosen.handle })).toEqual({
      ok: false,
      message: 'Choose the file again.',
    });
    expect(await t.call(fileChannels.sendImport, { jobId, handle: 'f'.repeat(32) })).toMatchObject({ ok: false });
    expect(t.imported).toHaveLength(1);
  });

  it('opens only the backups folder', async () => {
    const t = setup();
    expect(await t.call(fileChannels.showFolder, { path: '/etc' })).toBe(false);
    expect(await t.call(fileChannels.showFolder, { path: '/profile/backups' })).toBe(true);
    expect(t.opened).toEqual(['/profile/backups']);
  });

  it('opens the profile folder it knows, whatever the page sends, and says when the file manager refused', async () => {
    const t = setup();
    expect(await t.call(fileChannels.showDataFolder, { path: '/etc' })).toBe(true);
    expect(t.opened).toEqual(['/profile']);
    const failing = setup({ openPathProblem: 'No application knows how to open it' });
    expect(await failing.call(fileChannels.showDataFolder, undefined)).toBe(false);
    expect(failing.logger.lines).toEqual(['could not show the data folder: No application knows how to open it']);
  });

  it('refuses every file channel to a page that is not ours', async () => {
    const t = setup();
    for (const channel of Object.values(fileChannels)) {
      expect(await t.call(channel, { jobId, fileName: 'x.json' }, stranger as typeof trusted)).toMatchObject({
        ok: false,
      });
    }
    expect(t.written).toEqual([]);
    expect(t.opened).toEqual([]);
    expect(t.added).toEqual([]);
  });

  it('hands an attachment’s bytes to the core and answers with its Result', async () => {
    const t = setup();
    const answer = await t.call(fileChannels.addAttachment, { name: 'notes.txt', bytes: new Uint8Array([104, 105]) });
    expect(answer).toMatchObject({ ok: true, value: { name: 'notes.txt', sizeBytes: 2 } });
    expect(t.added).toEqual([{ name: 'notes.txt', size: 2 }]);
    // Anything but bytes is refused before the core sees it.
    expect(await t.call(fileChannels.addAttachment, { name: 'x', bytes: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      await t.call(fileChannels.addAttachment, { name: 'x', bytes: new Uint8Array(1) }, stranger as typeof trusted),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(t.added).toHaveLength(1);
  });
});
