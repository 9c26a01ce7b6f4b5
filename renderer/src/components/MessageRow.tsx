// Renderer: a finished message; memoized, so a streaming reply never re-renders the history above it.

import { memo } from 'react';
import type { Message } from '../../../shared/domain';
import { MessageView } from './MessageView';

export const MessageRow = memo(function MessageRow({ message }: { message: Message }) {
  return <MessageView message={message} />;
});
