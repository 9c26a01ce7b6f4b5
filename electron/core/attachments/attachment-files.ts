// Core (Node): what both transports need of the attachment store — bytes in (checked and stored), bytes out (by id and
// variant). The transports never see a path: they hand over bytes and get a record, or ask for bytes by id.

import type { Attachment, AttachmentVariant } from '../../../shared/attachments';
import type { Result } from '../../../shared/result';

export interface StoredBytes {
  /** The content type to serve them with (from the stored record, never from the request). */
  mime: string;
  bytes: Uint8Array;
  /** The attachment's own file name, for a download. */
  name: string;
}

export interface AttachmentFiles {
  /** Checks the bytes by content and stores them (once per content); see AttachmentTransport.add for the failures. */
  add(name: string, bytes: Uint8Array): Promise<Result<Attachment>>;
  /** Whether a stored file can go with a message (an image's copies made); see AttachmentStore.ready. */
  ready(id: string): Promise<Result<{ ready: true }>>;
  /** The bytes of a stored attachment; null when there is no such attachment or variant. */
  read(id: string, variant: AttachmentVariant): Promise<StoredBytes | null>;
}
