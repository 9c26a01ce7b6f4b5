// Core (Node): what a turn needs of the attachment store (ChatFiles), from the store and the history's repository —
// one wiring for the app and for the tests that send files through a real store.

import { AppFailure } from '../../../shared/result';
import type { ChatFiles } from '../chat-service';
import { type AttachmentRepo, toAttachment } from '../db/attachment-repo';
import type { AttachmentStore } from './attachment-store';

export function chatFiles(store: AttachmentStore, repo: AttachmentRepo): ChatFiles {
  return {
    find: (id) => {
      const found = repo.get(id);
      return found ? toAttachment(found) : null;
    },
    prepare: async (files) => {
      const made = await Promise.all(files.map((file) => store.prepare(file)));
      // The first file in order that cannot be sent names the refusal.
      const failed = made.find((result) => !result.ok);
      if (failed && !failed.ok) throw new AppFailure(failed.error);
    },
    addGenerated: async (name, bytes) => {
      const stored = await store.add(name, bytes);
      return stored.ok ? stored.value : null;
    },
    forRequest: (attachment) => {
      const record = repo.get(attachment.id);
      const bytes = record ? store.readForRequest(record) : null;
      return record && bytes ? { bytes, mime: store.requestMime(record) } : null;
    },
  };
}
