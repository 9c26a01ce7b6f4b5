// Renderer: the sidebar — New chat, Search, a filter box, and the conversations (pinned first, then newest, under date
// headings), virtualized: only the rows near the viewport are in the DOM, so 5,000 conversations scroll smoothly.

import { Fragment, type KeyboardEvent, type MouseEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Virtuoso } from 'react-virtuoso';
import { sidebarRows, type SidebarRow } from '../features/history/sidebar-rows';
import { drawEveryRow } from '../features/history/every-row';
import { SidebarResizer } from '../features/history/SidebarResizer';
import { sidebarId, sidebarToggleId } from '../features/history/SidebarToggle';
import { shortcutLabel } from '../lib/keyboard';
import { useMinuteClock } from '../features/history/use-minute-clock';
import { useAppStore } from '../store/use-app-store';
import { ConversationItem } from './ConversationItem';
import { CompareItem } from '../features/compare/CompareItem';
import { opensRowAttribute } from './SidebarEntry';
import clsx from 'clsx';
import styles from '../features/history/sidebar.module.css';
import '../features/history/history.css';

const rowKey = (_index: number, row: SidebarRow) =>
  row.kind === 'heading'
    ? `heading-${row.label}`
    : row.kind === 'compare'
      ? `compare-${row.compare.id}`
      : row.conversation.id;

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
  const compares = useAppStore((s) => s.compares);
  const activeCompareId = useAppStore((s) => s.compareView?.compare?.id ?? null);
  const showingCompare = useAppStore((s) => s.compareView !== null);
  const rows = useMemo(() => sidebarRows(conversations, filter, now, compares), [conversations, filter, now, compares]);
  // In a narrow window the sidebar opens over the conversation (sidebar.module.css): focus goes into it, and choosing a
  // conversation, Esc or a click beside it closes it again.
  const overlayOpen = useAppStore((s) => s.sidebarOpen);
  const setOverlayOpen = useAppStore((s) => s.setSidebarOpen);
  const filterRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (overlayOpen) filterRef.current?.focus();
  }, [overlayOpen]);
  useEffect(() => setOverlayOpen(false), [activeId, activeCompareId, setOverlayOpen]);
  // Choosing the conversation already open changes nothing in the store, but the person is done with the list.
  const onClick = (event: MouseEvent) => {
    if (overlayOpen && (event.target as Element).closest(`[${opensRowAttribute}]`)) setOverlayOpen(false);
  };
  const renderRow = (row: SidebarRow) =>
    row.kind === 'heading' ? (
      <div role="listitem" className={styles.group}>
        <h2>{row.label}</h2>
      </div>
    ) : row.kind === 'compare' ? (
      <CompareItem
        compare={row.compare}
        updatedAt={row.updatedAt}
        active={row.compare.id === activeCompareId}
        now={now}
      />
    ) : (
      <ConversationItem
        conversation={row.conversation}
        active={!showingCompare && row.conversation.id === activeId}
        now={now}
      />
    );
  const closeOverlay = () => {
    setOverlayOpen(false);
    document.getElementById(sidebarToggleId)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !overlayOpen || event.defaultPrevented) return;
    event.preventDefault();
    closeOverlay();
  };

  return (
    <>
      {overlayOpen ? <div className={styles.backdrop} aria-hidden="true" onClick={closeOverlay} /> : null}
      <nav
        aria-label="Conversations"
        id={sidebarId}
        className={clsx(styles.sidebar, overlayOpen && styles.open)}
        onKeyDown={onKeyDown}
        onClick={onClick}
      >
        <div className={styles.top}>
          <button
            type="button"
            className={clsx('primary', styles.newChat)}
            onClick={() => {
              newChat();
              setOverlayOpen(false);
            }}
          >
            New chat
          </button>
          <button
            type="button"
            title={`Search all conversations (${shortcutLabel('search')})`}
            onClick={() => setSearchOpen(true)}
          >
            Search
          </button>
        </div>
        <label htmlFor={filterId} className="visually-hidden">
          Filter conversations
        </label>
        <input
          ref={filterRef}
          id={filterId}
          type="search"
          className={styles.filter}
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
          <p className={styles.note}>
            Could not load your conversations.{' '}
            <button type="button" className="link-button" onClick={() => void loadConversations()}>
              Retry
            </button>
          </p>
        ) : null}
        {loaded && rows.length === 0 ? (
          <p className={styles.note}>
            {filter.trim() !== ''
              ? `No conversation title or model matches “${filter.trim()}”. To look inside messages, use Search.`
              : 'Your conversations will appear here.'}
          </p>
        ) : null}
        {drawEveryRow ? (
          <div className={styles.list} role="list">
            {rows.map((row, index) => (
              <Fragment key={rowKey(index, row)}>{renderRow(row)}</Fragment>
            ))}
          </div>
        ) : (
          <Virtuoso<SidebarRow>
            className={styles.list}
            role="list"
            data={rows}
            computeItemKey={rowKey}
            increaseViewportBy={{ top: 200, bottom: 400 }}
            itemContent={(_index, row) => renderRow(row)}
          />
        )}
        <SidebarResizer />
      </nav>
    </>
  );
}
