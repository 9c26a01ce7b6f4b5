// Contract: how a conversation is named from its first message; the core uses it on create, the UI for previews.

const maxTitleLength = 60;

export function deriveTitle(firstMessage: string): string {
  const oneLine = firstMessage.replace(/\s+/g, ' ').trim();
  if (oneLine.length === 0) return 'New chat';
  if (oneLine.length <= maxTitleLength) return oneLine;
  const cut = oneLine.slice(0, maxTitleLength);
  const lastSpace = cut.lastIndexOf(' ');
  // Break on a word when one ends reasonably late; otherwise a hard cut reads better than a stub.
  return `${(lastSpace > maxTitleLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
