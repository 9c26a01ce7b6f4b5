import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nativeDependencies } from './electron-natives';
import { asideFolder, putBackLeftovers, setNodeBuildsAside } from './keep-node-builds';
import {
  type NativesStamp,
  devAppManifest,
  isNapiModule,
  nativesFolderName,
  planElectronNatives,
} from './native-modules';

const target = { electronVersion: '45.4.1', platform: 'linux', arch: 'x64' };
const sqlite = { name: 'better-sqlite3', version: '12.11.1', dependencies: { bindings: '^1.5.0' } };
const stamp: NativesStamp = { ...target, modules: { 'better-sqlite3': '12.11.1' } };

describe('isNapiModule', () => {
  it('knows N-API modules by node-addon-api or napi_versions, and V8-API modules by neither', () => {
    expect(isNapiModule({ name: 'keytar', version: '7.9.0', dependencies: { 'node-addon-api': '^4.3.0' } })).toBe(true);
    expect(isNapiModule({ name: 'x', version: '1.0.0', binary: { napi_versions: [3] } })).toBe(true);
    expect(isNapiModule(sqlite)).toBe(false);
  });
});

describe('planElectronNatives', () => {
  it('builds when nothing was built yet', () => {
    expect(planElectronNatives(target, [sqlite], null)).toEqual({
      build: true,
      reason: 'no Electron 45.4.1 builds yet',
    });
  });

  it('reuses the copies while Electron, the platform, the arch and the module versions are unchanged', () => {
    expect(planElectronNatives(target, [sqlite], stamp)).toEqual({ build: false });
  });

  it('rebuilds when Electron or a module changes, or a module is added or dropped, saying which', () => {
    expect(planElectronNatives({ ...target, electronVersion: '46.0.0' }, [sqlite], stamp)).toEqual({
      build: true,
      reason: 'electronVersion changed from 45.4.1 to 46.0.0',
    });
    expect(planElectronNatives({ ...target, arch: 'arm64' }, [sqlite], stamp)).toMatchObject({ build: true });
    expect(planElectronNatives(target, [{ ...sqlite, version: '12.12.0' }], stamp)).toEqual({
      build: true,
      reason: 'better-sqlite3 12.11.1 → 12.12.0',
    });
    expect(planElectronNatives(target, [], stamp)).toEqual({
      build: true,
      reason: 'better-sqlite3 12.11.1 → no longer needed',
    });
    expect(planElectronNatives(target, [sqlite, { name: 'other', version: '1.0.0' }], stamp)).toEqual({
      build: true,
      reason: 'other absent → 1.0.0',
    });
  });

  it('keys the folder by Electron version, platform and arch', () => {
    expect(nativesFolderName(target)).toBe('electron-45.4.1-linux-x64');
  });
});

describe('devAppManifest', () => {
  it("keeps the project's name, version, module type and entry, and lists only the per-ABI modules", () => {
    const project = { name: 'switchboard', version: '0.1.0', type: 'module', main: 'out/main/index.js' };
    expect(devAppManifest(project, [sqlite])).toEqual({
      ...project,
      description: undefined,
      private: true,
      dependencies: { 'better-sqlite3': '12.11.1' },
    });
  });
});

describe("this project's native dependencies", () => {
  it('are better-sqlite3 (one build per ABI) and keytar (N-API, its Node build loads in Electron)', () => {
    const natives = nativeDependencies(resolve(import.meta.dirname, '../..'));
    expect(natives.map((m) => m.name).sort()).toEqual(['better-sqlite3', 'keytar']);
    expect(natives.filter((m) => !isNapiModule(m)).map((m) => m.name)).toEqual(['better-sqlite3']);
  });
});

describe('setNodeBuildsAside', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("puts back each module's Node build after an in-place rebuild replaced it, and skips modules with none", () => {
    root = mkdtempSync(join(tmpdir(), 'sb-builds-'));
    const binary = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    mkdirSync(join(root, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
    mkdirSync(join(root, 'node_modules/keytar'), { recursive: true });
    writeFileSync(binary, 'node build');

    const putBack = setNodeBuildsAside(root, ['better-sqlite3', 'keytar']);
    // What electron-builder's rebuild does in place: a new build/ folder for Electron, with a stray extra file.
    rmSync(join(root, 'node_modules/better-sqlite3/build'), { recursive: true });
    mkdirSync(join(root, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
    writeFileSync(binary, 'electron build');
    writeFileSync(join(root, 'node_modules/better-sqlite3/build/Release/extra.o'), 'x');
    putBack();

    expect(readFileSync(binary, 'utf8')).toBe('node build');
    expect(() => readFileSync(join(root, 'node_modules/better-sqlite3/build/Release/extra.o'))).toThrow();
    expect(existsSync(asideFolder(root))).toBe(false);
  });

  it('puts back, at the next dist, the builds a dist cut short left aside', () => {
    root = mkdtempSync(join(tmpdir(), 'sb-builds-'));
    const binary = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    mkdirSync(join(root, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
    writeFileSync(binary, 'node build');
    setNodeBuildsAside(root, ['better-sqlite3']);
    // Killed mid-rebuild: the folder is half rebuilt and nothing put it back.
    rmSync(join(root, 'node_modules/better-sqlite3/build'), { recursive: true });

    expect(putBackLeftovers(root)).toEqual(['better-sqlite3']);
    expect(readFileSync(binary, 'utf8')).toBe('node build');
    expect(putBackLeftovers(root)).toEqual([]);
  });
});
