// Renderer: the first screen without a key, and the way back when OpenRouter rejects the saved one.

import { useAppStore } from '../store/use-app-store';
import { KeyForm } from './KeyForm';
import page from './full-page.module.css';

export const keysPageUrl = 'https://openrouter.ai/settings/keys';

export function WelcomeScreen({ mode }: { mode: 'first' | 'replace' }) {
  const cancelKeyReplacement = useAppStore((s) => s.cancelKeyReplacement);
  // Once a save attempt reports the same problem, its alert says it all; the note would only repeat it.
  const keychainProblem = useAppStore((s) =>
    s.keySaveError?.code === 'keychain_unavailable' ? null : s.keychainProblem,
  );
  return (
    <main className={page.page}>
      <div className="card">
        <h1>Welcome to Switchboard</h1>
        {mode === 'replace' ? (
          <p className="note">
            OpenRouter rejected the saved key. It may have been revoked or disabled. Paste a new key to continue; the
            message you were sending is kept.
          </p>
        ) : null}
        <p>
          Switchboard is a private desktop chat client for every model on OpenRouter, paid with your own OpenRouter key.
        </p>
        <p>Your key is kept in your operating system’s keychain and sent only to OpenRouter.</p>
        {keychainProblem ? (
          <p className="note">
            The system keychain is not available right now, so Switchboard can keep a key for this session only.
            {keychainProblem.message ? ` ${keychainProblem.message}` : ''}
          </p>
        ) : null}
        <p>
          <a href={keysPageUrl} target="_blank" rel="noopener noreferrer">
            Get an OpenRouter key
          </a>
        </p>
        <KeyForm />
        {mode === 'replace' ? (
          <button type="button" className="link-button" onClick={cancelKeyReplacement}>
            Back to the conversations
          </button>
        ) : null}
      </div>
    </main>
  );
}
