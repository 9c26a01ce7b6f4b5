// Renderer: sidebar, header, conversation and status bar once a key exists.

import { useState } from 'react';
import { ChatKeyboard } from '../features/chat/ChatKeyboard';
import { Composer } from '../features/chat/Composer';
import { MessageList } from '../features/chat/MessageList';
import { ContextWarning } from '../features/models/ContextWarning';
import { ModelPaletteHost } from '../features/models/ModelPaletteHost';
import { ModelUnlistedNotice } from '../features/models/ModelUnlistedNotice';
import { FindBar } from '../features/history/FindBar';
import { HistoryOverlays } from '../features/history/HistoryOverlays';
import { ChatHeader } from './ChatHeader';
import { ConversationList } from './ConversationList';
import { EmptyChat } from './EmptyChat';
import { ErrorBanner } from './ErrorBanner';
import { HistoryNotice } from './HistoryNotice';
import { SettingsDialog } from './SettingsDialog';
import { StatusBar } from './StatusBar';
import { SpendLayer, SpendNotices } from '../features/spend/SpendLayer';
import { useShortcut } from '../lib/use-shortcut';
import { ShortcutsSheet } from '../features/appearance/ShortcutsSheet';
import { DropOverlay } from '../features/attachments/DropOverlay';
import { useFileDrop } from '../features/attachments/use-file-drop';
import { CompareView } from '../features/compare/CompareView';
import { useAppStore } from '../store/use-app-store';
import styles from './main-layout.module.css';

export function MainLayout() {
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Files dropped anywhere on the conversation go into the composer's tray.
  const drop = useFileDrop();
  const comparing = useAppStore((s) => s.compareView !== null);
  useShortcut('settings', () => {
    // Not over another dialog: Esc closes the topmost thing, and two modals at once would trap each other.
    if (document.querySelector('dialog[open]')) return false;
    setSettingsOpen(true);
    return true;
  });
  return (
    <div className={styles.shell}>
      <ConversationList />
      {comparing ? (
        <main className={styles.main}>
          <SpendNotices />
          <CompareView onOpenSettings={() => setSettingsOpen(true)} />
        </main>
      ) : (
        <main className={styles.main} {...drop.handlers}>
          {drop.dragging ? <DropOverlay /> : null}
          <ChatHeader onOpenSettings={() => setSettingsOpen(true)} />
          <HistoryNotice />
          <ModelUnlistedNotice />
          <SpendNotices />
          <ErrorBanner />
          <FindBar />
          <EmptyChat />
          <MessageList />
          <ContextWarning />
          <Composer />
        </main>
      )}
      <StatusBar />
      <ChatKeyboard />
      <ModelPaletteHost />
      <HistoryOverlays />
      <SpendLayer />
      {settingsOpen ? <SettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
      {/* After Settings, so the sheet opened from there shows above it. */}
      <ShortcutsSheet />
    </div>
  );
}
