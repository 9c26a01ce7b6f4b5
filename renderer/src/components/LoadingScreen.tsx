// Renderer: shown while the host answers whether a key exists.
import page from './full-page.module.css';

export function LoadingScreen() {
  return (
    <main className={page.page} aria-busy="true">
      <p className="muted">Loading Switchboard…</p>
    </main>
  );
}
