// Renderer: sidebar, header, conversation and status bar once a key exists.

import { useState } from 'react';
import { ChatKeyboard } from '../features/chat/ChatKeyboard';
import { Composer } from '../features/chat/Composer';
import { MessageList } from '../features/chat/MessageList';
import { ChatHeader } from './ChatHeader';
import { ConversationList } from './ConversationList';
import { EmptyChat } from './EmptyChat';
import { ErrorBanner } from './ErrorBanner';
import { HistoryNotice } from './HistoryNotice';
import { SettingsDialog } from './SettingsDialog';
import '../features/chat/chat.css';
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
      <ChatKeyboard />
      {settingsOpen ? <SettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
    </div>
  );
}
