// Renderer: the one answer to "may this message be sent now?", shared by the Send button, Enter and the store's send,
// so the button can never offer what the send would refuse.

import { maxMessageLength } from '../../../../shared/schemas';
import { selectModelEntry } from '../../store/models-slice';
import { selectCurrentModel } from '../../store/selectors';
import type { AppState } from '../../store/types';
import { type AttachmentRefusal, attachmentRefusal } from './capability';
import { trayAttachments, trayUploading } from './attachments-slice';

export type SendBlocker =
  { kind: 'empty' } | { kind: 'too-long' } | { kind: 'uploading' } | ({ kind: 'model' } & AttachmentRefusal);

export function selectAttachmentRefusal(state: AppState): AttachmentRefusal | null {
  const attachments = trayAttachments(state.tray);
  if (attachments.length === 0) return null;
  return attachmentRefusal(selectModelEntry(state, selectCurrentModel(state)), attachments);
}

/** Null when Send may go ahead. A refused file does not block: it stays in the tray, saying why, and is not sent. */
export function selectSendBlocker(state: AppState): SendBlocker | null {
  const { draft, tray } = state;
  if (draft.length > maxMessageLength) return { kind: 'too-long' };
  if (trayUploading(tray)) return { kind: 'uploading' };
  if (draft.trim() === '' && trayAttachments(tray).length === 0) return { kind: 'empty' };
  const refusal = selectAttachmentRefusal(state);
  return refusal ? { kind: 'model', ...refusal } : null;
}
