// Renderer: shown while the host answers whether a key exists.

export function LoadingScreen() {
  return (
    <main className="centered-page" aria-busy="true">
      <p className="muted">Loading Switchboard…</p>
    </main>
  );
}
