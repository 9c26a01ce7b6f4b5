// Core: where the OpenRouter key is kept. Implementations throw AppFailure (`keychain_unavailable`), never a raw error.

export interface SecretStore {
  /** `keychain` survives restarts; `memory` lasts for this run only. */
  readonly kind: 'keychain' | 'memory';
  /** null when nothing is stored. */
  get(): Promise<string | null>;
  /** Replaces whatever was stored. */
  set(secret: string): Promise<void>;
  /** Removing an absent secret is not an error. */
  delete(): Promise<void>;
}
