// Renderer: the sidebar of conversations, newest first.

import { useAppStore } from '../store/use-app-store';
import { ConversationItem } from './ConversationItem';

export function ConversationList() {
  const conversations = useAppStore((s) => s.conversations);
  const activeId = useAppStore((s) => s.activeConversationId);
  const error = useAppStore((s) => s.conversationsError);
  const newChat = useAppStore((s) => s.newChat);
  const loadConversations = useAppStore((s) => s.loadConversations);

  return (
    <nav aria-label="Conversations" className="sidebar">
      <button type="button" className="primary new-chat" onClick={newChat}>
        New chat
      </button>
      {error ? (
        <p className="sidebar-note">
          Could not load your conversations.{' '}
          <button type="button" className="link-button" onClick={() => void loadConversations()}>
            Retry
          </button>
        </p>
      ) : null}
      <ul className="conversation-list">
        {conversations.map((conversation) => (
          <ConversationItem key={conversation.id} conversation={conversation} active={conversation.id === activeId} />
        ))}
      </ul>
    </nav>
  );
}
