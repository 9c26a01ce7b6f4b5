// Renderer: the chat's keyboard shortcuts, for the whole window: Ctrl/Cmd+N new chat, Ctrl/Cmd+Shift+C copies the
// last reply, Esc stops the reply in the open conversation (after anything on top — a dialog, a menu — had its turn).

import { appStore } from '../../store/use-app-store';
import { selectIsReplying } from '../../store/selectors';
import { lastOfRole } from './thread';
import { composerInputId } from './Composer';
import { useShortcut } from '../../lib/use-shortcut';

/** Where the copy went, for the page to say so; injected so the shortcut works wherever a clipboard exists. */
export type CopyText = (text: string) => Promise<void>;

const defaultCopy: CopyText = (text) => navigator.clipboard.writeText(text);

export function useChatShortcuts(copy: CopyText = defaultCopy, onCopied?: (ok: boolean) => void): void {
  useShortcut('new-chat', () => {
    appStore.getState().newChat();
    document.getElementById(composerInputId)?.focus();
    return true;
  });
  useShortcut('new-compare', () => {
    appStore.getState().startCompare();
    appStore.getState().openModelPalette('compare');
    return true;
  });
  useShortcut('copy-last-reply', () => {
    // Taken even with nothing to copy: the keys are this app's, not the browser's (its inspector).
    const reply = lastOfRole(appStore.getState().messages, 'assistant');
    if (!reply || reply.content === '') return true;
    copy(reply.content).then(
      () => onCopied?.(true),
      () => onCopied?.(false),
    );
    return true;
  });
  useShortcut('stop', () => {
    // Esc belongs to the topmost thing first: an open dialog handles it itself (and the page is inert then).
    const state = appStore.getState();
    // A compare on screen stops its own columns (CompareView); the conversation behind it streams on.
    if (document.querySelector('dialog[open]') || state.compareView !== null || !selectIsReplying(state)) return false;
    state.stopReply();
    return true;
  });
}
