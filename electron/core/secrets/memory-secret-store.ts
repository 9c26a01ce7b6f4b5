// Core: keeps the key in this process only — for "this session only" keys and for tests; gone when the process ends.

import { AppFailure } from '../../../shared/result';
import type { SecretStore } from './secret-store';

export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const;
  private secret: string | null;

  constructor(initial: string | null = null) {
    this.secret = initial;
  }

  async get(): Promise<string | null> {
    return this.secret;
  }

  async set(secret: string): Promise<void> {
    // Same rule as the keychain store, so tests against this store catch what the real one would refuse.
    if (secret.length === 0) throw new AppFailure({ code: 'invalid_input', message: 'There is no key to store.' });
    this.secret = secret;
  }

  async delete(): Promise<void> {
    this.secret = null;
  }
}
