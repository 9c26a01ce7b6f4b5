// Runs the icon script for real into a temporary folder and reads back what it wrote: every PNG at its size, an .ico
// whose entries Windows can use (256 px among them) and an .icns with the 1024 px entry macOS needs for Retina.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { generateIcons, iconSizes, sourceSvg } from './generate';

const outDir = await mkdtemp(join(tmpdir(), 'switchboard-icons-'));
afterAll(() => rm(outDir, { recursive: true, force: true }));
const made = await generateIcons(sourceSvg, outDir);

/** The (width, height) of each entry of an .ico's directory; a stored 0 means 256. */
function icoEntries(ico: Buffer): [number, number][] {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => [ico[6 + 16 * i] || 256, ico[7 + 16 * i] || 256]);
}

/** The four-letter types of an .icns's entries, walking their lengths to the end of the file. */
function icnsTypes(icns: Buffer): string[] {
  expect(icns.toString('ascii', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const types: string[] = [];
  for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.toString('ascii', at, at + 4));
  return types;
}

describe('generateIcons', () => {
  it('writes a PNG at every size, named by its size as electron-builder reads the Linux folder', async () => {
    expect(made.pngs.map((path) => basename(path))).toEqual(iconSizes.map((size) => `${size}x${size}.png`));
    for (const [i, size] of iconSizes.entries()) {
      const meta = await sharp(made.pngs[i]!).metadata();
      expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', size, size, true]);
    }
  });

  it('draws the SVG, not an empty square: the corners are clear and the middle is not', async () => {
    const { data, info } = await sharp(made.pngs[iconSizes.indexOf(256)]!).raw().toBuffer({ resolveWithObject: true });
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3];
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(128, 128)).toBe(255);
  });

  it('packs a Windows .ico from 16 to 256 px', async () => {
    const sizes = icoEntries(await readFile(made.ico)).map(([width, height]) => {
      expect(width).toBe(height);
      return width;
    });
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('packs a macOS .icns with the 16 to 1024 px entries', async () => {
    // icp4/is32: 16 px, ic07: 128, ic08: 256, ic09: 512, ic10: 1024 (512@2x).
    expect(icnsTypes(await readFile(made.icns))).toEqual(
      expect.arrayContaining(['is32', 'ic07', 'ic08', 'ic09', 'ic10']),
    );
  });
});
