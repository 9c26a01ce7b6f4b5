// How much of a model's context window the open conversation takes, for the header's gauge and the warning before
// sending. An estimate: OpenRouter's own count of the last reply's prompt and answer where there is one, and about
// four characters per token for what came after it (the draft included).

import type { Message } from '../../../../shared/domain';

/** A common rule of thumb for English text with GPT-style tokenizers; other scripts take more tokens per character. */
const charsPerToken = 4;

export const roughTokens = (text: string): number => Math.ceil(text.length / charsPerToken);

/**
 * Tokens the next request would send: the thread (last page or more, oldest first) plus the draft. The newest reply
 * with usage covers everything up to it, including older pages that are not loaded.
 */
export function estimateContextTokens(messages: readonly Message[], draft: string): number {
  let total = roughTokens(draft);
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i] as Message;
    if (message.role === 'assistant' && message.usage && message.usage.promptTokens > 0) {
      return total + message.usage.promptTokens + message.usage.completionTokens;
    }
    total += roughTokens(message.content);
  }
  return total;
}

export type ContextLevel = 'ok' | 'near' | 'over';

/** "near" from 80 %, so there is room to switch before a reply fails. */
export function contextLevel(tokens: number, contextLength: number | null): ContextLevel {
  if (contextLength === null) return 'ok';
  if (tokens > contextLength) return 'over';
  return tokens >= contextLength * 0.8 ? 'near' : 'ok';
}
