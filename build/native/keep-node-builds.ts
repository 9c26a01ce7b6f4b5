// `npm run dist` lets electron-builder rebuild the native modules for Electron (its own rebuild, so the package gets
// exactly what electron-builder makes), but that rebuild works in place, in node_modules. Node's builds are set
// aside first and put back afterwards — a copy, not a compile — so tests and the web host keep working unchanged.
// The copies live in the project (not a temp folder) so a dist cut short (Ctrl+C, kill -9) is put right by the next.

import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function asideFolder(projectRoot: string): string {
  return join(projectRoot, '.electron-natives', 'node-builds-aside');
}

/** Puts back whatever a dist cut short left aside (only copies that were finished); returns their names. */
export function putBackLeftovers(projectRoot: string): string[] {
  const aside = asideFolder(projectRoot);
  if (!existsSync(aside)) return [];
  const complete = readdirSync(aside)
    .filter((name) => name.endsWith('.complete'))
    .map((marker) => decodeURIComponent(marker.slice(0, -'.complete'.length)));
  for (const name of complete) {
    const build = join(projectRoot, 'node_modules', name, 'build');
    rmSync(build, { recursive: true, force: true });
    cpSync(join(aside, encodeURIComponent(name)), build, { recursive: true });
  }
  rmSync(aside, { recursive: true, force: true });
  return complete;
}

/** Copies each module's build/ folder aside; the returned function puts them back (and removes the copies). */
export function setNodeBuildsAside(projectRoot: string, modules: readonly string[]): () => void {
  putBackLeftovers(projectRoot);
  const aside = asideFolder(projectRoot);
  for (const name of modules) {
    const build = join(projectRoot, 'node_modules', name, 'build');
    if (!existsSync(build)) continue;
    cpSync(build, join(aside, encodeURIComponent(name)), { recursive: true });
    writeFileSync(join(aside, `${encodeURIComponent(name)}.complete`), '');
  }
  return () => {
    putBackLeftovers(projectRoot);
  };
}
