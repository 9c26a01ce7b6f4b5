// The folder `npm start` runs Electron from: a copy of the build (out/) beside Electron-ABI builds of the native
// modules that need one, so Node's builds in node_modules are never touched. Electron resolves `better-sqlite3` from
// .electron-natives/<electron-platform-arch>/node_modules first and every other package from the project's
// node_modules further up. N-API modules (keytar) are not copied: their Node build loads in Electron as is.

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type ElectronTarget,
  type NativeManifest,
  type NativesStamp,
  devAppManifest,
  isNapiModule,
  nativesFolderName,
  planElectronNatives,
} from './native-modules';

const stampFile = 'natives-stamp.json';

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

/** The production dependencies that compile a native addon (they have a binding.gyp). */
export function nativeDependencies(projectRoot: string): NativeManifest[] {
  const project = readJson<{ dependencies?: Record<string, string> }>(join(projectRoot, 'package.json'));
  return Object.keys(project?.dependencies ?? {})
    .filter((name) => existsSync(join(projectRoot, 'node_modules', name, 'binding.gyp')))
    .map((name) => readJson<NativeManifest>(join(projectRoot, 'node_modules', name, 'package.json')))
    .filter((manifest): manifest is NativeManifest => manifest !== null);
}

/**
 * Makes the development app folder for Electron `target` and returns it. Builds the Electron copies with
 * @electron/rebuild (electron-builder's own rebuilder) only when the plan says so; copies out/ every time.
 */
export async function prepareElectronApp(projectRoot: string, target: ElectronTarget): Promise<string> {
  const perAbi = nativeDependencies(projectRoot).filter((m) => !isNapiModule(m));
  const dir = join(projectRoot, '.electron-natives', nativesFolderName(target));
  const plan = planElectronNatives(target, perAbi, readJson<NativesStamp>(join(dir, stampFile)));
  const project = readJson<{ name: string; version: string; main: string }>(join(projectRoot, 'package.json'));
  if (!project) throw new Error(`no package.json in ${projectRoot}`);

  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(devAppManifest(project, perAbi), null, 2)}\n`);
  if (plan.build) {
    console.error(
      `Building ${perAbi.map((m) => m.name).join(', ')} for Electron ${target.electronVersion} (${plan.reason})`,
    );
    rmSync(join(dir, stampFile), { force: true });
    rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
    for (const { name } of perAbi) {
      // The sources without Node's build output; the rebuild writes build/ for Electron.
      cpSync(join(projectRoot, 'node_modules', name), join(dir, 'node_modules', name), {
        recursive: true,
        filter: (source) => !(basename(source) === 'build' && source.endsWith(join(name, 'build'))),
      });
    }
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({
      buildPath: dir,
      electronVersion: target.electronVersion,
      arch: target.arch,
      onlyModules: perAbi.map((m) => m.name),
      force: true,
    });
    const stamp: NativesStamp = { ...target, modules: Object.fromEntries(perAbi.map((m) => [m.name, m.version])) };
    writeFileSync(join(dir, stampFile), `${JSON.stringify(stamp, null, 2)}\n`);
  }
  rmSync(join(dir, 'out'), { recursive: true, force: true });
  cpSync(join(projectRoot, 'out'), join(dir, 'out'), { recursive: true });
  return dir;
}
