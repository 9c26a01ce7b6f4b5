// Renderer: the message list's side of "open at this message": where the list starts when a thread opens for a
// search hit, a scroll when the message is already loaded, and which row is highlighted. Kept out of MessageList so
// that file stays about showing a thread.

import { type RefObject, useEffect, useMemo, useRef } from 'react';
import type { VListHandle } from 'virtua';
import { useAppStore } from '../../store/use-app-store';
import { highlightTerms } from './text-highlight';

export interface RevealTarget {
  /** The row a freshly mounted list should start at (centred); null = the usual (its end). */
  initialIndex: number | null;
  /** The row to highlight. */
  revealedId: string | null;
}

const followMs = 1_500;
const settleMs = [250, 700];

/** The attribute each message row carries, so the highlight can find its text. */
export const messageIdAttribute = 'data-message-id';

export function useRevealMessage(
  list: RefObject<VListHandle | null>,
  rows: readonly ({ id: string } | object)[],
  /** The list is on screen (not loading): a scroll before then would go nowhere. */
  mounted: boolean,
): RevealTarget {
  const reveal = useAppStore((s) => s.reveal);
  const index = useMemo(
    () => (reveal ? rows.findIndex((row) => 'id' in row && row.id === reveal.messageId) : -1),
    [rows, reveal],
  );
  /**
   * When each reveal first scrolled. An older page that lands just after (the list opened near its top) moves the
   * message down, so it is followed for a moment; after that, older pages must not pull the reader back to it.
   */
  const scrolled = useRef<{ nonce: number; at: number } | null>(null);

  useEffect(() => {
    if (!reveal || index < 0 || !mounted) return;
    const now = performance.now();
    if (scrolled.current?.nonce === reveal.nonce && now - scrolled.current.at > followMs) return;
    if (scrolled.current?.nonce !== reveal.nonce) scrolled.current = { nonce: reveal.nonce, at: now };
    const scroll = () => list.current?.scrollToIndex(index, { align: 'center' });
    // After the list's own first positioning, which would otherwise win; then again as the rows above it take their
    // real heights (estimates at first, code blocks highlighted a moment later), so it ends where it was asked to be.
    const frame = requestAnimationFrame(scroll);
    const timers = settleMs.map((ms) => setTimeout(scroll, ms));
    // Once the row is drawn, mark the searched words in it.
    timers.push(
      setTimeout(() => {
        const row = document.querySelector(`[${messageIdAttribute}="${CSS.escape(reveal.messageId)}"]`);
        highlightTerms(row, reveal.terms);
      }, 200),
    );
    return () => {
      cancelAnimationFrame(frame);
      timers.forEach(clearTimeout);
    };
  }, [reveal, index, mounted, list]);

  return {
    initialIndex: index >= 0 ? index : null,
    revealedId: index >= 0 ? (reveal?.messageId ?? null) : null,
  };
}
