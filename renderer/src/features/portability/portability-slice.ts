// Renderer store slice: export, import and backups. One transfer at a time is shown (an export or an import), with
// its progress read from the core every quarter second until it ends; the file itself travels however the
// transport carries files (a download or upload on the web host, dialogs on the desktop).

import type { BackupOverview, ImportSummary, PortabilityJob } from '../../../../shared/portability';
import type { AppError } from '../../../../shared/result';
import type { SliceCreator } from '../../store/types';

export interface Transfer {
  kind: 'export' | 'import';
  fileName: string;
  jobId: string;
  state: PortabilityJob['state'];
  done: number;
  total: number | null;
  summary: ImportSummary | null;
  error: string | null;
}

export type ExportScope = 'everything' | { conversationId: string } | { compareId: string };

export interface PortabilitySlice {
  transfer: Transfer | null;
  transferError: AppError | null;
  backups: BackupOverview | null;
  backupsBusy: boolean;
  backupError: AppError | null;
  /** The path shown after "Show in folder" where the transport cannot open a folder. */
  backupFolderShown: string | null;
  /** Exports everything, one conversation, or one compare (its columns' conversations). */
  exportHistory(format: 'json' | 'markdown', what: ExportScope): Promise<void>;
  importHistory(): Promise<void>;
  cancelTransfer(): Promise<void>;
  dismissTransfer(): void;
  loadBackups(): Promise<void>;
  backUpNow(): Promise<void>;
  showBackupFolder(): Promise<void>;
  /** True once the history has been replaced by the backup. */
  restoreBackup(path: string): Promise<boolean>;
}

export const pollIntervalMs = 250;
const finished = (state: PortabilityJob['state']) => state === 'done' || state === 'failed' || state === 'cancelled';

export const createPortabilitySlice: SliceCreator<PortabilitySlice> = (set, get, deps) => {
  const wait = (ms: number) =>
    new Promise<void>((resolve) => (deps.setTimer ? deps.setTimer(resolve, ms) : setTimeout(resolve, ms)));

  const update = (jobId: string, job: PortabilityJob) => {
    const current = get().transfer;
    if (current?.jobId !== jobId) return;
    set({ transfer: { ...current, ...job, kind: current.kind, fileName: current.fileName } });
  };

  /** Reads the job until it ends (or another transfer replaces it); `until` settling means "look again now". */
  const follow = async (jobId: string, until?: Promise<unknown>) => {
    let arrived = until === undefined;
    const nudge = until?.then(
      () => (arrived = true),
      () => (arrived = true),
    );
    for (;;) {
      const result = await deps.api.portability.job(jobId);
      if (get().transfer?.jobId !== jobId) return;
      if (!result.ok) {
        set({ transferError: result.error });
        return;
      }
      update(jobId, result.value);
      if (finished(result.value.state)) return;
      await (arrived || !nudge ? wait(pollIntervalMs) : Promise.race([wait(pollIntervalMs), nudge]));
    }
  };

  const busy = () => {
    const transfer = get().transfer;
    return transfer !== null && !finished(transfer.state);
  };

  return {
    transfer: null,
    transferError: null,
    backups: null,
    backupsBusy: false,
    backupError: null,
    backupFolderShown: null,

    async exportHistory(format, what) {
      if (busy()) return;
      set({ transferError: null });
      const ticket = await deps.api.portability.startExport(
        what === 'everything' ? { format, conversationId: null } : { format, ...what },
      );
      if (!ticket.ok) {
        set({ transferError: ticket.error });
        return;
      }
      const { jobId, fileName } = ticket.value;
      set({
        transfer: {
          kind: 'export',
          fileName,
          jobId,
          state: 'waiting',
          done: 0,
          total: null,
          summary: null,
          error: null,
        },
      });
      const saved = await deps.api.files.saveExport(ticket.value);
      if (!saved.ok) {
        set({ transferError: { code: 'storage_error', message: saved.message } });
        await deps.api.portability.cancel(jobId);
      }
      await follow(jobId);
    },

    async importHistory() {
      if (busy()) return;
      set({ transferError: null });
      const file = await deps.api.files.chooseImportFile();
      if (!file) return;
      const job = await deps.api.portability.startImport({ fileName: file.name, size: file.size });
      if (!job.ok) {
        set({ transferError: job.error });
        return;
      }
      const { jobId } = job.value;
      set({
        transfer: {
          kind: 'import',
          fileName: file.name,
          jobId,
          state: 'waiting',
          done: 0,
          total: file.size,
          summary: null,
          error: null,
        },
      });
      const sent = deps.api.files.sendImport(jobId, file);
      await follow(jobId, sent);
      const outcome = await sent;
      if (!outcome.ok) set({ transferError: { code: 'invalid_input', message: outcome.message } });
      if (get().transfer?.state === 'done') await get().loadConversations();
    },

    async cancelTransfer() {
      const transfer = get().transfer;
      if (!transfer || finished(transfer.state)) return;
      const result = await deps.api.portability.cancel(transfer.jobId);
      if (result.ok) update(transfer.jobId, result.value);
    },

    dismissTransfer() {
      if (!busy()) set({ transfer: null, transferError: null });
    },

    async loadBackups() {
      const result = await deps.api.backups.list();
      if (result.ok) set({ backups: result.value, backupError: null });
      else set({ backupError: result.error });
    },

    async backUpNow() {
      if (get().backupsBusy) return;
      set({ backupsBusy: true, backupError: null });
      const result = await deps.api.backups.create();
      set({ backupsBusy: false, backupError: result.ok ? null : result.error });
      await get().loadBackups();
    },

    async showBackupFolder() {
      const folder = get().backups?.folder;
      if (!folder) return;
      const opened = get().backups?.canOpenFolder ? await deps.api.files.showFolder(folder) : false;
      set({ backupFolderShown: opened ? null : folder });
    },

    async restoreBackup(path) {
      if (get().backupsBusy) return false;
      set({ backupsBusy: true, backupError: null });
      const result = await deps.api.backups.restore(path);
      set({ backupsBusy: false, backupError: result.ok ? null : result.error });
      return result.ok;
    },
  };
};
