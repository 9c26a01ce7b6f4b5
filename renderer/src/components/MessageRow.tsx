// Renderer: a finished message; memoized, so a streaming reply never re-renders the history above it.

import { memo } from 'react';
import type { Message } from '../../../shared/domain';
import { EditMessageForm } from '../features/chat/EditMessageForm';
import { useAppStore } from '../store/use-app-store';
import { MessageView } from './MessageView';

export const MessageRow = memo(function MessageRow({ message }: { message: Message }) {
  const editing = useAppStore((s) => s.editingMessageId === message.id);
  return editing ? <EditMessageForm message={message} /> : <MessageView message={message} />;
});
