// Renderer (web host only): files in and out of the loopback host over plain HTTP, never through the socket. An
// export is a browser download the browser writes to disk as it arrives; an import is the chosen file streamed up
// as a request body (the browser reads it from disk; the page never holds it).

import type { ChosenFile, ExportTicket, FileTransfer } from '../../../shared/portability';
import { exportPathPrefix, importPathPrefix } from '../../../shared/web-protocol';

/** What the Import button accepts; anything else is still read and gets a clear error. */
export const importAccept = '.json,.zip,.md,.markdown,.txt,application/json,application/zip,text/markdown,text/plain';

export interface WebFileTransferDeps {
  document: Document;
  fetch: typeof globalThis.fetch;
}

export function createWebFileTransfer(deps: WebFileTransferDeps): FileTransfer {
  return {
    async saveExport(ticket: ExportTicket) {
      const link = deps.document.createElement('a');
      link.href = `${exportPathPrefix}${ticket.jobId}`;
      link.download = ticket.fileName;
      link.rel = 'noopener';
      link.style.display = 'none';
      deps.document.body.append(link);
      link.click();
      link.remove();
      return { ok: true, saved: true };
    },

    chooseImportFile() {
      return new Promise<ChosenFile | null>((resolve) => {
        const input = deps.document.createElement('input');
        input.type = 'file';
        input.accept = importAccept;
        input.style.display = 'none';
        const done = (file: File | null) => {
          input.remove();
          resolve(file ? { name: file.name, size: file.size, handle: file } : null);
        };
        input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
        input.addEventListener('cancel', () => done(null), { once: true });
        deps.document.body.append(input);
        input.click();
      });
    },

    async sendImport(jobId: string, file: ChosenFile) {
      if (!(file.handle instanceof Blob)) return { ok: false, message: 'That file can no longer be read.' };
      // The job, not this response, says how the import ended: the host answers early (and may close the
      // connection) on a file it refused before reading all of it, which a browser can report as a network error.
      await deps
        .fetch(`${importPathPrefix}${jobId}`, {
          method: 'POST',
          body: file.handle,
          headers: { 'Content-Type': 'application/octet-stream' },
        })
        .catch(() => undefined);
      return { ok: true };
    },

    async showFolder() {
      return false;
    },

    // A page in a browser cannot open a file manager; About shows the path to copy instead.
    async showDataFolder() {
      return false;
    },
  };
}
