// Core (Node: Electron main or web host): every setting the app reads from its environment, in one place.

import { homedir } from 'node:os';
import { join } from 'node:path';

export interface CoreConfig {
  /** OpenRouter's API root; tests and the demo point it at the local fake. */
  openRouterBaseUrl: string;
  /** Where the history database lives. */
  profileDir: string;
  /** `keychain` for every real run; `memory` only when a test asks for it explicitly. */
  secretStore: 'keychain' | 'memory';
  /** Keychain entry; tests use their own account so they never touch a real user's key. */
  keychainService: string;
  keychainAccount: string;
  appVersion: string;
}

export const defaultOpenRouterBaseUrl = 'https://openrouter.ai/api/v1';

/** The platform's usual place for app data, used when SWITCHBOARD_PROFILE_DIR is not set. */
export function defaultProfileDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Switchboard');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Switchboard');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Switchboard');
}

export function readCoreConfig(env: NodeJS.ProcessEnv = process.env, appVersion = '0.0.0'): CoreConfig {
  const secretStore = env.SWITCHBOARD_SECRET_STORE === 'memory' ? 'memory' : 'keychain';
  return {
    openRouterBaseUrl: (env.OPENROUTER_BASE_URL ?? defaultOpenRouterBaseUrl).replace(/\/+$/, ''),
    profileDir: env.SWITCHBOARD_PROFILE_DIR ?? defaultProfileDir(),
    secretStore,
    keychainService: env.SWITCHBOARD_KEYCHAIN_SERVICE ?? 'Switchboard',
    keychainAccount: env.SWITCHBOARD_KEYCHAIN_ACCOUNT ?? 'openrouter',
    appVersion,
  };
}
