// Renderer: the header's model chip: the conversation's model and its price; opens the palette. Flags a model that
// left OpenRouter's catalogue.

import { ChevronDown, TriangleAlert } from 'lucide-react';
import { selectModelEntry, selectModelUnlisted } from '../../store/models-slice';
import { selectCurrentModel } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { compactPrice, displayName } from './model-format';
import { shortcutLabel } from '../../lib/keyboard';
import clsx from 'clsx';
import styles from './models.module.css';
import header from '../../components/chat-header.module.css';

const shortcut = () => shortcutLabel('model-palette');

export function ModelChip() {
  const id = useAppStore(selectCurrentModel);
  const entry = useAppStore((s) => selectModelEntry(s, id));
  const unlisted = useAppStore((s) => selectModelUnlisted(s, id));
  const open = useAppStore((s) => s.openModelPalette);
  const name = entry ? displayName(entry) : id;
  const hint = unlisted
    ? `${id} is no longer in OpenRouter’s catalogue. Choose another model (${shortcut()}).`
    : `${entry?.name ?? id} (${id}). Change model (${shortcut()}).`;
  return (
    <button
      type="button"
      className={clsx(styles.modelChip, unlisted && styles.unlisted)}
      aria-label={`Model: ${name}${unlisted ? ', no longer listed' : ''}. Change (${shortcut()})`}
      title={hint}
      onClick={() => open('conversation')}
    >
      {unlisted ? <TriangleAlert aria-hidden="true" size={14} /> : null}
      <span className={styles.chipName}>{name}</span>
      {entry ? <span className={clsx(styles.chipPrice, header.wideOnly)}>{compactPrice(entry)}</span> : null}
      <ChevronDown aria-hidden="true" size={14} />
    </button>
  );
}
