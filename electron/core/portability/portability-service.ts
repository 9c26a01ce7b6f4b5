// Core: export and import as jobs a person can watch and cancel. An export waits until its bytes are asked for (a
// download, a save dialog's file) and is read at that consumer's pace; an import streams its file into staging and
// changes the history only at the end, in one transaction. One import runs at a time.

import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Attachment } from '../../../shared/attachments';
import type { ImportStartInput, ImportSummary, PortabilityJob, ExportTicket } from '../../../shared/portability';
import { AppFailure, type Result, appErrorOf, fail, ok } from '../../../shared/result';
import { type ExportRequest, exportContents, exportFileName, exportTarget, writeExport } from './export-writer';
import { HistorySnapshot } from './history-snapshot';
import { type ImportLimits, defaultImportLimits } from './import-limits';
import { readImport } from './import-reader';
import { ImportStaging, removeLeftoverStaging } from './import-staging';

/** What a job needs from the history, once it is known to be sound. */
export interface PortabilityHistory {
  db: Database;
  /** Saves replies a full disk kept in memory before the import writes. */
  beforeWrite(): void;
  /** Tells every window about the conversations an import added. */
  added(ids: string[]): void;
}

/** What export and import need of the attachment store: a file's bytes out, and a file from an import in. */
export interface PortabilityFiles {
  /** Whether a file's bytes are on disk. */
  has(id: string): boolean;
  /** A file's original bytes; null when gone. */
  read(id: string): Promise<Uint8Array | null>;
  /** Checks a file by its content and stores it (once per content), as a file the person attached is. */
  add(name: string, bytes: Uint8Array): Promise<Result<Attachment>>;
}

export interface PortabilityOptions {
  historyFile: string;
  appVersion: string;
  history(): Promise<Result<PortabilityHistory>>;
  /** The model of imported conversations whose file names none. */
  fallbackModel: string;
  limits?: ImportLimits;
  now?: () => number;
  /** The attachment store; without it exports leave files out and an import of a zip with files refuses them. */
  files?: PortabilityFiles;
}

interface Job extends PortabilityJob {
  controller: AbortController;
  export?: { request: ExportRequest; ids: string[]; fileName: string; withFiles: boolean };
  import?: { fileName: string; size: number | null };
  createdAt: number;
  finishedAt: number | null;
}

/** How long a finished job's outcome can still be asked for, and an export waits for its reader. */
const keepFinishedMs = 10 * 60_000;
const waitForReaderMs = 2 * 60_000;

const message = (error: unknown) => appErrorOf(error, { code: 'internal', message: 'The file could not be read.' });

export class PortabilityService {
  private readonly jobs = new Map<string, Job>();
  private readonly now: () => number;
  private readonly limits: ImportLimits;

  constructor(private readonly options: PortabilityOptions) {
    this.now = options.now ?? Date.now;
    this.limits = options.limits ?? defaultImportLimits;
    removeLeftoverStaging(options.historyFile);
  }

  async startExport(request: ExportRequest): Promise<Result<ExportTicket>> {
    const history = await this.options.history();
    if (!history.ok) return history;
    try {
      const snapshot = this.snapshot(history.value.db);
      const { ids, title } = exportContents(snapshot, request);
      const whole = exportTarget(request) === 'everything';
      const withFiles =
        request.format === 'json' && this.options.files !== undefined && snapshot.carriesFiles(whole ? null : ids);
      const job = this.create('export', ids.length);
      const fileName = exportFileName(request, title, new Date(this.now()), withFiles);
      job.export = { request, ids, fileName, withFiles };
      return ok({ jobId: job.jobId, fileName });
    } catch (error) {
      if (error instanceof AppFailure) return { ok: false, error: error.error };
      throw error;
    }
  }

  /**
   * The export's bytes, for the one consumer that delivers them; null for an unknown, expired or already-read job.
   * Stopping early (a download cancelled in the browser) counts as cancelling.
   */
  async openExport(jobId: string): Promise<{ fileName: string; bytes: AsyncIterable<Uint8Array> } | null> {
    this.prune();
    const job = this.jobs.get(jobId);
    if (!job?.export || job.state !== 'waiting') return null;
    const history = await this.options.history();
    if (!history.ok) {
      this.finish(job, 'failed', history.error.message);
      return null;
    }
    job.state = 'running';
    const snapshot = this.snapshot(history.value.db);
    const files = this.options.files;
    const bytes = writeExport(snapshot, job.export.request, job.export.ids, {
      signal: job.controller.signal,
      progress: (done) => (job.done = done),
      header: { exportedAt: new Date(this.now()).toISOString(), appVersion: this.options.appVersion },
      files: job.export.withFiles && files ? (id) => files.read(id) : undefined,
    });
    const finish = (state: Job['state'], error: string | null) => this.finish(job, state, error);
    const fileName = job.export.fileName;
    const delivered = (async function* () {
      let finished = false;
      try {
        yield* bytes;
        finished = true;
        finish('done', null);
      } catch (error) {
        finished = true;
        const cancelled = job.controller.signal.aborted;
        finish(cancelled ? 'cancelled' : 'failed', cancelled ? null : message(error).message);
        throw error;
      } finally {
        if (!finished) finish('cancelled', null);
      }
    })();
    return { fileName, bytes: delivered };
  }

  startImport(input: Required<ImportStartInput>): Result<{ jobId: string }> {
    this.prune();
    const busy = [...this.jobs.values()].some(
      (j) => j.kind === 'import' && (j.state === 'waiting' || j.state === 'running'),
    );
    if (busy) return fail('invalid_input', 'Another import is still running. Wait for it to finish, or cancel it.');
    const job = this.create('import', input.size);
    job.import = { fileName: input.fileName, size: input.size };
    return ok({ jobId: job.jobId });
  }

  /** Reads the file into the import job and, if all of it is sound, adds it to the history in one transaction. */
  async runImport(jobId: string, bytes: AsyncIterable<Uint8Array>): Promise<Result<ImportSummary>> {
    const job = this.jobs.get(jobId);
    if (!job?.import || job.state !== 'waiting') return fail('not_found', 'That import is over or was never started.');
    job.state = 'running';
    const history = await this.options.history();
    if (!history.ok) {
      this.finish(job, 'failed', history.error.message);
      return history;
    }
    let staging: ImportStaging | null = null;
    try {
      staging = new ImportStaging(this.options.historyFile, this.now);
      const conversations = readImport(
        { bytes, fileName: job.import.fileName, size: job.import.size },
        {
          limits: this.limits,
          signal: job.controller.signal,
          fallbackModel: this.options.fallbackModel,
          now: this.now,
          onBytes: (read) => (job.done = read),
          files: this.options.files,
        },
      );
      for await (const conversation of conversations) staging.add(conversation);
      if (job.controller.signal.aborted) throw new AppFailure({ code: 'aborted', message: 'Cancelled.' });
      history.value.beforeWrite();
      const { summary, ids } = staging.apply(history.value.db);
      job.summary = summary;
      history.value.added(ids);
      this.finish(job, 'done', null);
      return ok(summary);
    } catch (error) {
      const cancelled = job.controller.signal.aborted;
      const failure = cancelled
        ? { code: 'aborted' as const, message: 'Import cancelled. Nothing was imported.' }
        : message(error);
      this.finish(job, cancelled ? 'cancelled' : 'failed', cancelled ? null : failure.message);
      if (!(error instanceof AppFailure) && !cancelled) throw error;
      return { ok: false, error: failure };
    } finally {
      staging?.discard();
    }
  }

  job(jobId: string): Result<PortabilityJob> {
    this.prune();
    const job = this.jobs.get(jobId);
    if (!job) return fail('not_found', 'That export or import is over.');
    const { jobId: id, kind, state, done, total, summary, error } = job;
    return ok({ jobId: id, kind, state, done, total, summary, error });
  }

  cancel(jobId: string): Result<PortabilityJob> {
    const job = this.jobs.get(jobId);
    if (job && (job.state === 'waiting' || job.state === 'running')) {
      job.controller.abort();
      // Nothing is reading a waiting job, so nothing else would mark it.
      if (job.state === 'waiting') this.finish(job, 'cancelled', null);
    }
    return this.job(jobId);
  }

  /** At shutdown: running jobs stop; an import in progress leaves nothing behind. */
  cancelAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }

  /** Without a store, an export names no files (it could not hold them). */
  private snapshot(db: Database): HistorySnapshot {
    const files = this.options.files;
    return new HistorySnapshot(db, files ? (id) => files.has(id) : () => false);
  }

  private create(kind: Job['kind'], total: number | null): Job {
    const job: Job = {
      jobId: randomBytes(16).toString('hex'),
      kind,
      state: 'waiting',
      done: 0,
      total,
      summary: null,
      error: null,
      controller: new AbortController(),
      finishedAt: null,
      createdAt: this.now(),
    };
    this.jobs.set(job.jobId, job);
    return job;
  }

  private finish(job: Job, state: Job['state'], error: string | null): void {
    if (job.finishedAt !== null) return;
    job.state = state;
    job.error = error;
    job.finishedAt = this.now();
  }

  private prune(): void {
    const now = this.now();
    for (const [id, job] of this.jobs) {
      if (job.state === 'waiting' && job.kind === 'export' && now - job.createdAt > waitForReaderMs) {
        this.finish(job, 'cancelled', null);
      }
      if (job.finishedAt !== null && now - job.finishedAt > keepFinishedMs) this.jobs.delete(id);
    }
  }
}
