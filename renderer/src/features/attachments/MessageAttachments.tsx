// Renderer: the files a message carries. A person's message shows its pictures as thumbnails and its PDFs and text
// files as chips; a reply shows the images the model made, larger, each with Save as…. Pictures sit in fixed boxes
// and load lazily, so a long virtualized thread neither jumps nor fetches what is far off screen. A picture opens
// full size in a dialog (click or Enter; Esc closes).

import { Download, FileCode, FileText } from 'lucide-react';
import clsx from 'clsx';
import { useState } from 'react';
import { downloadUrl } from '../../lib/download';
import { attachmentSrc } from './attachment-url';
import type { Attachment } from '../../../../shared/attachments';
import { formatFileSize } from './file-size';
import { ImageViewer } from './ImageViewer';
import styles from './attachments.module.css';

export function fileFacts(attachment: Attachment): string {
  const size = formatFileSize(attachment.sizeBytes);
  const pages = attachment.pageCount;
  return pages === undefined ? size : `${pages} ${pages === 1 ? 'page' : 'pages'} · ${size}`;
}

/** The name a generated image is saved under when the model gave none. */
const savedName = (attachment: Attachment) => attachment.name || `image-${attachment.id.slice(0, 8)}.png`;

export function MessageAttachments({
  attachments,
  generated,
}: {
  attachments: readonly Attachment[];
  generated: boolean;
}) {
  const [viewing, setViewing] = useState<Attachment | null>(null);
  if (attachments.length === 0) return null;
  return (
    <>
      <ul
        className={clsx(styles.messageAttachments, !generated && styles.sent)}
        aria-label={generated ? 'Generated images' : 'Attached files'}
      >
        {attachments.map((attachment) => (
          <li key={attachment.id} className={generated ? styles.generatedImage : undefined}>
            {attachment.kind === 'image' ? (
              <>
                <button
                  type="button"
                  className={styles.messageImageButton}
                  aria-label={`View ${attachment.name} full size`}
                  onClick={() => setViewing(attachment)}
                >
                  <img
                    src={attachmentSrc(attachment.id, generated ? 'original' : 'thumb')}
                    alt={attachment.name}
                    loading="lazy"
                    decoding="async"
                    width={generated ? 320 : 160}
                    height={generated ? 320 : 160}
                  />
                </button>
                {generated ? (
                  <button
                    type="button"
                    className={styles.iconTextButton}
                    onClick={() => downloadUrl(attachmentSrc(attachment.id, 'original'), savedName(attachment))}
                  >
                    <Download size={16} aria-hidden="true" /> Save as…
                  </button>
                ) : null}
              </>
            ) : (
              <span className={styles.messageFileChip} title={attachment.name}>
                {attachment.kind === 'text' ? (
                  <FileCode size={16} aria-hidden="true" />
                ) : (
                  <FileText size={16} aria-hidden="true" />
                )}
                <span className={styles.trayName}>{attachment.name}</span>
                <span className={styles.trayFacts}>{fileFacts(attachment)}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
      {viewing ? (
        <ImageViewer
          attachment={viewing}
          onSave={() => downloadUrl(attachmentSrc(viewing.id, 'original'), savedName(viewing))}
          onClose={() => setViewing(null)}
        />
      ) : null}
    </>
  );
}
