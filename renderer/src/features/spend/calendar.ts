// The person's own calendar, in their time zone: where today, this week (from Monday), this month and each of the
// last 30 days begin. The core sums the ledger between these instants.

export function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

export function startOfWeek(ms: number): number {
  const d = new Date(ms);
  const sinceMonday = (d.getDay() + 6) % 7;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - sinceMonday).getTime();
}

export function startOfMonth(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
}

/** "2026-12": the month a budget warning belongs to. */
export function monthKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** 31 local midnights: the starts of the last 30 days (today last), then tomorrow's, which ends today. */
export function last30DayStarts(ms: number): number[] {
  const d = new Date(ms);
  // Built from the calendar, not by adding 24 h, so days across a clock change still start at midnight.
  return Array.from({ length: 31 }, (_, i) => new Date(d.getFullYear(), d.getMonth(), d.getDate() - 29 + i).getTime());
}
