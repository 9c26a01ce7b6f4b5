// Renderer: the Thinking block of one reply, timed by the thinking clock.

import type { Message } from '../../../../shared/domain';
import { thinkingClock } from './thinking-clock';
import { ThinkingBlock } from './ThinkingBlock';

export function MessageThinking({ message }: { message: Message }) {
  // Observed on each render: a flush that brings the first answer text is the moment thinking ended.
  const durationMs = thinkingClock.observe(message);
  return (
    <ThinkingBlock
      reasoning={message.reasoning ?? ''}
      answered={message.content !== ''}
      streaming={message.status === 'streaming'}
      durationMs={durationMs}
    />
  );
}
