// Core: a conversation as a readable Markdown document — the thread that was on screen, each reply with its model,
// tokens and cost. Other versions are counted, not shown: the JSON export is the one that keeps everything.

import type { ExportedConversation, ExportedMessage } from './export-format';

/** Role lines the Markdown import recognises again (markdown-import.ts), so an exported file imports back. */
export const userHeading = '### You';
export const assistantHeading = '### Assistant';

// To the millisecond: the import orders conversations by these times, and two can be active in the same second.
const iso = (ms: number) => new Date(ms).toISOString();

/** The current thread, root first: walks up from the leaf the conversation was showing. */
export function currentThread(conversation: ExportedConversation): ExportedMessage[] {
  const byId = new Map(conversation.messages.map((m) => [m.id, m]));
  const leaf =
    (conversation.currentLeafId !== null ? byId.get(conversation.currentLeafId) : undefined) ??
    conversation.messages.at(-1);
  const path: ExportedMessage[] = [];
  const seen = new Set<string>();
  for (let m = leaf; m && !seen.has(m.id); m = m.parentId !== null ? byId.get(m.parentId) : undefined) {
    seen.add(m.id);
    path.push(m);
  }
  return path.reverse();
}

function costText(amount: string): string {
  const usd = Number(amount);
  if (usd === 0) return 'free';
  return `$${usd < 0.01 ? usd.toPrecision(2) : usd.toFixed(4)}`;
}

function replyMeta(message: ExportedMessage): string {
  const parts: string[] = [];
  if (message.model) parts.push(message.model);
  const tokens = message.usage?.totalTokens;
  if (tokens !== null && tokens !== undefined) parts.push(`${tokens.toLocaleString('en-US')} tokens`);
  const cost = message.usage?.costUsd;
  if (cost !== null && cost !== undefined) parts.push(costText(cost));
  if (message.status !== 'complete') parts.push(message.status);
  return parts.join(' · ');
}

export function conversationToMarkdown(conversation: ExportedConversation): string {
  const siblings = new Map<string, number>();
  for (const m of conversation.messages) {
    const key = `${m.parentId ?? ''}\u0000${m.role}`;
    siblings.set(key, (siblings.get(key) ?? 0) + 1);
  }
  const lines = [
    `# ${conversation.title.replace(/\s+/g, ' ').trim() || 'Untitled'}`,
    '',
    `- Model: ${conversation.model}`,
    `- Started: ${iso(conversation.createdAt)}`,
    `- Last activity: ${iso(conversation.updatedAt)}`,
    '',
  ];
  for (const message of currentThread(conversation)) {
    const heading = message.role === 'user' ? userHeading : assistantHeading;
    const meta = message.role === 'assistant' ? replyMeta(message) : '';
    lines.push(`${heading}${meta ? ` (${meta})` : ''}`, '', message.content, '');
    const others = (siblings.get(`${message.parentId ?? ''}\u0000${message.role}`) ?? 1) - 1;
    if (others > 0) {
      const what = message.role === 'user' ? 'question' : 'reply';
      lines.push(
        `_This ${what} has ${others} other version${others === 1 ? '' : 's'}; the JSON export keeps them._`,
        '',
      );
    }
  }
  return lines.join('\n');
}

/** A file name that is valid on every platform, readable, and unique within one export (the id's start). */
export function markdownFileName(conversation: Pick<ExportedConversation, 'id' | 'title'>, extension = 'md'): string {
  const readable =
    conversation.title
      .normalize('NFC')
      // Characters no file system accepts in a name, and control characters.
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\p{Cc}+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, 60)
      .trim() || 'Untitled';
  const short = conversation.id.replace(/[^\w-]/g, '').slice(0, 8);
  return `${readable} (${short}).${extension}`;
}
