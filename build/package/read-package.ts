// Reads what the package check inspects from a real electron-builder `--dir` output: the asar header (which files are
// packed, which are unpacked), the files really present in app.asar.unpacked, the packed manifest and the fuse wire
// of the packaged executable. The reading uses @electron/asar and @electron/fuses, the libraries electron-builder
// itself packs and flips with.

import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { extractFile, getRawHeader } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import type { AsarFile } from './inspect-package';

interface HeaderNode {
  files?: Record<string, HeaderNode>;
  unpacked?: boolean;
  link?: string;
}

/** Every file in the asar header, with whether electron-builder left it unpacked. */
export function listAsar(asarPath: string): AsarFile[] {
  const out: AsarFile[] = [];
  const walk = (node: HeaderNode, prefix: string, unpackedDir: boolean): void => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      const unpacked = child.unpacked === true || unpackedDir;
      if (child.files) walk(child, path, unpacked);
      else out.push({ path, unpacked });
    }
  };
  walk(getRawHeader(asarPath).header as HeaderNode, '', false);
  return out;
}

/** Files under a folder, relative to it with forward slashes; empty when the folder does not exist. */
export function listFilesUnder(dir: string): Set<string> {
  if (!existsSync(dir)) return new Set();
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return new Set(
    entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/')),
  );
}

export function readAsarText(asarPath: string, path: string): string {
  return extractFile(asarPath, path).toString('utf8');
}

/** State byte per fuse index, or null when the executable carries no fuse wire. */
export async function readFuseWire(executable: string): Promise<Record<number, number> | null> {
  try {
    const wire = (await getCurrentFuseWire(executable)) as unknown as Record<string, unknown>;
    const states: Record<number, number> = {};
    for (const [key, value] of Object.entries(wire)) {
      if (/^\d+$/.test(key) && typeof value === 'number') states[Number(key)] = value;
    }
    return states;
  } catch {
    return null;
  }
}
