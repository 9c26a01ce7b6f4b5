// Renderer: the reply being written; the only component that re-renders on each animation frame.

import { useAppStore } from '../store/use-app-store';
import { MessageView } from './MessageView';

export function StreamingMessage() {
  const message = useAppStore((s) => s.streamingMessage);
  return message ? <MessageView message={message} /> : null;
}
