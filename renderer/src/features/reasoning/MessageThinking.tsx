// Renderer: the Thinking block of one reply, timed by the thinking clock.

import type { Message } from '../../../../shared/domain';
import { thinkingClock } from './thinking-clock';
import { ThinkingBlock } from './ThinkingBlock';

/**
 * The finished reply replaces the live one with a new component, so whether the reader had the block open is kept
 * here, per message id, for this session (the most recent few hundred).
 */
const openChoices = new Map<string, boolean>();
const rememberedChoices = 300;

function rememberOpen(id: string, open: boolean) {
  openChoices.delete(id);
  openChoices.set(id, open);
  if (openChoices.size > rememberedChoices) {
    const oldest = openChoices.keys().next().value;
    if (oldest !== undefined) openChoices.delete(oldest);
  }
}

export function MessageThinking({ message }: { message: Message }) {
  // Observed on each render: a flush that brings the first answer text is the moment thinking ended.
  const durationMs = thinkingClock.observe(message);
  return (
    <ThinkingBlock
      reasoning={message.reasoning ?? ''}
      answered={message.content !== ''}
      streaming={message.status === 'streaming'}
      durationMs={durationMs}
      initialOpen={openChoices.get(message.id)}
      onOpenChange={(open) => rememberOpen(message.id, open)}
    />
  );
}
