// `npm start`: the Electron desktop app; where no Electron binary can be had, the same app on the loopback web host.

import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from '../e2e/support/electron-binary';
import { projectRoot, runStep, startAndWaitFor, stopWithParent } from './processes';

const electron = findElectronBinary();
if (!electron.path) {
  console.log(`No Electron binary here: ${electron.reason}. Serving the same app on the loopback web host instead.`);
}
runStep('npx', ['electron-vite', 'build', '--logLevel', 'warn']);

if (electron.path) {
  // Electron runs from its own folder holding Electron-ABI builds (made once per Electron version); node_modules keeps
  // Node's builds for the tests and the web host, so neither command recompiles after the other.
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'build/native/prepare-electron-app.ts'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
  const appDir = prepared.stdout.trim().split('\n').at(-1) ?? '';
  const app = spawn(electron.path, [appDir], { cwd: projectRoot, stdio: 'inherit' });
  app.once('exit', (code) => process.exit(code ?? 0));
} else {
  const host = await startAndWaitFor('electron/web/cli.ts', /Switchboard web host listening at (\S+)/, process.env);
  stopWithParent([host.child]);
  console.log(`Open ${host.value}`);
}
