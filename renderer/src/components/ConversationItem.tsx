// Renderer: one conversation in the sidebar (a SidebarEntry): its title, the model and time beneath, a mark while a
// reply is written or unread, and Pin, Rename and Delete.

import { memo } from 'react';
import type { Conversation } from '../../../shared/domain';
import { activityTime, shortModel } from '../features/history/sidebar-rows';
import { selectIsStreamingIn } from '../store/selectors';
import { useAppStore } from '../store/use-app-store';
import { SidebarEntry } from './SidebarEntry';

interface ConversationItemProps {
  conversation: Conversation;
  active: boolean;
  now: Date;
}

export const ConversationItem = memo(function ConversationItem({ conversation, active, now }: ConversationItemProps) {
  const selectConversation = useAppStore((s) => s.selectConversation);
  const renameConversation = useAppStore((s) => s.renameConversation);
  const deleteWithUndo = useAppStore((s) => s.deleteWithUndo);
  const togglePinned = useAppStore((s) => s.togglePinned);
  const streaming = useAppStore((s) => selectIsStreamingIn(s, conversation.id));
  const unread = useAppStore((s) => s.unread[conversation.id] === true);
  const title = conversation.title.trim() || 'Untitled conversation';

  return (
    <SidebarEntry
      noun="conversation"
      title={title}
      storedTitle={conversation.title}
      tooltip={`${title}\n${conversation.model} · ${new Date(conversation.updatedAt).toLocaleString()}`}
      subtitle={
        <>
          {shortModel(conversation.model)} · {activityTime(conversation.updatedAt, now)}
          {conversation.pinned ? <span className="visually-hidden">, pinned</span> : null}
        </>
      }
      active={active}
      mark={
        streaming
          ? { kind: 'streaming', title: 'A reply is being written', spoken: ', replying' }
          : unread
            ? { kind: 'unread', title: 'New reply', spoken: ', new reply' }
            : null
      }
      pin={{ pinned: conversation.pinned, toggle: () => void togglePinned(conversation.id) }}
      deleteTitle="Delete conversation (you can undo it for a few seconds)"
      onOpen={() => void selectConversation(conversation.id)}
      onRename={(next) => renameConversation(conversation.id, next)}
      onDelete={() => void deleteWithUndo(conversation.id)}
    />
  );
});
