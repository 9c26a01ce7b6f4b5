// Core: where the key in use comes from. `read()` is handed to the OpenRouter client alone; everything else gets `describe()`.

import type { SecretStore } from './secrets/secret-store';

export interface KeyDescription {
  present: boolean;
  storage: 'keychain' | 'session' | null;
  last4: string | null;
}

export class ActiveKeySource {
  constructor(
    readonly keychain: SecretStore,
    /** A key kept for this run only (keychain unavailable, or the person asked); it wins over the keychain. */
    readonly session: SecretStore,
  ) {}

  async read(): Promise<string | null> {
    return (await this.session.get()) ?? (await this.keychain.get());
  }

  /** Enough to recognise the key on screen, never enough to use it. */
  async describe(): Promise<KeyDescription> {
    const sessionKey = await this.session.get();
    const key = sessionKey ?? (await this.keychain.get());
    if (key === null) return { present: false, storage: null, last4: null };
    return { present: true, storage: sessionKey !== null ? 'session' : 'keychain', last4: key.slice(-4) };
  }
}
