// Renderer: find in this conversation (Ctrl/Cmd+F). Searches the whole current thread in the database, not only the
// loaded pages, and steps through the matches with Enter / Shift+Enter or the arrows, loading further back as needed.

import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store/use-app-store';

const typingPauseMs = 150;

export function FindBar() {
  const open = useAppStore((s) => s.findOpen);
  const conversationId = useAppStore((s) => s.activeConversationId);
  return open && conversationId ? <FindPanel key={conversationId} conversationId={conversationId} /> : null;
}

function FindPanel({ conversationId }: { conversationId: string }) {
  const setFindOpen = useAppStore((s) => s.setFindOpen);
  const find = useAppStore((s) => s.findInOpenConversation);
  const openMessage = useAppStore((s) => s.openMessage);
  const focusNonce = useAppStore((s) => s.findFocusNonce);
  const [query, setQuery] = useState('');
  /** The matches for `query` (as last answered) and which one is shown. */
  const [found, setFound] = useState<{ query: string; ids: string[]; failed: boolean }>({
    query: '',
    ids: [],
    failed: false,
  });
  const [current, setCurrent] = useState(-1);
  const blank = query.trim() === '';
  const matches = blank ? [] : found.ids;
  const failed = !blank && found.failed;
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(0);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusNonce]);

  useEffect(() => {
    const mine = ++latest.current;
    if (blank) return;
    const timer = setTimeout(() => {
      void find(query).then((result) => {
        if (mine !== latest.current) return;
        const ids = result.ok ? result.value.messageIds : [];
        setFound({ query, ids, failed: !result.ok });
        // Start with the newest match: the conversation opens at its end.
        setCurrent(ids.length - 1);
        const last = ids.at(-1);
        if (last) void openMessage(conversationId, last, query.split(/\s+/u).filter(Boolean));
      });
    }, typingPauseMs);
    return () => clearTimeout(timer);
  }, [blank, query, find, openMessage, conversationId]);

  const step = (by: number) => {
    if (matches.length === 0) return;
    const next = (current + by + matches.length) % matches.length;
    setCurrent(next);
    const id = matches[next];
    if (id) void openMessage(conversationId, id, query.split(/\s+/u).filter(Boolean));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      // Closing the bar is what Esc does here; it must not also stop a reply.
      event.preventDefault();
      event.stopPropagation();
      setFindOpen(false);
    }
  };

  const count = blank
    ? ''
    : failed
      ? 'Could not search'
      : matches.length === 0
        ? 'No matches'
        : `${current + 1} of ${matches.length}`;

  return (
    <div className="find-bar" role="search" aria-label="Find in this conversation">
      <input
        ref={input}
        type="search"
        aria-label="Find in this conversation"
        placeholder="Find in this conversation"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="find-count" aria-live="polite">
        {count}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={matches.length === 0}
        onClick={() => step(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={matches.length === 0}
        onClick={() => step(1)}
      >
        ↓
      </button>
      <button type="button" className="icon-button" aria-label="Close find" onClick={() => setFindOpen(false)}>
        ×
      </button>
    </div>
  );
}
