// The rules a packaged app must meet, as pure functions over what was read from the package: which files the asar
// holds (and which it leaves unpacked), what the packaged executable's fuse wire says, and what the config asked for.
// The package check (package-check.ts) reads a real electron-builder output and applies these; the unit tests feed
// them one mistake at a time.

/** One file in app.asar, as its header describes it. Paths are relative, with forward slashes. */
export interface AsarFile {
  path: string;
  /** electron-builder moved the file to app.asar.unpacked (asarUnpack): the header only points at it. */
  unpacked: boolean;
}

export interface PackageFacts {
  asarFiles: readonly AsarFile[];
  /** Files that really exist under resources/app.asar.unpacked, relative, forward slashes. */
  unpackedOnDisk: ReadonlySet<string>;
  /** The package.json packed into the asar. */
  packagedManifest: { main?: string };
  /** devDependencies of the project: none may ship unless a production dependency needs it too. */
  devDependencies: readonly string[];
  /** Every package production dependencies reach (`npm ls --omit=dev --all`). */
  productionPackages: ReadonlySet<string>;
  /** State byte per fuse index read from the packaged executable (48 off, 49 on), or null when it has no wire. */
  fuseWire: Readonly<Record<number, number>> | null;
  /** The config's electronFuses section. */
  configuredFuses: Readonly<Record<string, unknown>>;
  /** The config's asarUnpack globs. */
  configuredUnpack: readonly string[];
  /** Text of a packed file under out/, to look for things that must not be bundled in. */
  readOutFile(path: string): string;
  /** Strings that only the OpenRouter fake contains: finding one in the bundle means the fake was bundled. */
  fakeMarkers: readonly string[];
}

/** The built entry points electron-vite writes, which the package must carry. */
export const requiredEntries = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'] as const;

/** Native modules that must load from app.asar.unpacked (Node cannot dlopen a file inside an archive). */
export const nativeModules = ['better-sqlite3', 'keytar'] as const;

/** What may sit at the top of the asar: the build, the manifest and the production dependencies. */
const allowedTopLevel = new Set(['out', 'package.json', 'node_modules']);

/** electron-builder's names for the fuses (its electronFuses keys), by their index in Electron's fuse wire. */
export const fuseIndexByConfigKey: Readonly<Record<string, number>> = {
  runAsNode: 0,
  enableCookieEncryption: 1,
  enableNodeOptionsEnvironmentVariable: 2,
  enableNodeCliInspectArguments: 3,
  enableEmbeddedAsarIntegrityValidation: 4,
  onlyLoadAppFromAsar: 5,
  loadBrowserProcessSpecificV8Snapshot: 6,
  grantFileProtocolExtraPrivileges: 7,
};
/** electronFuses keys that are options of the flip, not fuses. */
const fuseOptionKeys = new Set(['resetAdHocDarwinSignature', 'strictlyRequireAllFuses']);
export const FUSE_ON = 49;
export const FUSE_OFF = 48;

function topLevel(path: string): string {
  return path.split('/', 1)[0] ?? path;
}

function isProjectFile(path: string): boolean {
  return topLevel(path) !== 'node_modules';
}

/** The package name a node_modules path belongs to (scoped names keep their scope), or null outside node_modules. */
export function packageOf(path: string): string | null {
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return null;
  const first = parts[at + 1] ?? '';
  return first.startsWith('@') ? `${first}/${parts[at + 2] ?? ''}` : first;
}

function entryProblems(facts: PackageFacts, paths: ReadonlySet<string>): string[] {
  const problems = requiredEntries.filter((entry) => !paths.has(entry)).map((entry) => `${entry} is missing`);
  const main = facts.packagedManifest.main?.replace(/^\.\//, '');
  if (!main) problems.push('the packed package.json names no "main"');
  else if (!paths.has(main)) problems.push(`the packed package.json's "main" (${main}) is not in the asar`);
  return problems;
}

function sourceProblems(facts: PackageFacts): string[] {
  const problems: string[] = [];
  const strayTop = new Set<string>();
  for (const { path } of facts.asarFiles) {
    if (!allowedTopLevel.has(topLevel(path))) strayTop.add(topLevel(path));
    if (!isProjectFile(path)) continue;
    if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(path)) problems.push(`test file ${path} is packed`);
    else if (/\.tsx?$/.test(path) && !path.endsWith('.d.ts')) problems.push(`TypeScript source ${path} is packed`);
    if (/(^|\/)fake-openrouter(\/|$)/.test(path)) problems.push(`the OpenRouter fake (${path}) is packed`);
  }
  for (const name of [...strayTop].sort()) {
    problems.push(`${name}${name.includes('.') ? '' : '/'} is packed: only out/, package.json and node_modules belong`);
  }
  return problems;
}

function devDependencyProblems(facts: PackageFacts): string[] {
  // A development tool can also be a real dependency of a production package (electron-updater needs js-yaml,
  // hast-util-to-jsx-runtime needs @types/hast): only those production code does not reach must stay out.
  const forbidden = new Set(facts.devDependencies.filter((name) => !facts.productionPackages.has(name)));
  const shipped = new Set<string>();
  for (const { path } of facts.asarFiles) {
    const name = packageOf(path);
    if (name && forbidden.has(name)) shipped.add(name);
  }
  return [...shipped].sort().map((name) => `development dependency ${name} is packed`);
}

function fakeProblems(facts: PackageFacts): string[] {
  const problems: string[] = [];
  for (const { path } of facts.asarFiles) {
    if (!path.startsWith('out/') || !/\.(c?js|mjs|html)$/.test(path)) continue;
    const text = facts.readOutFile(path);
    if (facts.fakeMarkers.some((marker) => text.includes(marker))) {
      problems.push(`${path} contains code of the OpenRouter fake`);
    }
  }
  return problems;
}

function nativeProblems(facts: PackageFacts): string[] {
  const problems: string[] = [];
  for (const file of facts.asarFiles) {
    if (!file.path.endsWith('.node')) continue;
    if (!file.unpacked) problems.push(`native binary ${file.path} is inside the asar, where it cannot be loaded`);
    else if (!facts.unpackedOnDisk.has(file.path)) {
      problems.push(`native binary ${file.path} is marked unpacked but missing from app.asar.unpacked`);
    }
  }
  for (const name of nativeModules) {
    const binaries = facts.asarFiles.filter(
      (f) => f.path.startsWith(`node_modules/${name}/`) && f.path.endsWith('.node'),
    );
    if (binaries.length === 0) problems.push(`${name} has no native binary in the package`);
    if (!facts.configuredUnpack.some((glob) => glob.startsWith(`node_modules/${name}/`))) {
      problems.push(`asarUnpack does not name node_modules/${name}/`);
    }
  }
  return problems;
}

function fuseProblems(facts: PackageFacts): string[] {
  const problems: string[] = [];
  const listed = Object.entries(facts.configuredFuses).filter(([key]) => !fuseOptionKeys.has(key));
  if (listed.length === 0) return ['electron-builder.yml lists no electronFuses'];
  if (!facts.fuseWire) return ['the packaged executable has no fuse wire'];
  for (const [key, wanted] of listed) {
    const index = fuseIndexByConfigKey[key];
    if (index === undefined) {
      problems.push(`electronFuses.${key} is not a fuse this check knows`);
      continue;
    }
    const expected = wanted ? FUSE_ON : FUSE_OFF;
    const actual = facts.fuseWire[index];
    if (actual !== expected) {
      const shown = actual === FUSE_ON ? 'on' : actual === FUSE_OFF ? 'off' : `state ${String(actual)}`;
      problems.push(`fuse ${key} is ${shown} in the packaged executable, but the config says ${wanted ? 'on' : 'off'}`);
    }
  }
  return problems;
}

/** Every way the package falls short, in words; empty when it is right. */
export function inspectPackage(facts: PackageFacts): string[] {
  const paths = new Set(facts.asarFiles.map((f) => f.path));
  return [
    ...entryProblems(facts, paths),
    ...sourceProblems(facts),
    ...devDependencyProblems(facts),
    ...fakeProblems(facts),
    ...nativeProblems(facts),
    ...fuseProblems(facts),
  ];
}
