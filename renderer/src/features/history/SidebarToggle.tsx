// Renderer: in a narrow window (history.css), the header's way to the conversations: a button (and Ctrl/Cmd+B) that
// opens the sidebar over the conversation. Hidden in a wide window, where the sidebar is always there.

import { useEffect } from 'react';
import { PanelLeft } from 'lucide-react';
import { appStore, useAppStore } from '../../store/use-app-store';
import { isNarrowWindow, useNarrowWindow } from './narrow-window';
import { shortcutLabel } from '../../lib/keyboard';
import { useShortcut } from '../../lib/use-shortcut';
import styles from './sidebar.module.css';

export const sidebarToggleId = 'sidebar-toggle';
export const sidebarId = 'conversation-sidebar';

export function SidebarToggle() {
  const open = useAppStore((s) => s.sidebarOpen);
  const setOpen = useAppStore((s) => s.setSidebarOpen);
  const narrow = useNarrowWindow();

  // Wider again: the sidebar is simply there; an overlay left open would reappear on the next narrowing.
  useEffect(() => {
    if (!narrow) setOpen(false);
  }, [narrow, setOpen]);

  useShortcut('toggle-sidebar', () => {
    if (!isNarrowWindow() || document.querySelector('dialog[open]')) return false;
    const state = appStore.getState();
    state.setSidebarOpen(!state.sidebarOpen);
    if (state.sidebarOpen) document.getElementById(sidebarToggleId)?.focus();
    return true;
  });

  return (
    <button
      type="button"
      id={sidebarToggleId}
      className={styles.toggle}
      aria-label="Conversations"
      aria-expanded={open}
      aria-controls={sidebarId}
      title={`Conversations (${shortcutLabel('toggle-sidebar')})`}
      onClick={() => setOpen(!open)}
    >
      <PanelLeft size={18} aria-hidden="true" />
    </button>
  );
}
