// `npm start`: the Electron desktop app; where no Electron binary can be had, the same app on the loopback web host.

import { spawn } from 'node:child_process';
import { findElectronBinary } from '../e2e/support/electron-binary';
import { projectRoot, runStep, startAndWaitFor, stopWithParent } from './processes';

const electron = findElectronBinary();
if (!electron.path) {
  console.log(`No Electron binary here: ${electron.reason}. Serving the same app on the loopback web host instead.`);
}
runStep('npx', ['electron-vite', 'build', '--logLevel', 'warn']);

if (electron.path) {
  // Native modules must match Electron's ABI rather than Node's; electron-builder rebuilds them for it.
  runStep('npx', ['electron-builder', 'install-app-deps']);
  const app = spawn(electron.path, [projectRoot], { cwd: projectRoot, stdio: 'inherit' });
  app.once('exit', (code) => process.exit(code ?? 0));
} else {
  const host = await startAndWaitFor('electron/web/cli.ts', /Switchboard web host listening at (\S+)/, process.env);
  stopWithParent([host.child]);
  console.log(`Open ${host.value}`);
}
