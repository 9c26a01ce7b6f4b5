// Contract: the desktop app's file channels, outside the router's table because Electron main answers them itself
// (dialogs, the file manager). Their inputs are parsed in main like every other channel's.

import { z } from 'zod';

export const fileChannels = {
  saveExport: 'files:save-export',
  chooseImport: 'files:choose-import',
  sendImport: 'files:send-import',
  showFolder: 'files:show-folder',
} as const;

const jobId = z.string().regex(/^[0-9a-f]{32}$/);

export const saveExportSchema = z.object({ jobId, fileName: z.string().min(1).max(300) }).strict();
export const sendImportSchema = z.object({ jobId, handle: z.string().regex(/^[0-9a-f]{32}$/) }).strict();
export const showFolderSchema = z.object({ path: z.string().min(1).max(4096) }).strict();
