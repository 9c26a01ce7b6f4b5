// Renderer: the open conversation, virtualized: only the rows near the viewport are in the DOM. It opens at the end,
// loads older pages as the reader scrolls up (keeping their place), follows a streaming reply unless the reader
// scrolled up, and then offers "Jump to latest".

import { forwardRef, type HTMLAttributes, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import type { Message } from '../../../../shared/domain';
import { MessageRow } from '../../components/MessageRow';
import { selectOpenTurn } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { visibleThread } from './chat-slice';
import { LiveReply } from './LiveReply';
import { messageIdAttribute, useRevealMessage } from '../history/use-reveal-message';

/** The row of the reply being streamed: a stable marker, so the list's data does not change on every frame. */
interface LiveRow {
  live: string;
}
type Row = Message | LiveRow;

const isLive = (row: Row): row is LiveRow => 'live' in row;

/** The scroller is the log itself: focusable, so the keyboard can scroll it, and named for screen readers. */
const Scroller = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(function Scroller(props, ref) {
  return <div {...props} ref={ref} role="log" aria-label="Messages" />;
});

function OlderLoading() {
  const loading = useAppStore((s) => s.olderLoading);
  return (
    <div className="list-edge" aria-live="polite">
      {loading ? 'Loading earlier messages…' : null}
    </div>
  );
}

function ListEnd() {
  return <div className="list-end" />;
}

const components = { Scroller, Header: OlderLoading, Footer: ListEnd };

export function MessageList() {
  const messages = useAppStore((s) => s.messages);
  const loading = useAppStore((s) => s.messagesLoading);
  const firstItemIndex = useAppStore((s) => s.firstItemIndex);
  const generation = useAppStore((s) => s.threadGeneration);
  const loadOlder = useAppStore((s) => s.loadOlder);
  const turnId = useAppStore((s) => selectOpenTurn(s)?.id ?? null);
  const cutAfterId = useAppStore((s) => selectOpenTurn(s)?.cutAfterId ?? null);
  const liveReplyId = useAppStore((s) => selectOpenTurn(s)?.reply?.id ?? null);
  const pendingUser = useAppStore((s) => selectOpenTurn(s)?.pendingUser ?? null);
  const virtuoso = useRef<VirtuosoHandle>(null);
  const [atBottom, setAtBottom] = useState(true);

  const rows = useMemo<Row[]>(() => {
    const shown: Row[] = [...visibleThread(messages, cutAfterId, liveReplyId)];
    if (pendingUser) shown.push(pendingUser);
    if (turnId) shown.push({ live: turnId });
    return shown;
  }, [messages, cutAfterId, liveReplyId, pendingUser, turnId]);

  // A search hit or find match: where the list opens, and which row is highlighted.
  const { initialIndex, revealedId } = useRevealMessage(virtuoso, rows, !loading && rows.length > 0);

  // Sending means "show me the end", even to a reader who had scrolled up.
  useEffect(() => {
    if (turnId) virtuoso.current?.scrollToIndex({ index: 'LAST', align: 'end' });
  }, [turnId]);

  const jumpToLatest = useCallback(() => {
    virtuoso.current?.scrollToIndex({ index: 'LAST', align: 'end' });
  }, []);

  if (loading || rows.length === 0) {
    return <div className="message-log" role="log" aria-label="Messages" aria-busy={loading || undefined} />;
  }
  return (
    <div className="message-list">
      <Virtuoso<Row>
        // A new thread (another conversation, another version) starts again at its end.
        key={generation}
        ref={virtuoso}
        className="message-log"
        data={rows}
        firstItemIndex={firstItemIndex}
        initialTopMostItemIndex={initialIndex ?? { index: 'LAST', align: 'end' }}
        computeItemKey={(_index, row) => (isLive(row) ? `live-${row.live}` : row.id)}
        itemContent={(_index, row) => (
          <div
            className={`message-slot${!isLive(row) && row.id === revealedId ? ' revealed' : ''}`}
            {...(isLive(row) ? {} : { [messageIdAttribute]: row.id })}
          >
            {isLive(row) ? <LiveReply turnId={row.live} /> : <MessageRow message={row} />}
          </div>
        )}
        startReached={() => void loadOlder()}
        // Follow new output only while the reader is at the end; scrolling up is a request to stay put.
        followOutput={(bottom) => (bottom ? 'auto' : false)}
        atBottomStateChange={setAtBottom}
        atBottomThreshold={48}
        increaseViewportBy={{ top: 600, bottom: 300 }}
        components={components}
      />
      {atBottom ? null : (
        <button type="button" className="jump-to-latest" onClick={jumpToLatest}>
          Jump to latest ↓
        </button>
      )}
    </div>
  );
}
