// Renderer: a button that puts text on the clipboard and says so for a moment.

import { type ReactNode, useEffect, useState } from 'react';
import clsx from 'clsx';
import styles from './copy-button.module.css';

type CopyState = 'idle' | 'copied' | 'failed';

const resetAfterMs = 1500;

export function useCopy(text: string): [CopyState, () => void] {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), resetAfterMs);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return [state, copy];
}

/** A text button ("Copy", then "Copied"), as in a code block's header. */
export function CopyTextButton({ text, className }: { text: string; className?: string }) {
  const [state, copy] = useCopy(text);
  return (
    <button type="button" className={className} onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}

/** An icon button with a fixed accessible name; what happened is announced beside it. */
export function CopyIconButton({ text, label, className }: { text: string; label: string; className?: string }) {
  const [state, copy] = useCopy(text);
  return (
    // data-copy-state: the message shows its button while it says what happened.
    <span className={className} data-copy-state={state}>
      <button type="button" className="icon-button" aria-label={label} title={label} onClick={copy}>
        {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
      </button>
      {/* A polite live region, not role="status": a long conversation would otherwise hold hundreds of status roles. */}
      <span aria-live="polite" className={clsx(state === 'idle' ? 'visually-hidden' : styles.feedback)}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
    </span>
  );
}

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

function CopyIcon() {
  return (
    <Icon>
      <rect x="9" y="9" width="13" height="13" rx="2" />
      <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
    </Icon>
  );
}

function CheckIcon() {
  return (
    <Icon>
      <path d="M20 6 9 17l-5-5" />
    </Icon>
  );
}
