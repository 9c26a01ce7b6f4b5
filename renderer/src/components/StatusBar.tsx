// Renderer: what the key can still spend and this month's spend against the budget, always in view.

import { formatCredit, maskKey } from '../lib/format';
import { SpendStatus } from '../features/spend/SpendStatus';
import { useAppStore } from '../store/use-app-store';

export function StatusBar() {
  const key = useAppStore((s) => s.keyStatus);
  const connection = useAppStore((s) => s.connection);
  const refreshing = useAppStore((s) => s.keyRefreshing);
  if (!key) return null;

  const parts: string[] = [];
  // An unverified key has no known balance, so say that instead of a number; at start-up it is being checked.
  if (key.verified) parts.push(`Remaining credit: ${formatCredit(key.limitRemaining)}`);
  else parts.push(refreshing ? 'Checking your key with OpenRouter…' : 'Key not verified');
  if (key.storage === 'session') parts.push('Session-only key');
  if (key.isFreeTier) parts.push('Free tier');
  // OpenRouter's default label is already a masked form of the key; one of the two is enough.
  parts.push(`Key: ${key.label ?? maskKey(key.last4)}`);
  if (connection === 'offline' || connection === 'connecting') parts.push('Reconnecting to the Switchboard host…');

  return (
    <footer role="status" aria-label="Key and spending" className="status-bar">
      {parts.map((part, index) => (
        <span key={part}>
          {index > 0 ? (
            <span aria-hidden="true" className="separator">
              {' '}
              ·{' '}
            </span>
          ) : null}
          {part}
        </span>
      ))}
      <SpendStatus />
    </footer>
  );
}
