// Core: where the API key is kept; other core modules import from here.

export type { SecretStore } from './secret-store';
export { MemorySecretStore } from './memory-secret-store';
export {
  KeytarSecretStore,
  defaultKeychainAccount,
  defaultKeychainService,
  type KeytarApi,
  type KeytarSecretStoreOptions,
} from './keytar-secret-store';
export { keychainUnavailable, redactReason } from './keychain-error';
