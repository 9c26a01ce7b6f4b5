// Renderer: installs the chat's window-wide shortcuts and the leave guard, and says when a shortcut copied a reply.

import { useCallback, useEffect, useState } from 'react';
import { useChatShortcuts } from './use-chat-shortcuts';
import { useLeaveGuard } from './use-leave-guard';
import clsx from 'clsx';
import styles from './chat-keyboard.module.css';

/** Long enough to read, short enough not to linger. */
const noteMs = 2500;

export function ChatKeyboard() {
  const [note, setNote] = useState<string | null>(null);
  const onCopied = useCallback((ok: boolean) => {
    setNote(ok ? 'Copied the last reply.' : 'Could not copy: the clipboard is not available here.');
  }, []);
  useChatShortcuts(undefined, onCopied);
  useLeaveGuard();

  useEffect(() => {
    if (note === null) return;
    const timer = setTimeout(() => setNote(null), noteMs);
    return () => clearTimeout(timer);
  }, [note]);

  return (
    <p className={clsx(styles.toast, note && styles.visible)} aria-live="polite">
      {note}
    </p>
  );
}
