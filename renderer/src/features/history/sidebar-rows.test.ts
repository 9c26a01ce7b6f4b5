import { describe, expect, it } from 'vitest';
import type { Compare } from '../../../../shared/compare';
import type { Conversation } from '../../../../shared/domain';
import { activityTime, ageGroup, matchesFilter, shortModel, sidebarRows } from './sidebar-rows';

const now = new Date(2026, 5, 15, 14, 30);
const at = (days: number, hour = 9) => new Date(2026, 5, 15 - days, hour).getTime();
const conversation = (id: string, updatedAt: number, over: Partial<Conversation> = {}): Conversation => ({
  id,
  title: id,
  model: 'openai/gpt-4o-mini',
  createdAt: 0,
  updatedAt,
  maxOutputTokens: null,
  pinned: false,
  settings: {},
  ...over,
});

describe('sidebar rows', () => {
  it('groups by local day: today, yesterday, the previous 7 and 30 days, older', () => {
    expect(ageGroup(at(0, 0), now)).toBe('Today');
    expect(ageGroup(at(1, 23), now)).toBe('Yesterday');
    expect(ageGroup(at(7, 0), now)).toBe('Previous 7 days');
    expect(ageGroup(at(8), now)).toBe('Previous 30 days');
    expect(ageGroup(at(31), now)).toBe('Older');
  });

  it('puts headings where the group changes, pinned first, and filters by title or model words', () => {
    const list = [
      conversation('Pinned plan', at(40), { pinned: true }),
      conversation('Trip to Oslo', at(0)),
      conversation('Oslo weather', at(0), { model: 'anthropic/claude-3.5' }),
      conversation('Tax notes', at(3)),
    ];
    const labels = (filter: string) =>
      sidebarRows(list, filter, now).map((row) =>
        row.kind === 'heading' ? `# ${row.label}` : row.kind === 'conversation' ? row.conversation.id : '',
      );
    expect(labels('')).toEqual([
      '# Pinned',
      'Pinned plan',
      '# Today',
      'Trip to Oslo',
      'Oslo weather',
      '# Previous 7 days',
      'Tax notes',
    ]);
    expect(labels('oslo CLAUDE')).toEqual(['# Today', 'Oslo weather']);
    expect(labels('nothing')).toEqual([]);
    expect(matchesFilter(conversation('A', 0), '   ')).toBe(true);
  });

  it('names the model and the time briefly', () => {
    expect(shortModel('openai/gpt-4o')).toBe('gpt-4o');
    expect(shortModel('local')).toBe('local');
    expect(activityTime(at(0, 9), now, 'en-GB')).toBe('09:00');
    expect(activityTime(at(2), now, 'en-GB')).toBe(new Date(at(2)).toLocaleDateString('en-GB', { weekday: 'short' }));
    expect(activityTime(at(40), now, 'en-GB')).toBe('6 May');
    expect(activityTime(new Date(2024, 0, 2).getTime(), now, 'en-GB')).toBe('2 Jan 2024');
  });
});

describe('compares in the sidebar', () => {
  const compare = (id: string, updatedAt: number, models = ['openai/gpt-4o', 'anthropic/claude-3.5']): Compare => ({
    id,
    title: `Compare ${id}`,
    createdAt: 0,
    updatedAt,
    columns: models.map((model, position) => ({
      conversationId: `${id}-${position}`,
      model,
      position,
      continuedAt: null,
    })),
    merges: [],
  });
  const labels = (rows: ReturnType<typeof sidebarRows>) =>
    rows.map((row) =>
      row.kind === 'heading'
        ? `# ${row.label}`
        : row.kind === 'compare'
          ? `compare ${row.compare.id}`
          : row.conversation.id,
    );

  it('lists a compare once, in place of its columns, by its newest column’s activity, never among the pinned', () => {
    const list = [
      conversation('Pinned', at(40), { pinned: true }),
      conversation('p1-1', at(0, 12), { compareId: 'p1' }),
      conversation('Morning chat', at(0, 10)),
      conversation('p1-0', at(2), { compareId: 'p1' }),
      conversation('Old chat', at(3)),
    ];
    expect(labels(sidebarRows(list, '', now, [compare('p1', at(5)), compare('p2', at(4))]))).toEqual([
      '# Pinned',
      'Pinned',
      '# Today',
      'compare p1',
      'Morning chat',
      '# Previous 7 days',
      'Old chat',
      'compare p2',
    ]);
  });

  it('filters compares by title or by any column’s model', () => {
    const compares = [compare('p1', at(0)), compare('p2', at(0), ['google/gemini-2.5-pro', 'x-ai/grok-4'])];
    expect(labels(sidebarRows([], 'grok', now, compares))).toEqual(['# Today', 'compare p2']);
    expect(labels(sidebarRows([], 'compare p1', now, compares))).toEqual(['# Today', 'compare p1']);
  });
});
