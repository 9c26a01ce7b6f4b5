// Build: every icon the packages need, generated from one source SVG (build/icons/icon.svg) — PNGs from 16 to
// 1024 px (Linux takes the folder; electron-builder names them by size), a Windows .ico and a macOS .icns. sharp
// rasterises the SVG (libvips, already a dependency); png2icons packs the .ico and .icns in plain JS, so no OS tool
// (iconutil, ImageMagick) is needed and the same command works on every OS. `npm run icons`; `npm run dist` runs it.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import png2icons from 'png2icons';
import sharp from 'sharp';

export const iconSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const sourceSvg = fileURLToPath(new URL('icon.svg', import.meta.url));
/** Where electron-builder.yml looks for them (not kept in git: they are made from the SVG). */
export const defaultOutDir = fileURLToPath(new URL('generated/', import.meta.url));

export interface GeneratedIcons {
  pngs: string[];
  ico: string;
  icns: string;
}

export async function generateIcons(svgPath: string, outDir: string): Promise<GeneratedIcons> {
  const svg = await readFile(svgPath);
  const pngDir = join(outDir, 'png');
  await mkdir(pngDir, { recursive: true });
  const pngs: string[] = [];
  let largest: Buffer | null = null;
  for (const size of iconSizes) {
    // Rasterised at the size itself (density scales the SVG's 1024 px), not a large bitmap shrunk: crisper edges.
    const png = await sharp(svg, { density: (72 * size) / 1024 })
      .resize(size, size)
      .png()
      .toBuffer();
    const path = join(pngDir, `${size}x${size}.png`);
    await writeFile(path, png);
    pngs.push(path);
    largest = png;
  }
  if (!largest) throw new Error('no icon sizes');
  // 1024 px in: png2icons scales down for each entry. The .ico holds PNG entries up to 256 px, as Windows needs.
  const ico = png2icons.createICO(largest, png2icons.BICUBIC2, 0, true, true);
  const icns = png2icons.createICNS(largest, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not pack the icons');
  const icoPath = join(outDir, 'icon.ico');
  const icnsPath = join(outDir, 'icon.icns');
  await writeFile(icoPath, ico);
  await writeFile(icnsPath, icns);
  await writeFile(join(outDir, 'icon.png'), largest);
  return { pngs, ico: icoPath, icns: icnsPath };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const made = await generateIcons(sourceSvg, defaultOutDir);
  console.log(`icons: ${made.pngs.length} PNGs, ${made.ico}, ${made.icns}`);
}
