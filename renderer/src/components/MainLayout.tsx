// Renderer: sidebar, header, conversation and status bar once a key exists.

import { useState } from 'react';
import { ChatHeader } from './ChatHeader';
import { Composer } from './Composer';
import { ConversationList } from './ConversationList';
import { EmptyChat } from './EmptyChat';
import { ErrorBanner } from './ErrorBanner';
import { HistoryNotice } from './HistoryNotice';
import { MessageList } from './MessageList';
import { SettingsDialog } from './SettingsDialog';
import { StatusBar } from './StatusBar';

export function MainLayout() {
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <div className="app-shell">
      <ConversationList />
      <main className="chat">
        <ChatHeader onOpenSettings={() => setSettingsOpen(true)} />
        <HistoryNotice />
        <ErrorBanner />
        <EmptyChat />
        <MessageList />
        <Composer />
      </main>
      <StatusBar />
      {settingsOpen ? <SettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
    </div>
  );
}
