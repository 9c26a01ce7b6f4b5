// Conversation titles come from the first message, so the sidebar reads like a list of questions.

export const defaultTitle = 'New chat';

/** Collapses whitespace and cuts at a word boundary near `max` characters, with an ellipsis when shortened. */
export function deriveTitle(firstMessage: string, max = 60): string {
  const flat = firstMessage.replace(/\s+/g, ' ').trim();
  if (flat === '') return defaultTitle;
  const chars = Array.from(flat); // by code point, so an emoji is never split in half
  if (chars.length <= max) return flat;
  const head = chars.slice(0, max).join('');
  const lastSpace = head.lastIndexOf(' ');
  // A single very long word (a URL, say) has no good boundary: cut it rather than keep one stray word.
  const cut = lastSpace >= max / 2 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s,.;:!?-]+$/, '')}…`;
}
