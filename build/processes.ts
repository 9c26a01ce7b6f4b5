// Helpers for the start and demo scripts: run a step, start a long-lived child and read the URL it prints.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '..');

/** Runs a command to completion with inherited output; ends this script if it fails. */
export function runStep(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Starts a TypeScript entry point under tsx; resolves with the first capture of `pattern` in its stdout. */
export function startAndWaitFor(
  entry: string,
  pattern: RegExp,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; value: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveMatch, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const value = pattern.exec(seen)?.[1];
      if (value) resolveMatch({ child, value });
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with code ${code}`)));
  });
}

/** Ctrl+C ends the children too. */
export function stopWithParent(children: ChildProcess[]): void {
  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
