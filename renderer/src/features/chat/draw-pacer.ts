// Renderer: which running turns are drawn in this frame. A compare streams up to four replies side by side; drawing
// every column's new text in every frame made a frame cost four times what one streaming reply costs (Markdown,
// layout and paint of each column). Instead the columns whose text merely grew take turns, one a frame, the one that
// waited longest first; anything else (a turn starting, its first text, a retry notice, its end) is drawn at once,
// so the time to a column's first token does not depend on how many columns stream. A column whose end is below
// sight (the reader is higher up; use-end-in-sight.ts) is not drawn while only its text grows: parsing and rendering
// text nobody can see cost as much as text on screen, for every column; it is drawn when its end comes into sight,
// or when anything else changes (its end included). Pure, so it is tested alone.

import type { TurnView } from '../../lib/stream-reducer';

/** True when the only change is more text (or reasoning) in a reply that already showed some. */
export function onlyTextGrew(before: TurnView, after: TurnView): boolean {
  return (
    !after.finished &&
    before.assistant !== null &&
    after.assistant !== null &&
    before.assistant.id === after.assistant.id &&
    before.assistant.content !== '' &&
    after.userMessage === before.userMessage &&
    after.conversation === before.conversation &&
    after.error === before.error &&
    after.retrying === before.retrying &&
    after.storageWarning === before.storageWarning
  );
}

export interface ChangedTurn {
  turnId: string;
  /** A turn whose growth may wait a frame or more (a compare column's), see `onlyTextGrew`. */
  paced: boolean;
  /** Its end is below what the reader sees: a paced turn is then held until it is back in sight. */
  endOutOfSight?: boolean;
}

export interface DrawPacer {
  /**
   * The turns to draw now, in the order given; `waiting` says paced turns were left for a later frame (held turns
   * do not count: nothing is due for them until their end is back in sight).
   */
  pick(changed: readonly ChangedTurn[]): { draw: string[]; waiting: boolean };
  /** The turn ended: nothing to remember about it. */
  forget(turnId: string): void;
}

export function createDrawPacer(pacedPerFrame = 1): DrawPacer {
  /** The frame each turn was last drawn in; a turn never drawn counts as drawn before every other. */
  const lastDrawn = new Map<string, number>();
  let frame = 0;
  return {
    pick(all) {
      frame++;
      const changed = all.filter((turn) => !(turn.paced && turn.endOutOfSight));
      const paced = changed
        .filter((turn) => turn.paced)
        .sort((a, b) => (lastDrawn.get(a.turnId) ?? -1) - (lastDrawn.get(b.turnId) ?? -1))
        .slice(0, pacedPerFrame)
        .map((turn) => turn.turnId);
      const draw = changed.filter((turn) => !turn.paced || paced.includes(turn.turnId)).map((turn) => turn.turnId);
      for (const turnId of draw) lastDrawn.set(turnId, frame);
      return { draw, waiting: draw.length < changed.length };
    },
    forget(turnId) {
      lastDrawn.delete(turnId);
    },
  };
}
