// Renderer (web host only): attachments up and down over plain HTTP on the loopback host, never through the socket
// (its frames are capped at 4 MB). An upload is the file's bytes as a POST body with the page's token in a header;
// the host answers with the core's Result. Images are read back by same-origin GET addresses built from the id.

import {
  type Attachment,
  type AttachmentTransport,
  attachmentPath,
  attachmentPathPrefix,
  attachmentTokenHeader,
} from '../../../shared/attachments';
import { type Result, fail } from '../../../shared/result';

export interface WebAttachmentTransferDeps {
  fetch: typeof globalThis.fetch;
  /** The page's token (from its address); null when it has none, and uploads are then refused by the host. */
  token: string | null;
}

const isResult = (value: unknown): value is Result<Attachment> =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

export function createWebAttachmentTransfer(deps: WebAttachmentTransferDeps): AttachmentTransport {
  return {
    async add(file) {
      let response: Response;
      try {
        response = await deps.fetch(`${attachmentPathPrefix}?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          // A Uint8Array read from a File is backed by a plain ArrayBuffer, which is what fetch takes.
          body: file.bytes as Uint8Array<ArrayBuffer>,
          headers: { 'Content-Type': 'application/octet-stream', [attachmentTokenHeader]: deps.token ?? '' },
        });
      } catch {
        return fail('offline', 'The Switchboard host could not be reached to attach the file.');
      }
      const body: unknown = await response.json().catch(() => null);
      if (isResult(body)) return body;
      return fail('internal', `The Switchboard host answered the upload with HTTP ${response.status}.`);
    },
    url: (id, variant) => attachmentPath(attachmentPathPrefix, id, variant),
  };
}
