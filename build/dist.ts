// `npm run dist`: the packages, on a machine with Electron. electron-builder rebuilds the native modules for Electron
// itself (in place, in node_modules); Node's builds are set aside and put back around it, also when the run is
// interrupted, so nothing recompiles for Node afterwards. Arguments go to electron-builder: `npm run dist -- --linux`.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { nativeDependencies } from './native/electron-natives';
import { putBackLeftovers, setNodeBuildsAside } from './native/keep-node-builds';
import { projectRoot, runStep } from './processes';

const args = process.argv.slice(2);
const leftovers = putBackLeftovers(projectRoot);
if (leftovers.length)
  console.log(`Put back Node's builds of ${leftovers.join(', ')} left aside by an interrupted dist`);
runStep('npx', ['electron-vite', 'build', '--logLevel', 'warn']);

const putBack = setNodeBuildsAside(
  projectRoot,
  nativeDependencies(projectRoot).map((m) => m.name),
);
// Its own process group, so an interruption stops electron-builder and every compiler it started before the builds
// are put back (nothing may write into node_modules after that).
const builder = spawn(process.execPath, [createRequire(import.meta.url).resolve('electron-builder/cli.js'), ...args], {
  cwd: projectRoot,
  stdio: 'inherit',
  detached: true,
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (builder.pid) process.kill(-builder.pid, signal);
  });
}
builder.once('exit', (code, signal) => {
  putBack();
  process.exit(code ?? (signal ? 1 : 0));
});
