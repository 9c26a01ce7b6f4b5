// Finds a runnable Electron binary, fetching it once where the network allows; says why not otherwise.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const electronPackage = resolve(import.meta.dirname, '../../node_modules/electron');

export type ElectronBinary = { path: string; reason: null } | { path: null; reason: string };

export function findElectronBinary(): ElectronBinary {
  if (!existsSync(electronPackage)) return { path: null, reason: 'the electron package is not installed' };
  // install.js returns at once when the binary is present, and otherwise downloads it.
  const install = spawnSync(process.execPath, [join(electronPackage, 'install.js')], { encoding: 'utf8' });
  if (install.status !== 0) {
    const why = `${install.stderr}`.split('\n').find((line) => line.trim().length > 0) ?? 'unknown error';
    return { path: null, reason: `its binary could not be downloaded (${why.trim()})` };
  }
  return { path: createRequire(import.meta.url)('electron') as string, reason: null };
}

/**
 * Whether better-sqlite3 and keytar load inside Electron from the app folder `appDir` (Electron's ABI differs from
 * Node's: that folder holds the Electron build of better-sqlite3; keytar is N-API and comes from node_modules).
 */
export function nativeModulesLoadIn(
  electronPath: string,
  appDir: string,
): { ok: true } | { ok: false; reason: string } {
  const probe = spawnSync(electronPath, ['-e', "require('better-sqlite3'); require('keytar')"], {
    cwd: appDir,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (probe.status === 0) return { ok: true };
  const why = `${probe.stderr}`.split('\n').find((line) => /Error|error/.test(line)) ?? 'they failed to load';
  return { ok: false, reason: `the native modules do not load in Electron (${why.trim()})` };
}
