// Test support: starts the real web host (`electron/web/cli.ts`) as its own process, as a user's `npm run web` would.

import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '../..');

export interface WebHostProcess {
  url: string;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far, for assertions (e.g. that no key was logged). */
  output(): string;
  stop(): Promise<void>;
  /** Ends the process at once with SIGKILL, as a crash or `kill -9` would: nothing gets to clean up. */
  kill(): Promise<void>;
}

export interface WebHostEnv {
  openRouterBaseUrl: string;
  profileDir: string;
  /** Keychain account, unique per test so tests never share or clobber an entry. */
  keychainAccount: string;
  extraEnv?: Record<string, string>;
}

export async function startWebHostProcess(env: WebHostEnv): Promise<WebHostProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      OPENROUTER_BASE_URL: env.openRouterBaseUrl,
      SWITCHBOARD_PROFILE_DIR: env.profileDir,
      SWITCHBOARD_KEYCHAIN_SERVICE: 'Switchboard-test',
      SWITCHBOARD_KEYCHAIN_ACCOUNT: env.keychainAccount,
      SWITCHBOARD_WEB_PORT: '0',
      ...env.extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in time:\n${output}`)), 60_000);
    const check = () => {
      const match = /Switchboard web host listening at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });

  return {
    url,
    pid: child.pid ?? 0,
    output: () => output,
    stop: () =>
      new Promise<void>((done) => {
        // A process ended by a signal has no exit code, only a signal code.
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
    kill: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
  };
}
