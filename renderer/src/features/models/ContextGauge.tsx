// Renderer: the header's context gauge: the conversation's estimated tokens against the chosen model's context length.

import { useMemo } from 'react';
import { selectModelEntry } from '../../store/models-slice';
import { selectCurrentModel } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { contextLevel, estimateContextTokens } from './context-estimate';
import { formatTokenCount } from './model-format';
import clsx from 'clsx';
import styles from './models.module.css';
import header from '../../components/chat-header.module.css';

/** Estimated tokens of the open thread plus the draft, and the current model's context length (null when unknown). */
export function useContextUse(): { tokens: number; contextLength: number | null; model: string } {
  const messages = useAppStore((s) => s.messages);
  const draft = useAppStore((s) => s.draft);
  const model = useAppStore(selectCurrentModel);
  const contextLength = useAppStore((s) => selectModelEntry(s, model)?.contextLength ?? null);
  const tokens = useMemo(() => estimateContextTokens(messages, draft), [messages, draft]);
  return { tokens, contextLength, model };
}

export function ContextGauge() {
  const { tokens, contextLength } = useContextUse();
  if (contextLength === null) return null;
  const level = contextLevel(tokens, contextLength);
  const percent = Math.min(100, Math.round((tokens / contextLength) * 100));
  const text = `${formatTokenCount(tokens)} / ${formatTokenCount(contextLength)}`;
  return (
    <div
      className={clsx(styles.contextGauge, styles[level])}
      role="meter"
      aria-label="Context used"
      aria-valuemin={0}
      aria-valuemax={contextLength}
      aria-valuenow={Math.min(tokens, contextLength)}
      aria-valuetext={`about ${text} tokens`}
      title={`About ${tokens.toLocaleString('en-US')} of ${contextLength.toLocaleString('en-US')} tokens of context (an estimate: OpenRouter's count of the last reply, and about 4 characters per token since)`}
    >
      <span className={styles.gaugeBar} aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </span>
      <span className={header.wideOnly}>{text}</span>
    </div>
  );
}
