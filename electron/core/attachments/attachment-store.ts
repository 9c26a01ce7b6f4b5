// Core (Node): attachments on disk. Each file is kept once, under the SHA-256 of its bytes, in the profile folder's
// attachments/ (two-letter fan-out), beside its derived copies (an image's sent copy and thumbnail); the database
// (AttachmentRepo) says what each is and which messages carry it. Writes go to a temporary name first and are renamed
// into place, so a crash never leaves a half file under a real id.

import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Attachment,
  type AttachmentVariant,
  maxAttachmentBytes,
  maxAttachmentNameLength,
} from '../../../shared/attachments';
import { type Result, fail, resultOfAsync } from '../../../shared/result';
import type { AttachmentRepo, StoredAttachment } from '../db/attachment-repo';
import { toAttachment } from '../db/attachment-repo';
import type { AttachmentFiles, StoredBytes } from './attachment-files';
import { attachmentErrors } from './attachment-errors';
import { inspectAttachment } from './inspect';
import { toStorageError } from '../db/storage-error';

export const attachmentsFolderName = 'attachments';

/** A name safe to show and to write into an export: no folders, no control characters, not too long. */
export function cleanAttachmentName(name: string, fallback: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const base = [...last]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  if (!base) return fallback;
  if (base.length <= maxAttachmentNameLength) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 16 ? base.slice(dot) : '';
  return base.slice(0, maxAttachmentNameLength - extension.length) + extension;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface AttachmentStoreOptions {
  /** The profile folder's attachments/ folder. */
  folder: string;
  /** The repository, once the history database is sound; null while it is not (adds then fail, reads find nothing). */
  repo: () => Promise<AttachmentRepo | null>;
  /**
   * The ids the history's backups still hold: their files stay, so a backup restored later finds them (a backup is
   * the database file; the files are shared with the store, never copied). None by default.
   */
  heldByBackups?: () => ReadonlySet<string>;
  now?: () => number;
}

export class AttachmentStore implements AttachmentFiles {
  private readonly now: () => number;

  constructor(private readonly options: AttachmentStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Where a variant of an attachment lives: `<folder>/<ab>/<id>[.sent|.thumb]`. */
  pathOf(id: string, variant: AttachmentVariant): string {
    const suffix = variant === 'original' ? '' : `.${variant}`;
    return join(this.options.folder, id.slice(0, 2), `${id}${suffix}`);
  }

  async add(name: string, bytes: Uint8Array): Promise<Result<Attachment>> {
    const shown = cleanAttachmentName(name, 'file');
    if (bytes.byteLength > maxAttachmentBytes)
      return { ok: false, error: attachmentErrors.tooLarge(shown, 'a file', maxAttachmentBytes) };
    const repo = await this.options.repo();
    if (!repo) return fail('storage_error', 'The history database is not available, so files cannot be kept.');
    return resultOfAsync(async () => {
      const id = sha256Hex(bytes);
      const known = repo.get(id);
      if (known && existsSync(this.pathOf(id, 'original'))) return toAttachment({ ...known, name: shown });
      const inspected = await inspectAttachment(shown, bytes);
      const { sent, thumb, ...facts } = inspected;
      const stored: StoredAttachment = {
        id,
        name: shown,
        sizeBytes: bytes.byteLength,
        ...facts,
        sentMime: sent?.mime ?? null,
        createdAt: this.now(),
      };
      try {
        // The derived copies first, the original last: a file is only known (findable by id) once its copies exist.
        await Promise.all([
          sent ? this.write(id, 'sent', sent.bytes) : undefined,
          thumb ? this.write(id, 'thumb', thumb.bytes) : undefined,
        ]);
        await this.write(id, 'original', bytes);
      } catch (error) {
        throw toStorageError(error);
      }
      repo.insert(stored);
      return toAttachment(stored);
    });
  }

  async read(id: string, variant: AttachmentVariant): Promise<StoredBytes | null> {
    const repo = await this.options.repo();
    const record = repo?.get(id);
    if (!record) return null;
    const mime = variant === 'original' ? record.mime : variant === 'thumb' ? 'image/webp' : record.sentMime;
    if (record.kind !== 'image' && variant !== 'original') return null;
    if (!mime) return null;
    try {
      return { mime, bytes: new Uint8Array(await readFile(this.pathOf(id, variant))), name: record.name };
    } catch {
      return null;
    }
  }

  /** The bytes a request sends (an image's sent copy, else the original); null when the file is gone from disk. */
  readForRequest(record: Attachment): Uint8Array | null {
    try {
      return new Uint8Array(readFileSync(this.pathOf(record.id, record.kind === 'image' ? 'sent' : 'original')));
    } catch {
      return null;
    }
  }

  /** The type of what readForRequest returns. */
  requestMime(record: StoredAttachment): string {
    return record.kind === 'image' ? (record.sentMime ?? record.mime) : record.mime;
  }

  /** Deletes every file no message carries any more (and old ones never sent); returns how many went. */
  /** `repo` when the caller holds it: the history's own start, before the core can hand it out, passes its own. */
  async collectGarbage(repo: AttachmentRepo | null = null): Promise<number> {
    repo ??= await this.options.repo();
    if (!repo) return 0;
    const ids = repo.collectGarbage(this.now(), this.options.heldByBackups?.() ?? new Set());
    for (const id of ids) {
      for (const variant of ['original', 'sent', 'thumb'] as const)
        await rm(this.pathOf(id, variant), { force: true }).catch(() => undefined);
    }
    return ids.length;
  }

  private async write(id: string, variant: AttachmentVariant, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(id, variant);
    await mkdir(join(this.options.folder, id.slice(0, 2)), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  }
}
