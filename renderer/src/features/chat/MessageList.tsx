// Renderer: the open conversation, virtualized: only the rows near the viewport are in the DOM. It opens at the end,
// loads older pages as the reader scrolls up (keeping their place), follows a streaming reply unless the reader
// scrolled up, and then offers "Jump to latest".

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { VList, type VListHandle } from 'virtua';
import type { Message } from '../../../../shared/domain';
import { MessageRow } from '../../components/MessageRow';
import { selectOpenTurn } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { messageIdAttribute, useRevealMessage } from '../history/use-reveal-message';
import { visibleThread } from './chat-slice';
import { LiveReply } from './LiveReply';
import styles from './message-list.module.css';

/** The row of the reply being streamed: a stable marker, so the list's data does not change on every frame. */
interface LiveRow {
  live: string;
}
type Row = Message | LiveRow;

const isLive = (row: Row): row is LiveRow => 'live' in row;

/** Within this many pixels of the end the reader counts as "at the end": new output is followed. */
const atEndSlack = 48;
/** Within this many pixels of the top the next older page is asked for, before the reader reaches it. */
const loadOlderWithin = 600;

function OlderLoading() {
  const loading = useAppStore((s) => s.olderLoading);
  return (
    <div className={styles.listEdge} aria-live="polite">
      {loading ? 'Loading earlier messages…' : null}
    </div>
  );
}

export function MessageList() {
  const messages = useAppStore((s) => s.messages);
  const loading = useAppStore((s) => s.messagesLoading);
  const generation = useAppStore((s) => s.threadGeneration);
  const turnId = useAppStore((s) => selectOpenTurn(s)?.id ?? null);
  const cutAfterId = useAppStore((s) => selectOpenTurn(s)?.cutAfterId ?? null);
  const liveReplyId = useAppStore((s) => selectOpenTurn(s)?.reply?.id ?? null);
  const pendingUser = useAppStore((s) => selectOpenTurn(s)?.pendingUser ?? null);

  const rows = useMemo<Row[]>(() => {
    const shown: Row[] = [...visibleThread(messages, cutAfterId, liveReplyId)];
    if (pendingUser) shown.push(pendingUser);
    if (turnId) shown.push({ live: turnId });
    return shown;
  }, [messages, cutAfterId, liveReplyId, pendingUser, turnId]);

  if (loading || rows.length === 0) {
    return <div className={styles.messageLog} role="log" aria-label="Messages" aria-busy={loading || undefined} />;
  }
  // A new thread (another conversation, another version) starts again at its end.
  return <ThreadList key={generation} rows={rows} turnId={turnId} />;
}

function ThreadList({ rows, turnId }: { rows: Row[]; turnId: string | null }) {
  const firstItemIndex = useAppStore((s) => s.firstItemIndex);
  const loadOlder = useAppStore((s) => s.loadOlder);
  const list = useRef<VListHandle>(null);
  const following = useRef(true);
  // Scroll events come from the list's own moves (opening at the end, following a reply, re-measuring) as well as
  // from the reader; only the reader's say where they want to be.
  const readerMoved = useRef(false);
  const [atEnd, setAtEnd] = useState(true);

  // Rows added above (an older page) must not move what the reader is looking at: for the render that adds them the
  // list keeps its distance from the end instead of from the start. Derived while rendering, from the previous rows.
  const [seen, setSeen] = useState({ rows, firstItemIndex, prepended: false });
  if (seen.rows !== rows) setSeen({ rows, firstItemIndex, prepended: firstItemIndex < seen.firstItemIndex });
  // Only that render: afterwards a row growing below (a late-highlighted code block) must push only what is below it.
  // The list's `shift` is a one-render signal, so it is cleared before paint; no other render can express that.
  useLayoutEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (seen.prepended) setSeen((current) => ({ ...current, prepended: false }));
  }, [seen]);

  const lastIndex = useRef(rows.length - 1);
  useLayoutEffect(() => {
    lastIndex.current = rows.length - 1;
  }, [rows.length]);
  // A search hit or find match: where the list opens, and which row is highlighted.
  const { initialIndex, revealedId } = useRevealMessage(list, rows, true);

  const toEnd = useCallback(() => {
    readerMoved.current = false;
    list.current?.scrollToIndex(lastIndex.current, { align: 'end' });
  }, []);

  // Opening: at the end (or at a searched-for message), before the first paint. New rows at the end are followed
  // while the reader is there.
  const opening = useRef(true);
  useLayoutEffect(() => {
    if (opening.current && initialIndex !== null) {
      following.current = false;
      list.current?.scrollToIndex(initialIndex, { align: 'center' });
    } else if (following.current) toEnd();
    opening.current = false;
  }, [rows.length, initialIndex, toEnd]);

  // Sending means "show me the end", even to a reader who had scrolled up.
  useLayoutEffect(() => {
    if (!turnId) return;
    following.current = true;
    toEnd();
  }, [turnId, toEnd]);

  const onScroll = useCallback(
    (offset: number) => {
      const handle = list.current;
      if (!handle || !readerMoved.current) return;
      const fromEnd = handle.scrollSize - handle.viewportSize - offset;
      following.current = fromEnd <= atEndSlack;
      setAtEnd(following.current);
      if (offset < loadOlderWithin) void loadOlder();
    },
    [loadOlder],
  );

  const markReaderMoved = useCallback(() => {
    readerMoved.current = true;
  }, []);

  // A streaming reply grows in place; keep its end in view while the reader follows it.
  const onResize = useCallback(() => {
    if (following.current) toEnd();
  }, [toEnd]);

  return (
    <div className={styles.messageList}>
      <OlderLoading />
      <VList
        ref={list}
        className={styles.messageLog}
        role="log"
        aria-label="Messages"
        tabIndex={0}
        data={rows}
        shift={seen.prepended}
        bufferSize={600}
        onScroll={onScroll}
        onWheel={markReaderMoved}
        onPointerDown={markReaderMoved}
        onTouchStart={markReaderMoved}
        onKeyDown={markReaderMoved}
        onResize={onResize}
      >
        {(row: Row) => (
          <div
            key={isLive(row) ? `live-${row.live}` : row.id}
            className={styles.slot}
            data-revealed={(!isLive(row) && row.id === revealedId) || undefined}
            {...(isLive(row) ? {} : { [messageIdAttribute]: row.id })}
          >
            {isLive(row) ? <LiveReply turnId={row.live} /> : <MessageRow message={row} />}
          </div>
        )}
      </VList>
      {atEnd ? null : (
        <button
          type="button"
          className={styles.jumpToLatest}
          onClick={() => {
            following.current = true;
            toEnd();
          }}
        >
          Jump to latest ↓
        </button>
      )}
    </div>
  );
}
