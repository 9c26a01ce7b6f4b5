// Contract: how a conversation is named from its first message, so the sidebar reads like a list of questions.

const maxTitleLength = 60;

/** The title of a conversation before its first message names it. */
export const defaultConversationTitle = 'New chat';

export function deriveTitle(firstMessage: string): string {
  const oneLine = firstMessage.replace(/\s+/g, ' ').trim();
  if (oneLine.length === 0) return defaultConversationTitle;
  const chars = Array.from(oneLine); // by code point, so an emoji is never cut in half
  if (chars.length <= maxTitleLength) return oneLine;
  const head = chars.slice(0, maxTitleLength).join('');
  const lastSpace = head.lastIndexOf(' ');
  // Break on a word when one ends reasonably late; a single long word (a URL, say) is cut instead.
  const cut = lastSpace > head.length / 2 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s,.;:!?-]+$/, '')}…`;
}
