// Renderer: said before sending, above the composer: the conversation would not fit the chosen model's context.

import { useAppStore } from '../../store/use-app-store';
import { contextLevel } from './context-estimate';
import { useContextUse } from './ContextGauge';
import { formatTokenCount } from './model-format';
import styles from './models.module.css';

export function ContextWarning() {
  const { tokens, contextLength, model } = useContextUse();
  const open = useAppStore((s) => s.openModelPalette);
  if (contextLength === null || contextLevel(tokens, contextLength) !== 'over') return null;
  return (
    <div className={styles.contextWarning} role="status">
      <p>
        This conversation (about {formatTokenCount(tokens)} tokens) would not fit in {model}’s{' '}
        {formatTokenCount(contextLength)}-token context, so OpenRouter would refuse it. Choose a model with a longer
        context, or start a new conversation.
      </p>
      <button type="button" onClick={() => open('conversation')}>
        Choose model
      </button>
    </div>
  );
}
