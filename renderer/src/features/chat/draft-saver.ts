// Saves what is typed in the composer, per conversation, without a write per keystroke: a save waits until typing
// pauses (~400 ms), and switching conversation (or closing the page) saves at once.

export const draftSaveDelayMs = 400;

/** `null` is the new chat that has no conversation yet. */
export type DraftKey = string | null;

export interface DraftSaver {
  /** The text changed: save it once typing pauses. A later change for the same key replaces an unsaved one. */
  change(key: DraftKey, text: string): void;
  /** Save anything waiting now; resolves once the host has answered. */
  flush(): Promise<void>;
  /** True while a change has not reached the host yet. */
  pending(): boolean;
}

export interface DraftSaverDeps {
  save(key: DraftKey, text: string): Promise<unknown>;
  setTimer(callback: () => void, ms: number): () => void;
  /** Called when the saver goes from idle to waiting and back, so the page can say whether the draft is saved. */
  onPendingChange?(pending: boolean): void;
}

export function createDraftSaver({ save, setTimer, onPendingChange }: DraftSaverDeps): DraftSaver {
  /** Unsaved text per key: switching quickly between conversations must not drop the first one's change. */
  const waiting = new Map<DraftKey, string>();
  let cancelTimer: (() => void) | null = null;
  let inFlight = 0;
  let wasPending = false;

  const report = () => {
    const now = waiting.size > 0 || inFlight > 0;
    if (now !== wasPending) {
      wasPending = now;
      onPendingChange?.(now);
    }
  };

  const flush = async () => {
    cancelTimer?.();
    cancelTimer = null;
    const batch = [...waiting];
    waiting.clear();
    inFlight += batch.length;
    report();
    await Promise.all(
      batch.map(async ([key, text]) => {
        try {
          await save(key, text);
        } finally {
          inFlight--;
        }
      }),
    );
    report();
  };

  return {
    change(key, text) {
      waiting.set(key, text);
      cancelTimer?.();
      cancelTimer = setTimer(() => void flush(), draftSaveDelayMs);
      report();
    },
    flush,
    pending: () => waiting.size > 0 || inFlight > 0,
  };
}
