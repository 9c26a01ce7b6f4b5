// Renderer: search every conversation (Ctrl/Cmd+Shift+F). Results come as you type, grouped by conversation, with the
// matched words marked; filters narrow by model and date; choosing a result opens its conversation at that message.

import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SearchResults } from '../../../../shared/library';
import type { AppError } from '../../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../store/use-app-store';
import { type DateRange, dateRanges, groupHits, sinceFor } from './search-groups';
import { activityTime, shortModel } from './sidebar-rows';
import { SnippetText } from './SnippetText';

/** Typing pauses shorter than this do not each start a search. */
const typingPauseMs = 120;

export function SearchDialog() {
  const open = useAppStore((s) => s.searchOpen);
  return open ? <SearchPanel /> : null;
}

function SearchPanel() {
  const setSearchOpen = useAppStore((s) => s.setSearchOpen);
  const searchHistory = useAppStore((s) => s.searchHistory);
  const openMessage = useAppStore((s) => s.openMessage);
  const conversations = useAppStore((s) => s.conversations);
  const [query, setQuery] = useState('');
  const [model, setModel] = useState('');
  const [range, setRange] = useState<DateRange>('any');
  /** The last answer, with the search it answers: kept on screen while the next one runs. */
  const [answer, setAnswer] = useState<{ key: string; results: SearchResults | null; error: AppError | null } | null>(
    null,
  );
  const latest = useRef(0);
  const listRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const models = useMemo(() => [...new Set(conversations.map((c) => c.model))].sort(), [conversations]);
  const blank = query.trim() === '';
  const key = JSON.stringify([query, model, range]);

  useEffect(() => {
    const mine = ++latest.current;
    if (blank) return;
    const timer = setTimeout(() => {
      void searchHistory({
        query,
        ...(model ? { model } : {}),
        ...(range !== 'any' ? { since: sinceFor(range, Date.now()) } : {}),
      }).then((result) => {
        // An answer to an older query arrives late: the newer one is what the person is looking at.
        if (mine !== latest.current) return;
        setAnswer(
          result.ok ? { key, results: result.value, error: null } : { key, results: null, error: result.error },
        );
      });
    }, typingPauseMs);
    return () => clearTimeout(timer);
  }, [blank, key, query, model, range, searchHistory]);

  const results = blank ? null : (answer?.results ?? null);
  const error = blank ? null : (answer?.error ?? null);
  const searching = !blank && answer?.key !== key;
  const groups = useMemo(() => groupHits(results?.hits ?? []), [results]);
  const now = new Date();

  const choose = (conversationId: string, messageId: string) => {
    setSearchOpen(false);
    void openMessage(conversationId, messageId, query.split(/\s+/u).filter(Boolean));
  };

  const resultButtons = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.search-hit') ?? [])];

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      resultButtons()[0]?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      resultButtons()[0]?.click();
    }
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = resultButtons();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) document.getElementById(`${id}-query`)?.focus();
    else buttons[Math.min(next, buttons.length - 1)]?.focus();
  };

  const hitCount = results?.hits.length ?? 0;
  const status = blank
    ? 'Type to search the messages of every conversation.'
    : searching && !results
      ? 'Searching…'
      : hitCount === 0
        ? `No messages match “${query.trim()}”.${model || range !== 'any' ? ' Try any model or any time,' : ' Try'} fewer or shorter words.`
        : `${hitCount === 50 ? 'The 50 best' : hitCount} message${hitCount === 1 ? '' : 's'} in ${groups.length} conversation${groups.length === 1 ? '' : 's'}`;

  return (
    <Modal role="dialog" labelledBy={`${id}-title`} className="search-dialog" onClose={() => setSearchOpen(false)}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Search conversations
      </h2>
      <div className="search-controls">
        <input
          id={`${id}-query`}
          type="search"
          className="search-input"
          aria-label="Search all messages"
          aria-describedby={`${id}-status`}
          placeholder="Search all messages"
          data-autofocus
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onInputKeyDown}
        />
        <div className="search-filters">
          <label>
            <span className="visually-hidden">Model</span>
            <select value={model} onChange={(event) => setModel(event.target.value)}>
              <option value="">Any model</option>
              {models.map((item) => (
                <option key={item} value={item}>
                  {item}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">Date</span>
            <select value={range} onChange={(event) => setRange(event.target.value as DateRange)}>
              {dateRanges.map((item) => (
                <option key={item.value} value={item.value}>
                  {item.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <p id={`${id}-status`} className="search-status" aria-live="polite">
        {status}
        {results?.truncated ? ' Only the first 256 characters (16 words) were searched.' : ''}
      </p>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="search-results" ref={listRef} onKeyDown={onListKeyDown}>
        {groups.map((group) => (
          <section key={group.conversationId} className="search-group" aria-label={group.title}>
            <h3 className="search-group-title">{group.title.trim() || 'Untitled conversation'}</h3>
            <ul>
              {group.hits.map((hit) => (
                <li key={hit.messageId}>
                  <button
                    type="button"
                    className="search-hit"
                    onClick={() => choose(hit.conversationId, hit.messageId)}
                  >
                    <span className="search-hit-meta">
                      {hit.role === 'user' ? 'You' : hit.model ? shortModel(hit.model) : 'Reply'} ·{' '}
                      {activityTime(hit.createdAt, now)}
                    </span>
                    <span className="search-hit-snippet">
                      <SnippetText parts={hit.snippet} />
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <div className="button-row end dialog-footer">
        <span className="search-hint">↑ ↓ to move, Enter to open</span>
        <button type="button" onClick={() => setSearchOpen(false)}>
          Close
        </button>
      </div>
    </Modal>
  );
}
