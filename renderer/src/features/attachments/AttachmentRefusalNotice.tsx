// Renderer: said in the composer before anything is sent: the chosen model cannot read an attached file, and a
// button that opens the model palette filtered to models that can. Send stays refused until that changes.

import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/use-app-store';
import { selectAttachmentRefusal } from './send-blocker';
import styles from './attachments.module.css';

const filterWords: Record<string, string> = { image: 'images', file: 'files', audio: 'audio' };

export function AttachmentRefusalNotice() {
  const refusal = useAppStore(
    useShallow((s) => {
      const found = selectAttachmentRefusal(s);
      return found ? { notice: found.notice, filters: found.filters.join(',') } : { notice: null, filters: '' };
    }),
  );
  const openPalette = useAppStore((s) => s.openModelPalette);
  if (!refusal.notice) return null;
  const filters = refusal.filters.split(',').filter((kind) => kind === 'image' || kind === 'file' || kind === 'audio');
  const words = filters.map((kind) => filterWords[kind]).join(' and ');
  return (
    <p className={styles.composerRefusal} role="alert" id="composer-refusal">
      <span>{refusal.notice}</span>{' '}
      <button type="button" className="link-button" onClick={() => openPalette('conversation', filters)}>
        Show models that accept {words}
      </button>
    </p>
  );
}
