// Renderer: a reply's reasoning, open while the model only thinks, folded away once the answer starts.

import { useState } from 'react';
import { Markdown } from '../markdown/Markdown';
import { formatThinkingTime } from './thinking-clock';
import styles from './thinking.module.css';

export interface ThinkingBlockProps {
  reasoning: string;
  /** The answer has begun (some reply text exists). */
  answered: boolean;
  /** Reasoning is still arriving. */
  streaming: boolean;
  /** Time spent thinking, when it was measured. */
  durationMs: number | null;
  /** Open or closed as the reader last left it, when this reply was shown before. */
  initialOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
}

export function ThinkingBlock({
  reasoning,
  answered,
  streaming,
  durationMs,
  initialOpen,
  onOpenChange,
}: ThinkingBlockProps) {
  // Shown while it is all there is to read; the reader may open or close it at any time after.
  const [open, setOpen] = useState(initialOpen ?? !answered);
  const [wasAnswered, setWasAnswered] = useState(answered);
  if (answered !== wasAnswered) {
    setWasAnswered(answered);
    if (answered) setOpen(false);
  }
  const thinking = streaming && !answered;
  const label = thinking ? 'Thinking…' : durationMs !== null ? formatThinkingTime(durationMs) : 'Thinking';
  return (
    <details
      className={styles.thinking}
      open={open}
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
        onOpenChange?.(event.currentTarget.open);
      }}
    >
      <summary
        onClick={(event) => {
          // Told at the click, not only at the toggle event that follows it as a separate task: a reply that finishes
          // in between is drawn anew (MessageThinking), and the reader's choice must reach it.
          if (!event.defaultPrevented) onOpenChange?.(!open);
        }}
      >
        {label}
      </summary>
      <div className={styles.body}>
        <Markdown text={reasoning} streaming={thinking} />
      </div>
    </details>
  );
}
