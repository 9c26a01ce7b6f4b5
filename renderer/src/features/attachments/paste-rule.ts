// Renderer: what a paste into the composer becomes. Files on the clipboard (a screenshot, an image copied from a
// page, files copied in a file manager) are attached; a long text becomes a text attachment, so a pasted log or
// source file does not bury the message (the tray offers to keep it as plain text instead); anything else pastes as
// usual.

import { attachmentLimits } from '../../../../shared/attachments';

export type PasteDecision = { kind: 'files'; files: File[] } | { kind: 'long-text'; text: string } | { kind: 'plain' };

/** What the clipboard carries, as a ClipboardEvent's clipboardData has it. */
export interface PastedData {
  files: readonly File[];
  text: string;
}

export function decidePaste(data: PastedData, threshold: number = attachmentLimits.longPasteChars): PasteDecision {
  // An image copied from a page comes with its HTML (and sometimes the address) as text: the image is what was meant.
  if (data.files.length > 0) return { kind: 'files', files: [...data.files] };
  if (data.text.length > threshold) return { kind: 'long-text', text: data.text };
  return { kind: 'plain' };
}

/** The pasted files and text of a clipboard event (happy-dom and older engines may lack `files`). */
export function pastedData(clipboard: DataTransfer | null): PastedData {
  if (!clipboard) return { files: [], text: '' };
  const files = clipboard.files?.length
    ? [...clipboard.files]
    : [...(clipboard.items ?? [])].flatMap((item) => {
        const file = item.kind === 'file' ? item.getAsFile() : null;
        return file ? [file] : [];
      });
  return { files, text: clipboard.getData('text/plain') };
}
