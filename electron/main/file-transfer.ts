// Electron main: files in and out of the desktop app — a save dialog for an export, an open dialog for an import,
// the file manager for the backups and profile folders, a message's attachments as bytes the page read (the core checks them). Main chooses every path itself: the page only ever holds a random handle
// for a file main picked, so it cannot make main read or write a path of its own choosing.
// Electron's objects come in as parameters, so this file is unit-tested in Node with plain stand-ins.

import { randomBytes } from 'node:crypto';
import type { ReadStream, WriteStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  addAttachmentSchema,
  fileChannels,
  saveExportSchema,
  sendImportSchema,
  showFolderSchema,
} from '../../shared/file-channels';
import type { Attachment } from '../../shared/attachments';
import type { AttachmentFiles } from '../core/attachments/attachment-files';
import type { ChosenFile, ImportSummary, TransferOutcome } from '../../shared/portability';
import { type Result, fail } from '../../shared/result';
import type { Logger } from '../core/logger';
import type { SenderCheck, SenderFrame } from './sender-check';

export interface FileIpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: SenderFrame | null }, input: unknown) => unknown): void;
}

/** The parts of Electron's `dialog` and `shell` used here. */
export interface FileDialogs {
  showSaveDialog(options: { defaultPath: string }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: {
    properties: ['openFile'];
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  openPath(path: string): Promise<string>;
}

export interface FileSystemLike {
  createReadStream(path: string): ReadStream | AsyncIterable<Uint8Array>;
  createWriteStream(path: string): WriteStream | NodeJS.WritableStream;
  size(path: string): Promise<number>;
  remove(path: string): Promise<void>;
}

export interface DesktopFileJobs {
  openExport(jobId: string): Promise<{ fileName: string; bytes: AsyncIterable<Uint8Array> } | null>;
  runImport(jobId: string, bytes: AsyncIterable<Uint8Array>): Promise<Result<ImportSummary>>;
  cancel(jobId: string): unknown;
}

export interface FileTransferDeps {
  ipcMain: FileIpcMainLike;
  dialogs: FileDialogs;
  fs: FileSystemLike;
  jobs: DesktopFileJobs;
  /** Where a message's files are checked and stored (the page hands over their bytes). */
  attachments: Pick<AttachmentFiles, 'add'>;
  /** The folder the page may ask to show by name (Settings › History). */
  backupFolder(): string;
  /** The profile folder, shown on the page's request without the page naming it (About). */
  dataFolder(): string;
  isTrustedSender: SenderCheck;
  logger: Logger;
}

const refused = { ok: false as const, message: 'This window may not use Switchboard.' };

export const importFilters = [
  { name: 'Chat history (JSON, ChatGPT zip, Markdown)', extensions: ['json', 'zip', 'md', 'markdown', 'txt'] },
];

export function registerFileTransfer(deps: FileTransferDeps): void {
  const chosen = new Map<string, string>();
  const handle = (channel: string, run: (input: unknown) => Promise<unknown>) =>
    deps.ipcMain.handle(channel, (event, input) => (deps.isTrustedSender(event.senderFrame) ? run(input) : refused));

  handle(fileChannels.saveExport, async (input) => {
    const parsed = saveExportSchema.safeParse(input);
    if (!parsed.success) return { ok: false, message: 'Invalid export request.' };
    const { jobId, fileName } = parsed.data;
    const target = await deps.dialogs.showSaveDialog({ defaultPath: fileName });
    if (target.canceled || !target.filePath) {
      deps.jobs.cancel(jobId);
      return { ok: true, saved: false };
    }
    const opened = await deps.jobs.openExport(jobId);
    if (!opened) return { ok: false, message: 'This export is over; export again.' };
    try {
      await pipeline(Readable.from(opened.bytes), deps.fs.createWriteStream(target.filePath));
      return { ok: true, saved: true };
    } catch (error) {
      await deps.fs.remove(target.filePath).catch(() => undefined);
      deps.logger.warn(`export to a file failed: ${(error as Error).message}`);
      return { ok: false, message: `The export could not be written: ${(error as Error).message}` };
    }
  });

  handle(fileChannels.chooseImport, async (): Promise<ChosenFile | null> => {
    const picked = await deps.dialogs.showOpenDialog({ properties: ['openFile'], filters: importFilters });
    const path = picked.filePaths[0];
    if (picked.canceled || !path) return null;
    const id = randomBytes(16).toString('hex');
    chosen.set(id, path);
    return { name: basename(path), size: await deps.fs.size(path), handle: id };
  });

  handle(fileChannels.sendImport, async (input): Promise<TransferOutcome> => {
    const parsed = sendImportSchema.safeParse(input);
    const path = parsed.success ? chosen.get(parsed.data.handle) : undefined;
    if (!parsed.success || path === undefined) return { ok: false, message: 'Choose the file again.' };
    chosen.delete(parsed.data.handle);
    // The job records the outcome; the page reads it from there, as on the web host.
    await deps.jobs.runImport(parsed.data.jobId, deps.fs.createReadStream(path) as AsyncIterable<Uint8Array>);
    return { ok: true };
  });

  // Attachments answer a Result like the router's channels, the refusal included.
  deps.ipcMain.handle(fileChannels.addAttachment, async (event, input): Promise<Result<Attachment>> => {
    if (!deps.isTrustedSender(event.senderFrame)) return fail('forbidden', refused.message);
    const parsed = addAttachmentSchema.safeParse(input);
    if (!parsed.success) return fail('invalid_input', 'That file could not be handed over.');
    return deps.attachments.add(parsed.data.name, parsed.data.bytes);
  });

  handle(fileChannels.showFolder, async (input) => {
    const parsed = showFolderSchema.safeParse(input);
    if (!parsed.success || parsed.data.path !== deps.backupFolder()) return false;
    const problem = await deps.dialogs.openPath(parsed.data.path);
    return problem === '';
  });

  handle(fileChannels.showDataFolder, async () => {
    const problem = await deps.dialogs.openPath(deps.dataFolder());
    if (problem !== '') deps.logger.warn(`could not show the data folder: ${problem}`);
    return problem === '';
  });
}
