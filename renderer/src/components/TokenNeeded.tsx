// Renderer (web host only): the host refused this page because its address lacks the current token.
import page from './full-page.module.css';

export function TokenNeeded() {
  return (
    <main className={page.page}>
      <div className="card">
        <h1>Switchboard</h1>
        <p className={page.lead}>This page needs the address printed by Switchboard (it carries a one-time token).</p>
        <p>
          Start Switchboard’s web host and open the full address it prints, including the part after “#”. The token
          changes every time the host starts, so an older address or bookmark stops working.
        </p>
      </div>
    </main>
  );
}
