// Renderer: search hits grouped by conversation, in the order of each conversation's best hit.

import type { SearchHit } from '../../../../shared/library';

export interface SearchGroup {
  conversationId: string;
  title: string;
  hits: SearchHit[];
}

export function groupHits(hits: readonly SearchHit[]): SearchGroup[] {
  const groups = new Map<string, SearchGroup>();
  for (const hit of hits) {
    let group = groups.get(hit.conversationId);
    if (!group) {
      group = { conversationId: hit.conversationId, title: hit.conversationTitle, hits: [] };
      groups.set(hit.conversationId, group);
    }
    group.hits.push(hit);
  }
  return [...groups.values()];
}

export type DateRange = 'any' | 'day' | 'week' | 'month' | 'year';

export const dateRanges: { value: DateRange; label: string }[] = [
  { value: 'any', label: 'Any time' },
  { value: 'day', label: 'Past 24 hours' },
  { value: 'week', label: 'Past 7 days' },
  { value: 'month', label: 'Past 30 days' },
  { value: 'year', label: 'Past year' },
];

const rangeDays: Record<Exclude<DateRange, 'any'>, number> = { day: 1, week: 7, month: 30, year: 365 };

/** The earliest time a range includes; undefined for any time. */
export function sinceFor(range: DateRange, now: number): number | undefined {
  return range === 'any' ? undefined : now - rangeDays[range] * 24 * 60 * 60 * 1000;
}
