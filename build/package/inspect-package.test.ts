import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { type AsarFile, FUSE_OFF, FUSE_ON, type PackageFacts, inspectPackage, packageOf } from './inspect-package';
import { writePlaceholderElectronDist } from './placeholder-electron';
import { readFuseWire } from './read-package';

const fakeMarker = 'sk-or-v1-fake-marker';
const fuses = { runAsNode: false, enableCookieEncryption: true, onlyLoadAppFromAsar: true };
/** The wire those fuses give: RunAsNode off, cookie encryption on, only-from-asar on. */
const flippedWire = {
  0: FUSE_OFF,
  1: FUSE_ON,
  2: FUSE_ON,
  3: FUSE_ON,
  4: FUSE_OFF,
  5: FUSE_ON,
  6: FUSE_OFF,
  7: FUSE_ON,
};

const goodFiles: AsarFile[] = [
  { path: 'package.json', unpacked: false },
  { path: 'out/main/index.js', unpacked: false },
  { path: 'out/preload/index.cjs', unpacked: false },
  { path: 'out/renderer/index.html', unpacked: false },
  { path: 'out/renderer/assets/index-abc.js', unpacked: false },
  { path: 'node_modules/better-sqlite3/lib/index.js', unpacked: true },
  { path: 'node_modules/better-sqlite3/build/Release/better_sqlite3.node', unpacked: true },
  { path: 'node_modules/keytar/build/Release/keytar.node', unpacked: true },
  { path: 'node_modules/@types/hast/index.d.ts', unpacked: false },
  { path: 'node_modules/zod/src/index.ts', unpacked: false },
];

function facts(change: Partial<PackageFacts> = {}): PackageFacts {
  const asarFiles = change.asarFiles ?? goodFiles;
  return {
    asarFiles,
    unpackedOnDisk: new Set(asarFiles.filter((f) => f.unpacked).map((f) => f.path)),
    packagedManifest: { main: 'out/main/index.js' },
    devDependencies: ['electron', 'vitest', '@types/hast', 'js-yaml'],
    productionPackages: new Set(['better-sqlite3', 'keytar', 'zod', '@types/hast', 'js-yaml']),
    fuseWire: flippedWire,
    configuredFuses: fuses,
    configuredUnpack: ['node_modules/better-sqlite3/**', 'node_modules/keytar/**'],
    readOutFile: () => 'console.log("app")',
    fakeMarkers: [fakeMarker],
    ...change,
  };
}

const withFile = (path: string, unpacked = false) => facts({ asarFiles: [...goodFiles, { path, unpacked }] });

describe('inspectPackage', () => {
  it('finds nothing wrong with a package holding the build and production dependencies', () => {
    expect(inspectPackage(facts())).toEqual([]);
  });

  it('names each built entry point that is missing, and a "main" the asar lacks', () => {
    const without = goodFiles.filter((f) => f.path !== 'out/preload/index.cjs' && f.path !== 'out/main/index.js');
    expect(inspectPackage(facts({ asarFiles: without }))).toEqual(
      expect.arrayContaining([
        'out/main/index.js is missing',
        'out/preload/index.cjs is missing',
        `the packed package.json's "main" (out/main/index.js) is not in the asar`,
      ]),
    );
  });

  it.each([
    [
      'a unit test beside the code',
      'electron/main/app-menu.test.ts',
      'test file electron/main/app-menu.test.ts is packed',
    ],
    ['an end-to-end spec', 'e2e/chat.spec.ts', 'test file e2e/chat.spec.ts is packed'],
    [
      'the OpenRouter fake',
      'e2e/fake-openrouter/server.ts',
      'the OpenRouter fake (e2e/fake-openrouter/server.ts) is packed',
    ],
    ['TypeScript source', 'shared/api.ts', 'TypeScript source shared/api.ts is packed'],
    ['a build script', 'build/setup.sh', 'build/ is packed: only out/, package.json and node_modules belong'],
    ['a source folder', 'src/index.js', 'src/ is packed: only out/, package.json and node_modules belong'],
    ['a stray top-level file', 'README.md', 'README.md is packed: only out/, package.json and node_modules belong'],
    ['a test file under out/', 'out/main/index.test.js', 'test file out/main/index.test.js is packed'],
  ])('reports %s', (_what, path, problem) => {
    expect(inspectPackage(withFile(path))).toContain(problem);
  });

  it('reports development dependencies, but not those a production dependency needs too', () => {
    expect(inspectPackage(withFile('node_modules/js-yaml/index.js'))).toEqual([]);
    const problems = inspectPackage(withFile('node_modules/electron/index.js'));
    expect(problems).toEqual(['development dependency electron is packed']);
    expect(inspectPackage(withFile('node_modules/better-sqlite3/node_modules/vitest/index.js'))).toEqual([
      'development dependency vitest is packed',
    ]);
  });

  it('reports bundled code of the OpenRouter fake', () => {
    const readOutFile = (path: string) => (path === 'out/main/index.js' ? `const k = "${fakeMarker}"` : '');
    expect(inspectPackage(facts({ readOutFile }))).toEqual(['out/main/index.js contains code of the OpenRouter fake']);
  });

  it('reports a native binary left inside the asar, and one marked unpacked that is not on disk', () => {
    const packed = goodFiles.map((f) => (f.path.endsWith('keytar.node') ? { ...f, unpacked: false } : f));
    expect(inspectPackage(facts({ asarFiles: packed }))).toEqual([
      'native binary node_modules/keytar/build/Release/keytar.node is inside the asar, where it cannot be loaded',
    ]);
    expect(inspectPackage(facts({ unpackedOnDisk: new Set() }))).toEqual(
      expect.arrayContaining([
        'native binary node_modules/better-sqlite3/build/Release/better_sqlite3.node is marked unpacked but missing from app.asar.unpacked',
      ]),
    );
  });

  it('reports a native module with no binary, and asarUnpack not naming it', () => {
    const noKeytar = goodFiles.filter((f) => !f.path.startsWith('node_modules/keytar/'));
    expect(inspectPackage(facts({ asarFiles: noKeytar }))).toEqual(['keytar has no native binary in the package']);
    expect(inspectPackage(facts({ configuredUnpack: ['node_modules/keytar/**'] }))).toEqual([
      'asarUnpack does not name node_modules/better-sqlite3/',
    ]);
  });

  it('reports a fuse whose state differs from the config, an unknown fuse, and a missing wire', () => {
    expect(inspectPackage(facts({ fuseWire: { ...flippedWire, 0: FUSE_ON } }))).toEqual([
      'fuse runAsNode is on in the packaged executable, but the config says off',
    ]);
    expect(inspectPackage(facts({ configuredFuses: { ...fuses, madeUp: true } }))).toEqual([
      'electronFuses.madeUp is not a fuse this check knows',
    ]);
    expect(inspectPackage(facts({ fuseWire: null }))).toEqual(['the packaged executable has no fuse wire']);
    expect(inspectPackage(facts({ configuredFuses: {} }))).toEqual(['electron-builder.yml lists no electronFuses']);
  });
});

describe('packageOf', () => {
  it('names plain and scoped packages, the innermost when nested', () => {
    expect(packageOf('node_modules/zod/index.js')).toBe('zod');
    expect(packageOf('node_modules/@img/sharp-linux-x64/lib/x.node')).toBe('@img/sharp-linux-x64');
    expect(packageOf('node_modules/a/node_modules/b/index.js')).toBe('b');
    expect(packageOf('out/main/index.js')).toBeNull();
  });
});

describe('the placeholder Electron', () => {
  it('carries a fuse wire at Electron defaults that @electron/fuses flips and reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-placeholder-'));
    try {
      const executable = join(writePlaceholderElectronDist(dir), 'electron');
      expect(await readFuseWire(executable)).toEqual({ ...flippedWire, 0: FUSE_ON, 1: FUSE_OFF, 5: FUSE_OFF });
      await flipFuses(executable, {
        version: FuseVersion.V1,
        [FuseV1Options.RunAsNode]: false,
        [FuseV1Options.EnableCookieEncryption]: true,
        [FuseV1Options.OnlyLoadAppFromAsar]: true,
      });
      expect(await readFuseWire(executable)).toEqual(flippedWire);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads as having no fuse wire when the file has none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-placeholder-'));
    try {
      const file = join(dir, 'not-electron');
      writeFileSync(file, 'no wire here');
      expect(await readFuseWire(file)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
