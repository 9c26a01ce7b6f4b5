// Core: the conversation as OpenRouter receives it — the thread's path only (never a sibling branch).

import type { Message } from '../../../shared/domain';
import type { ChatMessage, ChatRequest } from '../openrouter/types';

/**
 * A reply that only asked for tools did answer its question; Switchboard runs no tools, so it cannot send the calls
 * back with results (providers refuse calls without results). It goes upstream as a line saying what was asked, so
 * the question before it stays in the conversation.
 */
function sayToolCalls(message: Message): Message {
  if (message.role !== 'assistant' || message.content.length > 0 || !message.toolCalls?.length) return message;
  const names = message.toolCalls.map((call) => call.name).join(', ');
  return { ...message, content: `(I asked to call ${names}; the app I am used in does not run tools.)` };
}

/** A reply that was only images (an image model's) did answer: upstream it says so, as text. */
function sayImages(message: Message): Message {
  if (message.role !== 'assistant' || message.content.length > 0 || message.attachments.length === 0) return message;
  const names = message.attachments.map((file) => `“${file.name}”`).join(', ');
  return {
    ...message,
    content: `(I answered with ${message.attachments.length === 1 ? 'an image' : 'images'}: ${names}.)`,
  };
}

/**
 * The thread from its first message to the question being answered, oldest first. Replies that failed without text
 * are left out (the model never said them). A question that was never answered — a user message followed by another
 * user message once those are gone — is left out too: sending both would put two user turns in a row upstream and
 * bill the unanswered one again. With `prefill`, the reply so far goes last, for the model to continue
 * (docs/openrouter-protocol.md §2.2).
 */
export function toUpstreamMessages(
  path: readonly Message[],
  prefill?: string,
  contentOf: (message: Message) => ChatMessage['content'] = (message) => message.content,
): ChatRequest['messages'] {
  const spoken = path
    .map(sayToolCalls)
    .map(sayImages)
    .filter((m) => m.role === 'user' || m.content.length > 0);
  const kept = spoken.filter((m, i) => !(m.role === 'user' && spoken[i + 1]?.role === 'user'));
  const messages: ChatRequest['messages'] = kept.map((m) => ({ role: m.role, content: contentOf(m) }));
  if (prefill) messages.push({ role: 'assistant', content: prefill });
  return messages;
}
