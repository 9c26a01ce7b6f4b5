// Renderer: the key status could not be read, so no screen can be chosen yet.

import type { AppError } from '../../../shared/result';
import { useAppStore } from '../store/use-app-store';
import { ErrorAlert } from './ErrorAlert';
import page from './full-page.module.css';

export function StartupError({ error }: { error: AppError }) {
  const loadKeyStatus = useAppStore((s) => s.loadKeyStatus);
  return (
    <main className={page.page}>
      <div className="card">
        <h1>Switchboard could not start</h1>
        <ErrorAlert error={error}>
          <button type="button" onClick={() => void loadKeyStatus()}>
            Try again
          </button>
        </ErrorAlert>
      </div>
    </main>
  );
}
