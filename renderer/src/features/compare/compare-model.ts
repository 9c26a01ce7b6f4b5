// Renderer: the pure rules of a compare on screen — which columns take a round, what a column's thread becomes after
// a turn, the round's total, and the estimate that covers every column. Kept apart from the slice so they are tested.

import type { CompareColumn } from '../../../../shared/compare';
import type { CostRange } from '../../../../shared/cost-estimate';
import type { Message } from '../../../../shared/domain';
import { sumUsd, type Usd } from '../../../../shared/money';
import type { TurnView } from '../../lib/stream-reducer';

/** Columns that take the next round: every column not continued as a conversation of its own, left to right. */
export const liveColumns = (columns: readonly CompareColumn[]): CompareColumn[] =>
  columns.filter((column) => column.continuedAt === null).sort((a, b) => a.position - b.position);

/**
 * The column's thread once a turn ended: the question (new, or the same one answered again by Retry) and the
 * reply in place of the one it replaces. A turn the core never started leaves the thread as it was.
 */
export function threadAfterTurn(thread: readonly Message[], ended: TurnView): Message[] {
  const { userMessage, assistant } = ended;
  if (!userMessage || !assistant) return [...thread];
  const at = thread.findIndex((message) => message.id === userMessage.id);
  const before = at === -1 ? [...thread] : thread.slice(0, at);
  return [...before, userMessage, assistant];
}

/** The last reply of each column's thread, in column order (null where the column has none yet). */
export function lastReplies(columns: readonly CompareColumn[], threads: Record<string, readonly Message[]>) {
  return columns.map((column) => {
    const thread = threads[column.conversationId] ?? [];
    const last = thread.at(-1);
    return last?.role === 'assistant' ? last : null;
  });
}

/**
 * What the last round cost across the columns: the exact sum of the replies' reported costs, and whether some
 * reply's cost is not known (yet), so the total is shown as "at least".
 */
export function roundTotal(replies: readonly (Message | null)[]): { total: Usd; complete: boolean } | null {
  const answered = replies.filter((reply): reply is Message => reply !== null);
  if (answered.length === 0) return null;
  const costs = answered.map((reply) => reply.usage?.costUsd ?? null);
  return { total: sumUsd(costs), complete: costs.every((cost) => cost !== null) };
}

/** The estimate beside Send for a round: the columns' ranges added; null when no column has a priced model. */
export function sumEstimates(ranges: readonly (CostRange | null)[]): CostRange | null {
  const known = ranges.filter((range): range is CostRange => range !== null);
  if (known.length === 0) return null;
  return {
    low: sumUsd(known.map((range) => range.low)),
    high: sumUsd(known.map((range) => range.high)),
  };
}
