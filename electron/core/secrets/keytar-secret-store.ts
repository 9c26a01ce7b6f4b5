// Core: the key in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service). The only file that imports keytar.

import { AppFailure } from '../../../shared/result';
import { defaultKeychainAccount, defaultKeychainService } from '../config';
import { keychainModuleMissing, keychainUnavailable } from './keychain-error';
import type { SecretStore } from './secret-store';

/** The part of keytar this store uses; tests inject fakes of it. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarSecretStoreOptions {
  /** Keychain entry; tests use their own so they never touch a real user's key. */
  service?: string;
  account?: string;
  /** Chooses the advice in error messages. */
  platform?: NodeJS.Platform;
  /** Replaces the real module, for tests of error handling. */
  loadKeytar?: () => Promise<KeytarApi>;
}

/**
 * Loaded on first use rather than at import: a missing or mis-built native module then becomes a
 * `keychain_unavailable` the person can act on (e.g. keep the key for this session) instead of a crash at startup.
 */
async function importKeytar(): Promise<KeytarApi> {
  const loaded: Partial<KeytarApi> & { default?: KeytarApi } = await import('keytar');
  // keytar is CommonJS: Node exposes module.exports as `default` and detects only some names as named exports.
  const api = loaded.default ?? loaded;
  if (typeof api.getPassword !== 'function' || typeof api.setPassword !== 'function') {
    throw new Error('keytar loaded without its functions');
  }
  return api as KeytarApi;
}

export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  readonly service: string;
  readonly account: string;
  private readonly platform: NodeJS.Platform;
  private readonly load: () => Promise<KeytarApi>;
  private loaded: Promise<KeytarApi> | null = null;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service || defaultKeychainService;
    this.account = options.account || defaultKeychainAccount;
    this.platform = options.platform ?? process.platform;
    this.load = options.loadKeytar ?? importKeytar;
  }

  async get(): Promise<string | null> {
    const keytar = await this.keytar();
    return this.call(() => keytar.getPassword(this.service, this.account));
  }

  async set(secret: string): Promise<void> {
    // keytar would reject this too, but with a message about its own arguments.
    if (secret.length === 0) throw new AppFailure({ code: 'invalid_input', message: 'There is no key to store.' });
    const keytar = await this.keytar();
    await this.call(() => keytar.setPassword(this.service, this.account, secret), secret);
  }

  async delete(): Promise<void> {
    const keytar = await this.keytar();
    // keytar resolves false when there was no entry: that is the state we wanted, not an error.
    await this.call(() => keytar.deletePassword(this.service, this.account));
  }

  private async keytar(): Promise<KeytarApi> {
    // Only success is cached, so a keychain module fixed while the app runs (rare) is picked up on the next try.
    this.loaded ??= this.load().catch((err: unknown) => {
      this.loaded = null;
      throw keychainModuleMissing(err);
    });
    return this.loaded;
  }

  /**
   * Every keytar failure (no D-Bus, no Secret Service, locked collection, access denied) means the same to the
   * person: the keychain cannot be used right now. The secret is passed only so it can be redacted from the reason.
   */
  private async call<T>(operation: () => Promise<T>, secret?: string): Promise<T> {
    try {
      return await operation();
    } catch (err) {
      throw keychainUnavailable(err, { platform: this.platform, secret });
    }
  }
}
