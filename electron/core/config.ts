// Core (Node: Electron main or web host): every setting the app reads from its environment, in one place.

import { homedir } from 'node:os';
import { join } from 'node:path';
import { AppFailure } from '../../shared/result';

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
  /**
   * Waits between rounds of asking OpenRouter for a reply's cost (cost-settler.ts has the real defaults); only a test
   * sets them, to see a charge that never arrives end as an estimate in seconds instead of minutes.
   */
  settlementRoundDelaysMs?: readonly number[];
}

export interface ConfigOptions {
  appVersion?: string;
  /**
   * A packaged desktop app: every development and test setting in the environment is ignored, so nothing outside the
   * app (a launcher script, a hostile shortcut) can send the stored key elsewhere or swap its keychain or profile.
   */
  packaged?: boolean;
  /** The profile folder to use when the environment names none (Electron's userData folder, say). */
  profileDir?: string;
}

export const defaultOpenRouterBaseUrl = 'https://openrouter.ai/api/v1';
export const defaultKeychainService = 'Switchboard';
export const defaultKeychainAccount = 'openrouter';

/** The environment variables a development or test run may set; a packaged app reads none of them. */
export const developmentSettings = [
  'OPENROUTER_BASE_URL',
  'SWITCHBOARD_PROFILE_DIR',
  'SWITCHBOARD_SECRET_STORE',
  'SWITCHBOARD_KEYCHAIN_SERVICE',
  'SWITCHBOARD_KEYCHAIN_ACCOUNT',
  'SWITCHBOARD_SETTLEMENT_DELAYS_MS',
] as const;

/** "100,100" → [100, 100]; anything but comma-separated whole milliseconds is ignored (the defaults stay). */
function parseDelays(value: string | undefined): readonly number[] | undefined {
  if (value === undefined || !/^\d+(,\d+)*$/.test(value.trim())) return undefined;
  return value.trim().split(',').map(Number);
}

/** The platform's usual place for app data, used when SWITCHBOARD_PROFILE_DIR is not set. */
export function defaultProfileDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Switchboard');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Switchboard');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Switchboard');
}

/** True for addresses that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The key rides in every request's Authorization header, so the API root must be https, or plain http only on this
 * machine (the local fake). Anything else stops the app at start rather than send the key in the clear or elsewhere.
 */
export function checkOpenRouterBaseUrl(value: string): string {
  const refuse = (why: string) =>
    new AppFailure({
      code: 'invalid_input',
      message: `OPENROUTER_BASE_URL "${value.slice(0, 200)}" ${why}. Use an https:// address, or http:// on 127.0.0.1, localhost or [::1].`,
    });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse('is not an address');
  }
  if (url.username || url.password) throw refuse('must not carry a user name or password');
  if (url.protocol === 'https:') return value.replace(/\/+$/, '');
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return value.replace(/\/+$/, '');
  throw refuse(url.protocol === 'http:' ? 'would send the key unencrypted to another machine' : 'is not http(s)');
}

export function readCoreConfig(env: NodeJS.ProcessEnv = process.env, options: ConfigOptions = {}): CoreConfig {
  const fallbackProfileDir = options.profileDir ?? defaultProfileDir();
  const base = {
    openRouterBaseUrl: defaultOpenRouterBaseUrl,
    profileDir: fallbackProfileDir,
    secretStore: 'keychain' as const,
    keychainService: defaultKeychainService,
    keychainAccount: defaultKeychainAccount,
    appVersion: options.appVersion ?? '0.0.0',
  };
  if (options.packaged) return base;
  return {
    ...base,
    openRouterBaseUrl: checkOpenRouterBaseUrl(env.OPENROUTER_BASE_URL ?? defaultOpenRouterBaseUrl),
    profileDir: env.SWITCHBOARD_PROFILE_DIR ?? fallbackProfileDir,
    secretStore: env.SWITCHBOARD_SECRET_STORE === 'memory' ? 'memory' : 'keychain',
    keychainService: env.SWITCHBOARD_KEYCHAIN_SERVICE ?? defaultKeychainService,
    keychainAccount: env.SWITCHBOARD_KEYCHAIN_ACCOUNT ?? defaultKeychainAccount,
    ...withDelays(parseDelays(env.SWITCHBOARD_SETTLEMENT_DELAYS_MS)),
  };
}

const withDelays = (delays: readonly number[] | undefined) => (delays ? { settlementRoundDelaysMs: delays } : {});
