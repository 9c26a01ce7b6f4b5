// Renderer store slice: the files waiting in the composer's tray, per conversation like the draft. Each file goes to
// the core as soon as it is added (the core sniffs, checks, stores and answers with an Attachment or a per-file
// error); the tray shows it uploading, ready, or refused with the core's reason, and a refusal never touches the
// draft or the other files. The ready files of each tray are kept with its draft in the core (`drafts:save-files`),
// so they come back after a restart as the text does (the draft slice's load hands them to `restoreTray`).

import type { AppError, Result } from '../../../../shared/result';
import type { SliceCreator } from '../../store/types';
import { formatFileSize } from './file-size';
import { type Attachment, type PdfEngine, attachmentLimits, maxAttachmentBytes } from '../../../../shared/attachments';

export interface TrayItem {
  /** The tray's own id: the same file added twice is two items until the core says they are one. */
  localId: string;
  name: string;
  sizeBytes: number;
  /** As the browser guessed it from the name; only for the icon while uploading (the core sniffs the content). */
  mime: string;
  status: 'uploading' | 'ready' | 'failed';
  attachment: Attachment | null;
  error: AppError | null;
  /** A long paste made into a file: it can go back into the message as plain text. */
  pastedText?: string;
}

export interface AttachmentsSlice {
  /** The open conversation's (or the new chat's) tray, in the order added. */
  tray: TrayItem[];
  /** How PDFs are read, when the person chose; null = the model's default (pdf-engine.ts). */
  pdfEngine: PdfEngine | null;
  choosePdfEngine(engine: PdfEngine | null): void;
  /** Hands each file to the core; several at once. */
  attachFiles(files: readonly File[]): void;
  /** A long paste becomes a text attachment instead of filling the composer. */
  attachPastedText(text: string): void;
  removeTrayItem(localId: string): void;
  /** The long paste goes back into the message where the caret is (appended when unknown). */
  keepPasteAsText(localId: string): void;
  /** The tray follows the draft: switching conversations shows that conversation's tray. */
  switchTray(conversationId: string | null): void;
  adoptNewChatTray(conversationId: string): void;
  /** What a send takes from the tray: the ready attachments; the tray is emptied (refused files included). */
  takeTray(): Attachment[];
  /**
   * A message that never reached the core gets its files back, unless the tray was filled again meanwhile; so does
   * a tray kept with its draft, after a restart (`kept`: the core has these already).
   */
  restoreTray(conversationId: string | null, attachments: readonly Attachment[], options?: { kept?: boolean }): void;
}

/** The name a long paste gets as a file. */
export const pastedTextName = 'Pasted text.txt';

let nextLocalId = 0;

/**
 * What the page can refuse before reading a file: one larger than any kind may be (so a huge file is neither read into
 * memory nor sent to the host), and one more than a message takes. Everything else is the core's to judge.
 */
function refusedBeforeReading(file: File, name: string, alreadyAttached: number): AppError | null {
  if (file.size > maxAttachmentBytes) {
    const limit = formatFileSize(maxAttachmentBytes);
    return { code: 'attachment_too_large', message: `“${name}” is larger than ${limit}, the most any file can be.` };
  }
  if (alreadyAttached >= attachmentLimits.perMessage) {
    const most = attachmentLimits.perMessage;
    return { code: 'attachment_too_many', message: `A message takes up to ${most} files; this one was not added.` };
  }
  return null;
}

export const createAttachmentsSlice: SliceCreator<AttachmentsSlice> = (set, get, deps) => {
  // The transport owns how bytes travel (HTTP POST on the web host, IPC in Electron); this slice only asks.
  const files = deps.api.attachments;
  const trays = new Map<string | null, TrayItem[]>();
  let key: string | null = null;

  /** What each tray's kept copy in the core names (ids in order), so an unchanged tray is not saved again. */
  const kept = new Map<string | null, string>();
  const keep = (owner: string | null, items: readonly TrayItem[]) => {
    const ready = trayAttachments(items);
    const names = JSON.stringify(ready.map(({ id, name }) => [id, name]));
    if ((kept.get(owner) ?? '[]') === names) return;
    kept.set(owner, names);
    // A conversation deleted meanwhile answers not_found: nothing to keep then.
    void deps.api.drafts.saveFiles(owner, ready);
  };
  const setTray = (owner: string | null, items: TrayItem[]) => {
    trays.set(owner, items);
    if (owner === key) set({ tray: items });
    keep(owner, items);
  };
  /** Whose tray holds this item now (the person may have switched conversations while it uploaded). */
  const ownerOf = (localId: string): string | null | undefined => {
    for (const [owner, items] of trays) if (items.some((item) => item.localId === localId)) return owner;
    return undefined;
  };
  const patch = (localId: string, change: Partial<TrayItem>) => {
    const owner = ownerOf(localId);
    if (owner === undefined) return;
    setTray(
      owner,
      (trays.get(owner) ?? []).map((item) => (item.localId === localId ? { ...item, ...change } : item)),
    );
  };

  /**
   * The core takes a picture by its header and decodes it in full just after (its sent copy). One that fails then is
   * refused in the tray as if on arrival, instead of waiting for Send to say so; any other answer changes nothing
   * (a send asks again).
   */
  const confirmPicture = (localId: string, attachment: Attachment) => {
    if (attachment.kind !== 'image') return;
    void files.ready(attachment.id).then(
      (ready) => {
        if (!ready.ok && (ready.error.code === 'attachment_corrupt' || ready.error.code === 'attachment_missing'))
          patch(localId, { status: 'failed', error: ready.error });
      },
      () => undefined,
    );
  };

  const upload = async (localId: string, file: File) => {
    let result: Result<Attachment>;
    try {
      // The page reads the bytes (the person chose the file); the core alone decides what they are.
      result = await files.add({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch {
      // The file vanished or changed before it could be read, or the transport went away mid-upload.
      result = { ok: false, error: { code: 'attachment_unreadable', message: `${file.name} could not be read.` } };
    }
    if (result.ok) {
      patch(localId, { status: 'ready', attachment: result.value, error: null });
      confirmPicture(localId, result.value);
    } else patch(localId, { status: 'failed', error: result.error });
  };

  const add = (file: File, extra: Partial<TrayItem> = {}) => {
    const current = trays.get(key) ?? [];
    const localId = `tray-${++nextLocalId}`;
    const counted = current.filter((item) => item.status !== 'failed').length;
    const item: TrayItem = {
      localId,
      name: file.name || 'Untitled',
      sizeBytes: file.size,
      mime: file.type,
      status: 'uploading',
      attachment: null,
      error: null,
      ...extra,
    };
    const refusal = refusedBeforeReading(file, item.name, counted);
    if (refusal) {
      setTray(key, [...current, { ...item, status: 'failed', error: refusal }]);
      return;
    }
    setTray(key, [...current, item]);
    void upload(localId, file);
  };

  return {
    tray: [],
    pdfEngine: null,

    choosePdfEngine(engine) {
      set({ pdfEngine: engine });
    },

    attachFiles(list) {
      for (const file of list) add(file);
    },

    attachPastedText(text) {
      add(new File([text], pastedTextName, { type: 'text/plain' }), { pastedText: text });
    },

    removeTrayItem(localId) {
      const owner = ownerOf(localId);
      if (owner === undefined) return;
      setTray(
        owner,
        (trays.get(owner) ?? []).filter((item) => item.localId !== localId),
      );
    },

    keepPasteAsText(localId) {
      const item = get().tray.find((entry) => entry.localId === localId);
      if (!item?.pastedText) return;
      get().removeTrayItem(localId);
      const draft = get().draft;
      get().setDraft(draft === '' ? item.pastedText : `${draft}${draft.endsWith('\n') ? '' : '\n'}${item.pastedText}`);
    },

    switchTray(conversationId) {
      key = conversationId;
      set({ tray: trays.get(conversationId) ?? [] });
    },

    adoptNewChatTray(conversationId) {
      if (key !== null) return;
      const items = trays.get(null) ?? [];
      trays.delete(null);
      keep(null, []);
      key = conversationId;
      setTray(conversationId, items);
    },

    takeTray() {
      const ready = get()
        .tray.filter((item) => item.status === 'ready' && item.attachment)
        .map((item) => item.attachment as Attachment);
      setTray(key, []);
      return ready;
    },

    restoreTray(conversationId, attachments, { kept: fromCore = false } = {}) {
      // What the core gave back is what it keeps already.
      if (fromCore && !kept.has(conversationId))
        kept.set(conversationId, JSON.stringify(attachments.map(({ id, name }) => [id, name])));
      if (attachments.length === 0 || (trays.get(conversationId)?.length ?? 0) > 0) return;
      const items: TrayItem[] = attachments.map((attachment) => ({
        localId: `tray-${++nextLocalId}`,
        name: attachment.name,
        sizeBytes: attachment.sizeBytes,
        mime: attachment.mime,
        status: 'ready',
        attachment,
        error: null,
      }));
      setTray(conversationId, items);
      attachments.forEach((attachment, index) => confirmPicture(items[index]!.localId, attachment));
    },
  };
};

/** Send waits for uploads; refused files are left behind (their chips say why), never sent. */
export const trayUploading = (tray: readonly TrayItem[]): boolean => tray.some((item) => item.status === 'uploading');

export const trayAttachments = (tray: readonly TrayItem[]): Attachment[] =>
  tray.flatMap((item) => (item.status === 'ready' && item.attachment ? [item.attachment] : []));
