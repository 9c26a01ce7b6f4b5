// Contract: export, import and backups — the records and inputs of their channels.

import { z } from 'zod';

const id = z.string().min(1).max(100);
/** Job ids are random capabilities (they also name the web host's download and upload addresses). */
export const jobIdSchema = z.object({ jobId: z.string().regex(/^[0-9a-f]{32}$/) }).strict();

export const exportStartSchema = z
  .object({
    format: z.enum(['json', 'markdown']),
    /** One conversation; omitted or null = all of them (or the compare's, when one is named). */
    conversationId: id.nullable().optional(),
    /** One compare: the conversations of its columns. */
    compareId: id.nullable().optional(),
  })
  .strict()
  .refine((input) => !(input.conversationId && input.compareId), 'Export one conversation or one compare, not both.');

export const importStartSchema = z
  .object({ fileName: z.string().min(1).max(500), size: z.number().int().nonnegative().nullable() })
  .strict();

export const backupRestoreSchema = z.object({ path: z.string().min(1).max(4096) }).strict();

export type ExportStartInput = z.input<typeof exportStartSchema>;
export type ImportStartInput = z.input<typeof importStartSchema>;

export interface ImportSummary {
  /** Conversations added. */
  added: number;
  /** Conversations already here (imported before), left as they were. */
  skipped: number;
  messages: number;
}

export interface PortabilityJob {
  jobId: string;
  kind: 'export' | 'import';
  /** `waiting`: an export no one has started reading yet, or an import whose file has not started to arrive. */
  state: 'waiting' | 'running' | 'done' | 'failed' | 'cancelled';
  /** Progress: conversations for an export, bytes for an import. */
  done: number;
  total: number | null;
  /** What an import added, once done. */
  summary: ImportSummary | null;
  /** Why it failed, worded for the person. */
  error: string | null;
}

export interface ExportTicket {
  jobId: string;
  fileName: string;
}

export interface BackupEntry {
  path: string;
  fileName: string;
  takenAt: number;
  bytes: number;
  /** `daily` and `manual` rotate (the newest 7 are kept); `upgrade` copies are taken before a schema upgrade. */
  kind: 'daily' | 'manual' | 'upgrade' | 'before-restore';
}

export interface BackupOverview {
  folder: string;
  backups: BackupEntry[];
  /** Whether this transport can open the folder in the file manager (the desktop app); the web host shows the path. */
  canOpenFolder: boolean;
}

/** A file the person chose to import. `handle` is the transport's own: a DOM File (web host) or a token for a path
 * main chose in its dialog (desktop), so the renderer never names a path on disk for main to read. */
export interface ChosenFile {
  name: string;
  size: number;
  handle: unknown;
}

export type TransferOutcome = { ok: true } | { ok: false; message: string };

/** What the renderer's transport does with files, besides calls: hand an export to the person, send a file in. */
export interface FileTransfer {
  /** A browser download (web host) or a save dialog (desktop). Resolves with false when the person cancelled. */
  saveExport(ticket: ExportTicket): Promise<{ ok: true; saved: boolean } | { ok: false; message: string }>;
  /** A file picker (web host) or an open dialog (desktop); null when the person cancelled. */
  chooseImportFile(): Promise<ChosenFile | null>;
  /** Streams the chosen file into an import job; resolves once the core has finished with it. */
  sendImport(jobId: string, file: ChosenFile): Promise<TransferOutcome>;
  /** Opens the backups folder in the file manager; false where the transport cannot (the web host shows the path). */
  showFolder(path: string): Promise<boolean>;
  /** Opens the profile folder in the file manager; false where the transport cannot (the web host: About shows it). */
  showDataFolder(): Promise<boolean>;
}
