// A stand-in for Electron's unpacked distribution, so electron-builder's real packer can run on a machine where no
// Electron binary can be had. It is NOT Electron and nothing packed with it can run: it holds only a notice and a
// fuse wire laid out as Electron lays it out (the sentinel @electron/fuses searches for, the wire version, its length
// and one state byte per fuse), starting from Electron's own defaults so that flipping them is visible.

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUSE_OFF, FUSE_ON } from './inspect-package';

export const PLACEHOLDER_NOTICE =
  'Switchboard package-check placeholder. This file is NOT Electron: a package made with it cannot run.\n';

/** The string @electron/fuses looks for in an Electron binary; the fuse wire follows it. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron's default fuse states, by wire index (RunAsNode on, cookie encryption off, NODE_OPTIONS on, ...). */
export const electronDefaultFuses = [
  FUSE_ON,
  FUSE_OFF,
  FUSE_ON,
  FUSE_ON,
  FUSE_OFF,
  FUSE_OFF,
  FUSE_OFF,
  FUSE_ON,
] as const;

/** The bytes of the placeholder executable. */
export function placeholderExecutable(): Buffer {
  const wireVersion = 1;
  return Buffer.concat([
    Buffer.from(PLACEHOLDER_NOTICE),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([wireVersion, electronDefaultFuses.length, ...electronDefaultFuses]),
  ]);
}

/**
 * Writes the placeholder as a Linux Electron distribution folder (electron-builder renames `electron` to the app's
 * executable name) and returns the folder.
 */
export function writePlaceholderElectronDist(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const executable = join(dir, 'electron');
  writeFileSync(executable, placeholderExecutable());
  chmodSync(executable, 0o755);
  writeFileSync(
    join(dir, 'PLACEHOLDER-NOT-ELECTRON.txt'),
    `The executable here is a placeholder. ${PLACEHOLDER_NOTICE}`,
  );
  return dir;
}
