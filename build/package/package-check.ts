// The package check in `npm test`: electron-builder's own `--dir` packer makes the Linux app folder from the current
// build (out/, made by `electron-vite build` first) with a placeholder in place of Electron, and the result is
// inspected for real. The placeholder makes the package non-runnable: this proves what a package would contain and
// that the fuses are flipped as configured, not that the app runs. Usage: tsx build/package/package-check.ts [--keep]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { Arch, Platform, build } from 'electron-builder';
import { fakeKeys } from '../../e2e/fake-openrouter/scenarios';
import { type BuilderConfig, loadBuilderConfig, schemaProblems } from './builder-config';
import { inspectPackage, packageOf, requiredEntries } from './inspect-package';
import { PLACEHOLDER_NOTICE, writePlaceholderElectronDist } from './placeholder-electron';
import { listAsar, listFilesUnder, readAsarText, readFuseWire } from './read-package';

const projectDir = resolve(import.meta.dirname, '../..');
const keep = process.argv.includes('--keep');
const notice = Buffer.from(PLACEHOLDER_NOTICE);

/** Every package the production dependencies reach, as npm resolves them. */
function productionPackages(): Set<string> {
  const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: projectDir, encoding: 'utf8' });
  const names = listed.stdout
    .split('\n')
    .map((path) => packageOf(path.split(sep).join('/')))
    .filter((name): name is string => name !== null);
  if (names.length === 0) throw new CheckFailed('npm ls --omit=dev listed no production packages', [listed.stderr]);
  return new Set(names);
}

/** A failed check: a headline and the problems under it. */
class CheckFailed extends Error {
  constructor(
    readonly headline: string,
    readonly problems: string[] = [],
  ) {
    super(headline);
  }
}

async function packAndInspect(config: BuilderConfig, work: string): Promise<string> {
  const electronDist = writePlaceholderElectronDist(join(work, 'placeholder-electron'));
  const output = join(work, 'dist');
  // electron-builder.yml is read as for `npm run dist`; only these are overridden: the placeholder for Electron, no
  // native rebuild (it needs Electron's headers, and rebuilds node_modules in place), a scratch output folder.
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', Arch[process.arch as keyof typeof Arch] ?? Arch.x64),
    config: { electronDist, npmRebuild: false, directories: { output }, publish: null },
    publish: 'never',
  });
  const appDir = join(output, readdirSync(output).find((name) => name.endsWith('-unpacked')) ?? 'linux-unpacked');
  const asarPath = join(appDir, 'resources', 'app.asar');
  // electron-builder renamed the placeholder to the app's executable name: the one file that starts with the notice.
  const executable = readdirSync(appDir)
    .map((name) => join(appDir, name))
    .find((path) => statSync(path).isFile() && readFileSync(path).subarray(0, notice.length).equals(notice));
  if (!executable) throw new CheckFailed(`no executable in ${appDir} is the placeholder`);

  const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const asarFiles = listAsar(asarPath);
  const problems = inspectPackage({
    asarFiles,
    unpackedOnDisk: listFilesUnder(join(appDir, 'resources', 'app.asar.unpacked')),
    packagedManifest: JSON.parse(readAsarText(asarPath, 'package.json')) as { main?: string },
    devDependencies: Object.keys(manifest.devDependencies ?? {}),
    productionPackages: productionPackages(),
    fuseWire: await readFuseWire(executable),
    configuredFuses: config.electronFuses ?? {},
    configuredUnpack: config.asarUnpack ?? [],
    readOutFile: (path) => readAsarText(asarPath, path),
    fakeMarkers: [fakeKeys.valid],
  });
  if (problems.length) throw new CheckFailed('the package electron-builder --dir made is wrong:', problems);
  const unpacked = asarFiles.filter((f) => f.unpacked).length;
  return [
    `app.asar holds ${asarFiles.length} files (${unpacked} of them in app.asar.unpacked): the built out/main, out/preload`,
    '    and out/renderer, package.json and production dependencies only; the better-sqlite3 and keytar binaries are',
    `    unpacked; every fuse in electronFuses is set as listed (placeholder Electron: not runnable${keep ? `, kept at ${appDir}` : ''})`,
  ].join('\n');
}

async function main(): Promise<void> {
  const config = loadBuilderConfig(join(projectDir, 'electron-builder.yml'));
  const invalid = schemaProblems(config);
  if (invalid.length)
    throw new CheckFailed("electron-builder.yml does not validate against electron-builder's schema:", invalid);
  console.log('  ✓ electron-builder.yml validates against app-builder-lib/scheme.json');

  const missingBuild = requiredEntries.filter((entry) => !existsSync(join(projectDir, entry)));
  if (missingBuild.length) throw new CheckFailed(`run electron-vite build first: ${missingBuild.join(', ')} missing`);

  const work = mkdtempSync(join(tmpdir(), 'sb-package-check-'));
  try {
    console.log(`  ✓ ${await packAndInspect(config, work)}`);
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof CheckFailed)) throw error;
  console.error(`  ✗ ${error.headline}`);
  const shown = 25;
  for (const line of error.problems.slice(0, shown)) console.error(`    - ${line}`);
  if (error.problems.length > shown) console.error(`    … and ${error.problems.length - shown} more`);
  process.exit(1);
}
