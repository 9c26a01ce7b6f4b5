// Renderer: under the header when the open conversation's model left OpenRouter's catalogue; its history stays.

import { selectModelUnlisted } from '../../store/models-slice';
import { selectActiveConversation } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import clsx from 'clsx';
import styles from './models.module.css';

export function ModelUnlistedNotice() {
  const model = useAppStore((s) => selectActiveConversation(s)?.model ?? null);
  const unlisted = useAppStore((s) => model !== null && selectModelUnlisted(s, model));
  const open = useAppStore((s) => s.openModelPalette);
  if (!model || !unlisted) return null;
  return (
    <div className={clsx('history-notice', styles.modelUnlisted)} role="status">
      <p>
        <span className="mono">{model}</span> is no longer in OpenRouter’s catalogue, so new replies may fail. The
        conversation stays readable.
      </p>
      <button type="button" onClick={() => open('conversation')}>
        Choose another model
      </button>
    </div>
  );
}
