// Contract: the desktop app's file channels, outside the router's table because Electron main answers them itself
// (dialogs, the file manager). Their inputs are parsed in main like every other channel's.

import { z } from 'zod';
import { maxAttachmentNameLength } from './attachments';

export const fileChannels = {
  saveExport: 'files:save-export',
  chooseImport: 'files:choose-import',
  sendImport: 'files:send-import',
  showFolder: 'files:show-folder',
  /** The profile folder (About › Show data folder); no input: main knows the folder, the page names nothing. */
  showDataFolder: 'files:show-data-folder',
  addAttachment: 'files:add-attachment',
} as const;

const jobId = z.string().regex(/^[0-9a-f]{32}$/);

export const saveExportSchema = z.object({ jobId, fileName: z.string().min(1).max(300) }).strict();
export const sendImportSchema = z.object({ jobId, handle: z.string().regex(/^[0-9a-f]{32}$/) }).strict();
export const showFolderSchema = z.object({ path: z.string().min(1).max(4096) }).strict();
/** A file for a message, as bytes (the page read them from the file the person chose); the core checks the rest. */
export const addAttachmentSchema = z
  .object({
    name: z.string().max(maxAttachmentNameLength * 4),
    // Any size: the core refuses one too large for its kind with the limit in its message.
    bytes: z.instanceof(Uint8Array),
  })
  .strict();
