// Renderer: the sidebar's rows — conversations and compares filtered by what the person typed, under date headings.

import type { Compare } from '../../../../shared/compare';
import type { Conversation } from '../../../../shared/domain';

export type SidebarRow =
  | { kind: 'heading'; label: string }
  | { kind: 'conversation'; conversation: Conversation }
  /** A compare, listed once in place of its columns' conversations, at its newest column's activity. */
  | { kind: 'compare'; compare: Compare; updatedAt: number };

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
export function matchesFilter(conversation: Pick<Conversation, 'title' | 'model'>, filter: string): boolean {
  const words = filter.toLocaleLowerCase().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${conversation.title}\n${conversation.model}`.toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** A compare matches by its title or any of its columns' models. */
function compareMatches(compare: Compare, filter: string): boolean {
  const models = compare.columns.map((column) => column.model).join('\n');
  return matchesFilter({ title: compare.title, model: models }, filter);
}

/**
 * `conversations` arrive sorted (pinned first, then newest); headings are inserted where the group changes. A compare's
 * columns are not listed: the compare is, once, among the unpinned conversations by its newest activity (its own, or
 * any column's as the list now has it, so a round moves it up at once).
 */
export function sidebarRows(
  conversations: readonly Conversation[],
  filter: string,
  now: Date,
  compares: readonly Compare[] = [],
): SidebarRow[] {
  const activity = new Map<string, number>();
  for (const conversation of conversations) {
    if (conversation.compareId === undefined) continue;
    activity.set(conversation.compareId, Math.max(activity.get(conversation.compareId) ?? 0, conversation.updatedAt));
  }
  const pending = compares
    .filter((compare) => compareMatches(compare, filter))
    .map((compare) => ({ compare, updatedAt: Math.max(compare.updatedAt, activity.get(compare.id) ?? 0) }))
    .sort((a, b) => b.updatedAt - a.updatedAt);
  const rows: SidebarRow[] = [];
  let current: string | null = null;
  const push = (group: string, row: SidebarRow) => {
    if (group !== current) {
      rows.push({ kind: 'heading', label: group });
      current = group;
    }
    rows.push(row);
  };
  const pushComparesFrom = (at: number) => {
    while (pending.length > 0 && pending[0]!.updatedAt >= at) {
      const entry = pending.shift()!;
      push(ageGroup(entry.updatedAt, now), { kind: 'compare', ...entry });
    }
  };
  for (const conversation of conversations) {
    if (conversation.compareId !== undefined || !matchesFilter(conversation, filter)) continue;
    if (!conversation.pinned) pushComparesFrom(conversation.updatedAt);
    push(conversation.pinned ? 'Pinned' : ageGroup(conversation.updatedAt, now), {
      kind: 'conversation',
      conversation,
    });
  }
  pushComparesFrom(-Infinity);
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
