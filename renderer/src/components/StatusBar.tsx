// Renderer: what the key can still spend and this month's spend against the budget, always in view.

import { useEffect, useRef, useState } from 'react';
import { formatCredit, maskKey } from '../lib/format';
import { SpendStatus } from '../features/spend/SpendStatus';
import { useAppStore } from '../store/use-app-store';
import { StatusSeparator } from './StatusSeparator';
import styles from './status-bar.module.css';

interface Part {
  /** Stable per kind of fact, so a changed figure updates its span instead of replacing it. */
  id: 'credit' | 'session' | 'free' | 'key' | 'connection';
  text: string;
}

/**
 * The bar is a footer landmark, not a live region: a live region would read the whole bar out at every refresh.
 * Only a fact that changed (credit after a reply, a lost connection) is announced, once, from a hidden region.
 */
function useChangedFacts(parts: readonly Part[]): string {
  const previous = useRef<readonly Part[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const signature = parts.map((part) => part.text).join('\n');
  useEffect(() => {
    const before = previous.current;
    previous.current = parts;
    // The first render is what the page shows on arrival, not a change.
    if (before === null) return;
    const changed = parts.filter((part) => !before.some((old) => old.id === part.id && old.text === part.text));
    if (changed.length > 0) setAnnouncement(changed.map((part) => part.text).join('. '));
    // parts is rebuilt every render; its text is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
  return announcement;
}

export function StatusBar() {
  const key = useAppStore((s) => s.keyStatus);
  const connection = useAppStore((s) => s.connection);
  const refreshing = useAppStore((s) => s.keyRefreshing);

  const parts: Part[] = [];
  if (key) {
    // An unverified key has no known balance, so say that instead of a number; at start-up it is being checked.
    const credit = key.verified
      ? `Remaining credit: ${formatCredit(key.limitRemaining)}`
      : refreshing
        ? 'Checking your key with OpenRouter…'
        : 'Key not verified';
    parts.push({ id: 'credit', text: credit });
    if (key.storage === 'session') parts.push({ id: 'session', text: 'Session-only key' });
    if (key.isFreeTier) parts.push({ id: 'free', text: 'Free tier' });
    // OpenRouter's default label is already a masked form of the key; one of the two is enough.
    parts.push({ id: 'key', text: `Key: ${key.label ?? maskKey(key.last4)}` });
    if (connection === 'offline' || connection === 'connecting') {
      parts.push({ id: 'connection', text: 'Reconnecting to the Switchboard host…' });
    }
  }
  const announcement = useChangedFacts(parts);
  if (!key) return null;

  return (
    <footer aria-label="Key and spending" className={styles.bar}>
      {parts.map((part, index) => (
        <span key={part.id}>
          {index > 0 ? <StatusSeparator /> : null}
          {part.text}
        </span>
      ))}
      <SpendStatus />
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </footer>
  );
}
