// Several replies stream at once, one per conversation: events from every running turn share one frame batch and
// are folded here, each into its own turn. Pure, so interleaving is testable without a store.

import type { ChatStreamEvent } from '../../../../shared/domain';
import { emptyTurn, reduceStream, type TurnView } from '../../lib/stream-reducer';

/** An event, labelled with the turn it belongs to (a turn is one send, regenerate, edit or continue). */
export interface TurnEvent {
  turnId: string;
  event: ChatStreamEvent;
}

export type TurnViews = Readonly<Record<string, TurnView>>;

/**
 * Applies a batch of interleaved events. Each turn sees only its own events, in the order they arrived; a turn
 * with no events in the batch keeps its object, and the whole map is the same object when nothing changed.
 */
export function reduceTurns(views: TurnViews, batch: readonly TurnEvent[]): TurnViews {
  const byTurn = new Map<string, ChatStreamEvent[]>();
  for (const { turnId, event } of batch) {
    const list = byTurn.get(turnId);
    if (list) list.push(event);
    else byTurn.set(turnId, [event]);
  }
  let next: Record<string, TurnView> | null = null;
  for (const [turnId, events] of byTurn) {
    const before = views[turnId] ?? emptyTurn;
    const after = reduceStream(before, events);
    if (after === before) continue;
    next ??= { ...views };
    next[turnId] = after;
  }
  return next ?? views;
}

/** The turns whose view changed between two maps: the store commits only these. */
export function changedTurns(before: TurnViews, after: TurnViews): string[] {
  if (before === after) return [];
  return Object.keys(after).filter((turnId) => after[turnId] !== before[turnId]);
}
