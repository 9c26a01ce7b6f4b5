// Core (Node): attachments on disk. Each file is kept once, under the SHA-256 of its bytes, in the profile folder's
// attachments/ (two-letter fan-out), beside its derived copies (an image's sent copy and thumbnail); the database
// (AttachmentRepo) says what each is and which messages carry it. Writes go to a temporary name first and are renamed
// into place, so a crash never leaves a half file under a real id.
//
// Adding a file returns once it is checked by content (an image by its header), hashed and stored: decoding a large
// photo in full takes longer than attaching should. An image's copies are made straight after, in the background,
// once per id however many ask (`prepare`); whatever needs them waits for them — the thumbnail's read, and a send,
// which is refused with the file's name when the image fails to decode in full. Copies a quit cut short are made
// again on the next need.

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
import { AppFailure, type Result, fail, resultOfAsync } from '../../../shared/result';
import type { AttachmentRepo, StoredAttachment } from '../db/attachment-repo';
import { toAttachment } from '../db/attachment-repo';
import type { AttachmentFiles, StoredBytes } from './attachment-files';
import { attachmentErrors } from './attachment-errors';
import { inspectAttachment } from './inspect';
import { type ImageCopies, deriveImageCopies, thumbMime } from './image-copies';
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
  /** Makes an image's copies; deriveImageCopies unless a test needs to hold or count it. */
  deriveCopies?: (name: string, bytes: Uint8Array, mime: string) => Promise<ImageCopies>;
}

export class AttachmentStore implements AttachmentFiles {
  private readonly now: () => number;
  private readonly deriveCopies: NonNullable<AttachmentStoreOptions['deriveCopies']>;
  /** An image's copies being made, or the failure of making them (kept: the same bytes fail the same way). */
  private readonly copies = new Map<string, Promise<Result<void>>>();

  constructor(private readonly options: AttachmentStoreOptions) {
    this.now = options.now ?? Date.now;
    this.deriveCopies = options.deriveCopies ?? deriveImageCopies;
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
      if (known && existsSync(this.pathOf(id, 'original'))) {
        void this.prepare(known);
        return toAttachment({ ...known, name: shown });
      }
      const { sentMime, ...facts } = await inspectAttachment(shown, bytes);
      const stored: StoredAttachment = {
        id,
        name: shown,
        sizeBytes: bytes.byteLength,
        ...facts,
        sentMime: sentMime ?? null,
        createdAt: this.now(),
      };
      try {
        await this.write(id, 'original', bytes);
      } catch (error) {
        throw toStorageError(error);
      }
      repo.insert(stored);
      // The copies are started now, from the bytes in hand, and not waited for.
      void this.prepare(stored, bytes);
      return toAttachment(stored);
    });
  }

  /**
   * Makes sure an image's sent copy and thumbnail exist (made once per id however many ask at once); fails with
   * attachment_corrupt when the image does not decode in full, or attachment_missing when its original is gone.
   * Other kinds have no copies: always ready.
   */
  prepare(record: Pick<Attachment, 'id' | 'kind' | 'mime' | 'name'>, bytes?: Uint8Array): Promise<Result<void>> {
    if (record.kind !== 'image') return Promise.resolve({ ok: true, value: undefined });
    const running = this.copies.get(record.id);
    if (running) return running;
    if (existsSync(this.pathOf(record.id, 'sent')) && existsSync(this.pathOf(record.id, 'thumb')))
      return Promise.resolve({ ok: true, value: undefined });
    const made = resultOfAsync(async () => {
      let original = bytes;
      if (!original) {
        try {
          original = new Uint8Array(await readFile(this.pathOf(record.id, 'original')));
        } catch {
          throw new AppFailure(attachmentErrors.missing());
        }
      }
      const copies = await this.deriveCopies(record.name, original, record.mime).catch((error: unknown) => {
        throw error instanceof AppFailure ? error : new AppFailure(attachmentErrors.corrupt(record.name, 'an image'));
      });
      try {
        await Promise.all([
          this.write(record.id, 'sent', copies.sent.bytes),
          this.write(record.id, 'thumb', copies.thumb.bytes),
        ]);
      } catch (error) {
        throw toStorageError(error);
      }
    }).then((result) => {
      // Made: the files say so from now on. An image that does not decode stays refused (the same bytes fail the
      // same way), so asking again answers at once; anything else (a full disk, say) is tried again when asked.
      if (result.ok || result.error.code !== 'attachment_corrupt') this.copies.delete(record.id);
      return result;
    });
    this.copies.set(record.id, made);
    return made;
  }

  /**
   * Whether a stored file can go with a message: an image's copies made (waiting for them if under way), else at
   * once. Fails with attachment_corrupt for an image that only fails at full decode (its header was sound when it was
   * attached), attachment_missing when it is no longer kept.
   */
  async ready(id: string): Promise<Result<{ ready: true }>> {
    const repo = await this.options.repo();
    const record = repo?.get(id);
    if (!record) return { ok: false, error: attachmentErrors.missing() };
    const made = await this.prepare(record);
    return made.ok ? { ok: true, value: { ready: true } } : made;
  }

  async read(id: string, variant: AttachmentVariant): Promise<StoredBytes | null> {
    const repo = await this.options.repo();
    const record = repo?.get(id);
    if (!record) return null;
    const mime = variant === 'original' ? record.mime : variant === 'thumb' ? thumbMime : record.sentMime;
    if (record.kind !== 'image' && variant !== 'original') return null;
    if (!mime) return null;
    // A copy asked for before it is made is answered once it is (the tray shows a placeholder meanwhile).
    if (variant !== 'original' && !(await this.prepare(record)).ok) return null;
    try {
      return { mime, bytes: new Uint8Array(await readFile(this.pathOf(id, variant))), name: record.name };
    } catch {
      return null;
    }
  }

  /**
   * The bytes a request sends (an image's sent copy, else the original); null when the file is gone from disk.
   * An image's copy must have been made first (prepare).
   */
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
