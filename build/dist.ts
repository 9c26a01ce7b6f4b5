// `npm run dist`: the packages, on a machine with Electron. electron-builder rebuilds the native modules for Electron
// itself (in place, in node_modules); Node's builds are set aside and put back around it, so nothing recompiles for
// Node afterwards. Arguments go to electron-builder: `npm run dist -- --linux`.

import { nativeDependencies } from './native/electron-natives';
import { setNodeBuildsAside } from './native/keep-node-builds';
import { projectRoot, runStep } from './processes';

runStep('npx', ['electron-vite', 'build', '--logLevel', 'warn']);
const putBack = setNodeBuildsAside(
  projectRoot,
  nativeDependencies(projectRoot).map((m) => m.name),
);
let status = 0;
try {
  const { spawnSync } = await import('node:child_process');
  status =
    spawnSync('npx', ['electron-builder', ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit' }).status ??
    1;
} finally {
  putBack();
}
process.exit(status);
