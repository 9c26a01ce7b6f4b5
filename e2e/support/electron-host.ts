// Test support: the Electron desktop app as the host the end-to-end specs drive, where an Electron binary exists.
// It is started like the web host (same environment: the fake's address, the test's profile and keychain entry) from
// the development app folder `npm start` uses, whose better-sqlite3 is built for Electron's ABI. A packaged app
// cannot be the host: it ignores every test setting (electron/core/config.ts), so it could not reach the fake.
// None of this has run on a machine without Electron; there, every spec of the Electron project is skipped.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary, nativeModulesLoadIn } from './electron-binary';
import type { WebHostEnv, WebHostProcess } from './web-host-process';

const projectRoot = resolve(import.meta.dirname, '../..');

export type ElectronSetup = { executablePath: string; appDir: string; reason: null } | { reason: string };

/** Finds Electron and readies the app folder, once per worker; says why not when either cannot be had. */
export function prepareElectronHost(): ElectronSetup {
  const binary = findElectronBinary();
  if (!binary.path) return { reason: `no Electron binary: ${binary.reason}` };
  // The same script `npm start` runs (build/native/prepare-electron-app.ts), in its own process.
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'build/native/prepare-electron-app.ts'], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (prepared.status !== 0) {
    const why = `${prepared.stderr}`.split('\n').find((line) => /error/i.test(line)) ?? 'unknown error';
    return { reason: `the Electron build of the native modules could not be made (${why.trim()})` };
  }
  const appDir = prepared.stdout.trim().split('\n').at(-1) ?? '';
  const natives = nativeModulesLoadIn(binary.path, appDir);
  if (!natives.ok) return { reason: natives.reason };
  return { executablePath: binary.path, appDir, reason: null };
}

export interface ElectronHost extends WebHostProcess {
  app: ElectronApplication;
  window: Page;
}

export async function startElectronHost(
  setup: { executablePath: string; appDir: string },
  env: WebHostEnv,
): Promise<ElectronHost> {
  const app = await _electron.launch({
    executablePath: setup.executablePath,
    args: [setup.appDir],
    env: {
      ...process.env,
      OPENROUTER_BASE_URL: env.openRouterBaseUrl,
      SWITCHBOARD_PROFILE_DIR: env.profileDir,
      SWITCHBOARD_KEYCHAIN_SERVICE: 'Switchboard-test',
      SWITCHBOARD_KEYCHAIN_ACCOUNT: env.keychainAccount,
      ...env.extraEnv,
    } as Record<string, string>,
  });
  let output = '';
  app.process().stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  app.process().stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  const child = app.process();
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  return {
    app,
    window,
    // The window's own address (app://switchboard/index.html): `page.goto(host.url)` in a spec reloads the app.
    url: window.url(),
    pid: child.pid ?? 0,
    output: () => output,
    stop: async () => {
      if (!ended()) await app.close();
    },
    kill: () =>
      new Promise<void>((done) => {
        if (ended()) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
  };
}

/**
 * The `page` a spec holds for the whole test, while a restart (a second `launch()`) opens a new Electron window: every
 * use goes to the window of the latest launch.
 */
export function currentWindowPage(current: () => Page | null): Page {
  return new Proxy({} as Page, {
    get(_target, property) {
      const window = current();
      if (!window) throw new Error('The Electron window exists only after launch(): call launch() first.');
      const value: unknown = Reflect.get(window, property, window);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(window) : value;
    },
  });
}
