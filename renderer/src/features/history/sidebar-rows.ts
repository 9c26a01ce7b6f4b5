// Renderer: the sidebar's rows — conversations filtered by what the person typed, under date headings.

import type { Conversation } from '../../../../shared/domain';

export type SidebarRow = { kind: 'heading'; label: string } | { kind: 'conversation'; conversation: Conversation };

/** Local midnight `days` days before `now`'s day. */
const startOfDay = (now: Date, days = 0) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - days).getTime();

/** The heading a conversation's last activity falls under. */
export function ageGroup(updatedAt: number, now: Date): string {
  if (updatedAt >= startOfDay(now)) return 'Today';
  if (updatedAt >= startOfDay(now, 1)) return 'Yesterday';
  if (updatedAt >= startOfDay(now, 7)) return 'Previous 7 days';
  if (updatedAt >= startOfDay(now, 30)) return 'Previous 30 days';
  return 'Older';
}

/** Every word must appear in the title or the model id, in any case and order. */
export function matchesFilter(conversation: Conversation, filter: string): boolean {
  const words = filter.toLocaleLowerCase().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${conversation.title}\n${conversation.model}`.toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** `conversations` arrive sorted (pinned first, then newest); headings are inserted where the group changes. */
export function sidebarRows(conversations: readonly Conversation[], filter: string, now: Date): SidebarRow[] {
  const rows: SidebarRow[] = [];
  let current: string | null = null;
  for (const conversation of conversations) {
    if (!matchesFilter(conversation, filter)) continue;
    const group = conversation.pinned ? 'Pinned' : ageGroup(conversation.updatedAt, now);
    if (group !== current) {
      rows.push({ kind: 'heading', label: group });
      current = group;
    }
    rows.push({ kind: 'conversation', conversation });
  }
  return rows;
}

/** The model without its author ("openai/gpt-4o" → "gpt-4o"): the part that tells conversations apart. */
export const shortModel = (model: string) => model.slice(model.indexOf('/') + 1);

/** When, as briefly as is unambiguous: a time today, a weekday this week, a date otherwise. */
export function activityTime(at: number, now: Date, locale?: string): string {
  const date = new Date(at);
  if (at >= startOfDay(now)) return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (at >= startOfDay(now, 6)) return date.toLocaleDateString(locale, { weekday: 'short' });
  const sameYear = date.getFullYear() === now.getFullYear();
  return date.toLocaleDateString(locale, sameYear ? { day: 'numeric', month: 'short' } : { dateStyle: 'medium' });
}
