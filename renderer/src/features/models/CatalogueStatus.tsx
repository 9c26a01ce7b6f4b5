// Renderer: the palette's footer: how many models, when the catalogue was fetched, Refresh with its progress, and
// why a refresh failed (the older copy stays).

import { RefreshCw } from 'lucide-react';
import { formatDateTime } from '../../lib/format';
import { useAppStore } from '../../store/use-app-store';
import styles from './models.module.css';

export function CatalogueStatus({ shown }: { shown: number }) {
  const total = useAppStore((s) => s.models.length);
  const status = useAppStore((s) => s.modelsStatus);
  const fetchedAt = useAppStore((s) => s.modelsFetchedAt);
  const refreshError = useAppStore((s) => s.modelsRefreshError);
  const loadError = useAppStore((s) => s.modelsError);
  const refreshing = useAppStore((s) => s.modelsRefreshing);
  const refreshModels = useAppStore((s) => s.refreshModels);

  return (
    <footer className={styles.catalogueStatus}>
      <div className={styles.catalogueLine} aria-live="polite">
        {refreshing ? (
          <>
            <progress aria-label="Fetching the catalogue" />
            <span>Fetching OpenRouter’s catalogue…</span>
          </>
        ) : status === 'loading' && total === 0 ? (
          <span>Loading the catalogue…</span>
        ) : (
          <span>
            {shown === total ? `${total} models` : `${shown} of ${total} models`}
            {fetchedAt !== null ? ` · catalogue from ${formatDateTime(fetchedAt)}` : ''}
          </span>
        )}
        <button type="button" className="link-button" disabled={refreshing} onClick={() => void refreshModels()}>
          <RefreshCw aria-hidden="true" size={13} /> Refresh
        </button>
        <span className={styles.keyHints} aria-hidden="true">
          ↑↓ move · Enter choose · Esc close
        </span>
      </div>
      {refreshError && !refreshing ? (
        <p className={styles.catalogueError} role="status">
          Could not refresh: {refreshError.message}
          {fetchedAt !== null ? ` Showing the catalogue from ${formatDateTime(fetchedAt)}.` : ''}
        </p>
      ) : null}
      {loadError && total === 0 && !refreshing ? (
        <p className={styles.catalogueError} role="status">
          Could not load the catalogue: {loadError.message} You can still type a model id such as openai/gpt-4o-mini.
        </p>
      ) : null}
    </footer>
  );
}
