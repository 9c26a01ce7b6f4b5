// Renderer: the chat's keyboard shortcuts, for the whole window: Ctrl/Cmd+N new chat, Ctrl/Cmd+Shift+C copies the
// last reply, Esc stops the reply in the open conversation (after anything on top — a dialog, a menu — had its turn).

import { useEffect } from 'react';
import { appStore } from '../../store/use-app-store';
import { selectIsReplying } from '../../store/selectors';
import { lastOfRole } from './thread';
import { composerInputId } from './Composer';
import { isShortcut } from '../../lib/keyboard';

/** Where the copy went, for the page to say so; injected so the shortcut works wherever a clipboard exists. */
export type CopyText = (text: string) => Promise<void>;

const defaultCopy: CopyText = (text) => navigator.clipboard.writeText(text);

export function useChatShortcuts(copy: CopyText = defaultCopy, onCopied?: (ok: boolean) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const state = appStore.getState();
      if (isShortcut('new-chat', event)) {
        event.preventDefault();
        state.newChat();
        document.getElementById(composerInputId)?.focus();
        return;
      }
      if (isShortcut('copy-last-reply', event)) {
        event.preventDefault();
        const reply = lastOfRole(state.messages, 'assistant');
        if (!reply || reply.content === '') return;
        copy(reply.content).then(
          () => onCopied?.(true),
          () => onCopied?.(false),
        );
        return;
      }
      // Esc belongs to the topmost thing first: an open dialog handles it itself (and the page is inert then).
      if (isShortcut('stop', event) && !document.querySelector('dialog[open]') && selectIsReplying(state)) {
        event.preventDefault();
        state.stopReply();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [copy, onCopied]);
}
