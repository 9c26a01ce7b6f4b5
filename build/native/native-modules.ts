// Which native modules need a build per Electron ABI, and when the Electron copies `npm start` uses must be (re)built.
// Node's builds stay in node_modules for the tests, the web host and the benches; Electron's copies live in their own
// folder (.electron-natives/), keyed by Electron version, platform and arch, so switching commands never recompiles.

/** The parts of a dependency's package.json that say how it binds to the runtime. */
export interface NativeManifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  binary?: { napi_versions?: number[] };
}

/**
 * N-API (Node-API) modules have one ABI across Node versions and Electron: their Node build loads in Electron as is.
 * They say so by depending on node-addon-api or by listing napi_versions for prebuild-install (keytar does both).
 * Anything else with a binding.gyp (better-sqlite3 uses V8's API) must be built for each ABI.
 */
export function isNapiModule(manifest: NativeManifest): boolean {
  return manifest.dependencies?.['node-addon-api'] !== undefined || (manifest.binary?.napi_versions?.length ?? 0) > 0;
}

export interface ElectronTarget {
  electronVersion: string;
  platform: string;
  arch: string;
}

/** What a finished build of the Electron copies records, so the next `npm start` knows it can reuse them. */
export interface NativesStamp extends ElectronTarget {
  /** name → version of every module built for Electron's ABI. */
  modules: Record<string, string>;
}

export function nativesFolderName(target: ElectronTarget): string {
  return `electron-${target.electronVersion}-${target.platform}-${target.arch}`;
}

export type NativesPlan = { build: false } | { build: true; reason: string };

/** Whether the Electron copies must be built: only when none exist or a module or Electron changed since. */
export function planElectronNatives(
  target: ElectronTarget,
  perAbiModules: readonly NativeManifest[],
  stamp: NativesStamp | null,
): NativesPlan {
  const wanted: NativesStamp = {
    ...target,
    modules: Object.fromEntries(perAbiModules.map((m) => [m.name, m.version])),
  };
  if (!stamp) return { build: true, reason: `no Electron ${target.electronVersion} builds yet` };
  for (const key of ['electronVersion', 'platform', 'arch'] as const) {
    if (stamp[key] !== wanted[key])
      return { build: true, reason: `${key} changed from ${stamp[key]} to ${wanted[key]}` };
  }
  const names = new Set([...Object.keys(stamp.modules), ...Object.keys(wanted.modules)]);
  for (const name of [...names].sort()) {
    const had = stamp.modules[name];
    const want = wanted.modules[name];
    if (had !== want) return { build: true, reason: `${name} ${had ?? 'absent'} → ${want ?? 'no longer needed'}` };
  }
  return { build: false };
}

/** The package.json of the development app folder: the project's identity and entry, only per-ABI modules as deps. */
export function devAppManifest(
  project: { name: string; version: string; description?: string; type?: string; main: string },
  perAbiModules: readonly NativeManifest[],
): Record<string, unknown> {
  return {
    name: project.name,
    version: project.version,
    description: project.description,
    type: project.type,
    main: project.main,
    private: true,
    dependencies: Object.fromEntries(perAbiModules.map((m) => [m.name, m.version])),
  };
}
