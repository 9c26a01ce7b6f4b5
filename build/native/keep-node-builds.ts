// `npm run dist` lets electron-builder rebuild the native modules for Electron (its own rebuild, so the package gets
// exactly what electron-builder makes), but that rebuild works in place, in node_modules. Node's builds are set
// aside first and put back afterwards — a copy, not a compile — so tests and the web host keep working unchanged.

import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Copies each module's build/ folder aside; the returned function puts them back (and removes the copies). */
export function setNodeBuildsAside(projectRoot: string, modules: readonly string[]): () => void {
  const aside = mkdtempSync(join(tmpdir(), 'sb-node-builds-'));
  const kept = modules.filter((name) => existsSync(join(projectRoot, 'node_modules', name, 'build')));
  for (const name of kept) {
    cpSync(join(projectRoot, 'node_modules', name, 'build'), join(aside, name), { recursive: true });
  }
  return () => {
    for (const name of kept) {
      const build = join(projectRoot, 'node_modules', name, 'build');
      rmSync(build, { recursive: true, force: true });
      cpSync(join(aside, name), build, { recursive: true });
    }
    rmSync(aside, { recursive: true, force: true });
  };
}
