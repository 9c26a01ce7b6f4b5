// Core: what the About dialog says about the running app — its version, what runs it, and where its data is.

import type { AppInfo } from '../../shared/domain';

/** The fields of Node's `process.versions` read here; Electron adds `electron` and `chrome` in its main process. */
export interface RuntimeVersionFacts {
  node: string;
  electron?: string;
  chrome?: string;
}

/** Electron's own versions only in the desktop app: the web host's Node has no Electron, and its page is a browser. */
export function runtimeVersions(versions: RuntimeVersionFacts): AppInfo['runtime'] {
  return { node: versions.node, electron: versions.electron ?? null, chromium: versions.chrome ?? null };
}

export interface AppInfoFacts {
  version: string;
  transport: AppInfo['transport'];
  openRouterBaseUrl: string;
  profileDir: string;
  versions: RuntimeVersionFacts;
}

export function describeApp(facts: AppInfoFacts): AppInfo {
  return {
    version: facts.version,
    transport: facts.transport,
    openRouterBaseUrl: facts.openRouterBaseUrl,
    runtime: runtimeVersions(facts.versions),
    dataFolder: facts.profileDir,
    // A browser cannot open the file manager, and the web host does not do it for the page (see the README).
    canShowDataFolder: facts.transport === 'electron',
  };
}
