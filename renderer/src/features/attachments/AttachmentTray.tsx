// Renderer: the files waiting above the message field: a thumbnail for an image, a chip for a PDF (pages and size) or
// a text file (size). Each shows that it is uploading, or why the core refused it, and comes off with its × button
// (or Delete/Backspace while it has focus). A refused file never takes the draft or the other files with it.

import { FileCode, FileText, ImageIcon, LoaderCircle, X } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { describeError } from '../../lib/error-text';
import { useAppStore } from '../../store/use-app-store';
import type { TrayItem } from './attachments-slice';
import { attachmentSrc } from './attachment-url';
import { formatFileSize } from './file-size';
import clsx from 'clsx';
import styles from './attachments.module.css';

export function AttachmentTray() {
  const tray = useAppStore((s) => s.tray);
  if (tray.length === 0) return null;
  return (
    <ul className={styles.attachmentTray} aria-label="Attachments">
      {tray.map((item) => (
        <TrayChip key={item.localId} item={item} />
      ))}
    </ul>
  );
}

/** The facts under a chip's name: pages and size for a PDF, size otherwise. */
export function chipFacts(item: Pick<TrayItem, 'sizeBytes' | 'attachment'>): string {
  const size = formatFileSize(item.attachment?.sizeBytes ?? item.sizeBytes);
  const pages = item.attachment?.pageCount;
  return pages === undefined ? size : `${pages} ${pages === 1 ? 'page' : 'pages'} · ${size}`;
}

function ChipIcon({ item }: { item: TrayItem }) {
  if (item.status === 'uploading') return <LoaderCircle className={styles.spin} size={18} aria-hidden="true" />;
  const kind = item.attachment?.kind;
  if (kind === 'image' || (!kind && item.mime.startsWith('image/'))) return <ImageIcon size={18} aria-hidden="true" />;
  if (kind === 'text') return <FileCode size={18} aria-hidden="true" />;
  return <FileText size={18} aria-hidden="true" />;
}

function TrayChip({ item }: { item: TrayItem }) {
  const remove = useAppStore((s) => s.removeTrayItem);
  const keepAsText = useAppStore((s) => s.keepPasteAsText);
  const errorId = `${item.localId}-error`;
  const image = item.status === 'ready' && item.attachment?.kind === 'image' ? item.attachment : null;
  const error = item.error ? describeError(item.error) : null;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if ((event.key === 'Delete' || event.key === 'Backspace') && event.target === event.currentTarget) {
      event.preventDefault();
      remove(item.localId);
      document.getElementById('composer-input')?.focus();
    }
  };

  return (
    <li
      className={clsx(styles.trayChip, item.status === 'failed' && styles.statusFailed, image && styles.isImage)}
      tabIndex={0}
      // A thumbnail has no room for its name; the pointer shows it (the accessible name always has it).
      title={image ? item.name : undefined}
      aria-label={`${item.name}, ${item.status === 'uploading' ? 'adding…' : item.status === 'failed' ? 'not attached' : chipFacts(item)}`}
      aria-busy={item.status === 'uploading' || undefined}
      aria-describedby={error ? errorId : undefined}
      onKeyDown={onKeyDown}
    >
      {image ? (
        // Fixed box: the tray never jumps when the thumbnail arrives.
        <img className={styles.trayThumb} src={attachmentSrc(image.id, 'thumb')} alt="" width={56} height={56} />
      ) : (
        <span className={styles.trayIcon}>
          <ChipIcon item={item} />
        </span>
      )}
      {image ? null : (
        <span className={styles.trayText}>
          <span className={styles.trayName} title={item.name}>
            {item.name}
          </span>
          <span className={styles.trayFacts}>
            {item.status === 'uploading' ? 'Adding…' : item.status === 'failed' ? 'Not attached' : chipFacts(item)}
          </span>
        </span>
      )}
      {item.pastedText !== undefined && item.status !== 'uploading' ? (
        <button
          type="button"
          className={clsx('link-button', styles.trayKeepText)}
          onClick={() => keepAsText(item.localId)}
        >
          Paste as text
        </button>
      ) : null}
      <button
        type="button"
        className={clsx('icon-button', styles.trayRemove)}
        aria-label={`Remove ${item.name}`}
        title="Remove"
        onClick={() => {
          remove(item.localId);
          document.getElementById('composer-input')?.focus();
        }}
      >
        <X size={14} aria-hidden="true" />
      </button>
      {error ? (
        <p className={styles.trayError} id={errorId} role="alert">
          {error.detail ?? error.message} {error.nextStep}
        </p>
      ) : null}
    </li>
  );
}
