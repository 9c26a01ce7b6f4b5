// Renderer: the sidebar — New chat, Search, a filter box, and the conversations (pinned first, then newest, under date
// headings), virtualized: only the rows near the viewport are in the DOM, so 5,000 conversations scroll smoothly.

import { useId, useMemo, useState } from 'react';
import { Virtuoso } from 'react-virtuoso';
import { sidebarRows, type SidebarRow } from '../features/history/sidebar-rows';
import { SidebarResizer } from '../features/history/SidebarResizer';
import { searchShortcutLabel } from '../features/history/shortcuts';
import { useMinuteClock } from '../features/history/use-minute-clock';
import { useAppStore } from '../store/use-app-store';
import { ConversationItem } from './ConversationItem';
import '../features/history/history.css';

const rowKey = (_index: number, row: SidebarRow) =>
  row.kind === 'heading' ? `heading-${row.label}` : row.conversation.id;

export function ConversationList() {
  const conversations = useAppStore((s) => s.conversations);
  const loaded = useAppStore((s) => s.conversationsLoaded);
  const activeId = useAppStore((s) => s.activeConversationId);
  const error = useAppStore((s) => s.conversationsError);
  const newChat = useAppStore((s) => s.newChat);
  const loadConversations = useAppStore((s) => s.loadConversations);
  const setSearchOpen = useAppStore((s) => s.setSearchOpen);
  const [filter, setFilter] = useState('');
  const now = useMinuteClock();
  const filterId = useId();
  const rows = useMemo(() => sidebarRows(conversations, filter, now), [conversations, filter, now]);

  return (
    <nav aria-label="Conversations" className="sidebar">
      <div className="sidebar-top">
        <button type="button" className="primary new-chat" onClick={newChat}>
          New chat
        </button>
        <button
          type="button"
          className="sidebar-search"
          title={`Search all conversations (${searchShortcutLabel})`}
          onClick={() => setSearchOpen(true)}
        >
          Search
        </button>
      </div>
      <label htmlFor={filterId} className="visually-hidden">
        Filter conversations
      </label>
      <input
        id={filterId}
        type="search"
        className="sidebar-filter"
        placeholder="Filter by title or model"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && filter !== '') {
            event.preventDefault();
            setFilter('');
          }
        }}
      />
      {error ? (
        <p className="sidebar-note">
          Could not load your conversations.{' '}
          <button type="button" className="link-button" onClick={() => void loadConversations()}>
            Retry
          </button>
        </p>
      ) : null}
      {loaded && rows.length === 0 ? (
        <p className="sidebar-note">
          {filter.trim() !== ''
            ? `No conversation title or model matches “${filter.trim()}”. To look inside messages, use Search.`
            : 'Your conversations will appear here.'}
        </p>
      ) : null}
      <Virtuoso<SidebarRow>
        className="conversation-list"
        role="list"
        data={rows}
        computeItemKey={rowKey}
        increaseViewportBy={{ top: 200, bottom: 400 }}
        itemContent={(_index, row) =>
          row.kind === 'heading' ? (
            <div role="listitem" className="conversation-group">
              <h2>{row.label}</h2>
            </div>
          ) : (
            <ConversationItem conversation={row.conversation} active={row.conversation.id === activeId} now={now} />
          )
        }
      />
      <SidebarResizer />
    </nav>
  );
}
