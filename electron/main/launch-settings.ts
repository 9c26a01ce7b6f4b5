// Electron main: what this launch loads and trusts. A packaged app ignores every development and test setting.

import { AppFailure } from '../../shared/result';
import { type CoreConfig, isLoopbackHost, readCoreConfig } from '../core/config';
import { appEntryUrl, appOrigin } from './app-scheme';
import { originOf } from './origin';

export interface LaunchSettings {
  config: CoreConfig;
  /** What the window loads: app://switchboard/index.html, or the development server's page. */
  entryUrl: string;
  /** The one origin whose main frame may call the core. */
  trustedOrigin: string;
}

export interface LaunchFacts {
  packaged: boolean;
  version: string;
  /** Electron's userData folder, the profile when the environment names none. */
  userDataDir: string;
}

/** The development server's address (electron-vite sets it), accepted only on this machine. */
function developmentRendererUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    url = new URL('invalid:');
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname)) return value;
  throw new AppFailure({
    code: 'invalid_input',
    message: `ELECTRON_RENDERER_URL "${value.slice(0, 200)}" must be an http(s) address on this machine.`,
  });
}

export function readLaunchSettings(env: NodeJS.ProcessEnv, facts: LaunchFacts): LaunchSettings {
  const config = readCoreConfig(env, {
    packaged: facts.packaged,
    appVersion: facts.version,
    profileDir: facts.userDataDir,
  });
  const devUrl =
    !facts.packaged && env.ELECTRON_RENDERER_URL ? developmentRendererUrl(env.ELECTRON_RENDERER_URL) : null;
  return {
    config,
    entryUrl: devUrl ?? appEntryUrl,
    trustedOrigin: devUrl ? (originOf(devUrl) ?? appOrigin) : appOrigin,
  };
}
