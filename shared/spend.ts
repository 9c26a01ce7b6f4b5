// Contract: what the Spend view, the conversation header and the budget read. Every amount is an exact decimal
// string of USD (shared/money.ts); what OpenRouter reports for the key is display-only and stays a number.

import type { Usd } from './money';

/** One bar of the 30-day chart: spend recorded in [start, end) (local midnight to midnight). */
export interface SpendDay {
  start: number;
  total: Usd;
}

export interface SpendByModel {
  /** Null for ledger rows that never named a model. */
  model: string | null;
  total: Usd;
  replies: number;
}

export interface SpendByConversation {
  conversationId: string | null;
  /** Null when the conversation was deleted: its spend stays on record ("deleted conversation"). */
  title: string | null;
  total: Usd;
  replies: number;
}

export interface SpendSummary {
  today: Usd;
  week: Usd;
  month: Usd;
  allTime: Usd;
  /** Ledger rows in all (one per billed generation). */
  entries: number;
  days: SpendDay[];
  byModel: SpendByModel[];
  byConversation: SpendByConversation[];
}

/** What the status bar and the send check need: this month's spend against the person's budget. */
export interface SpendOverview {
  month: Usd;
  /** The monthly budget; null when none is set. */
  budget: Usd | null;
  /** 'YYYY-MM' of the month the 80 % warnings were last shown, so each shows once a month. */
  budgetWarnedMonth: string | null;
  keyLimitWarnedMonth: string | null;
}

/** A conversation's running cost: every reply in every version, and the thread on screen. */
export interface ConversationSpend {
  total: Usd;
  thread: Usd;
  /** Replies whose cost is still being settled with OpenRouter. */
  pending: number;
}

/** GET /key as OpenRouter reports it (USD, across every app using the key); null where it did not say. */
export interface KeyUsage {
  usage: number | null;
  usageDaily: number | null;
  usageWeekly: number | null;
  usageMonthly: number | null;
  limit: number | null;
  limitRemaining: number | null;
}

export interface SpendExport {
  csv: string;
  rows: number;
}
