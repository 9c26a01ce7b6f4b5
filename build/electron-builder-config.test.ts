// electron-builder.yml as electron-builder itself reads and validates it (its own loader and JSON schema), and the
// packaging choices issue 14 asks for, each checked where it is made: the targets, the desktop entry, hardened
// runtime with entitlements, the notarisation hook, the icons from build/icons, and no update feed by default.

import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import { defaultOutDir } from './icons/generate';

const root = join(import.meta.dirname, '..');
const config = await getConfig(root, join(root, 'electron-builder.yml'), null);

describe('electron-builder.yml', () => {
  it('validates against electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined } as never)).resolves.toBe(
      undefined,
    );
  });

  it('builds AppImage, .deb and .tar.gz on Linux, with a desktop entry in Network and Chat', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb', 'tar.gz']);
    const entry = (config.linux?.desktop as { entry: Record<string, string> }).entry;
    expect(entry.Categories).toBe('Network;Chat;');
  });

  it('signs macOS builds with hardened runtime and the entitlements under build/, notarised by the hook only', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.notarize).toBe(false);
    for (const plist of [config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      expect(plist).toBe('build/entitlements.mac.plist');
      expect(readFileSync(join(root, plist!), 'utf8')).toContain('com.apple.security.cs.allow-jit');
    }
    expect(config.afterSign).toBe('./build/notarize.mjs');
    expect(existsSync(join(root, config.afterSign as string))).toBe(true);
  });

  it('takes every target’s icon from what build/icons/generate.ts writes', () => {
    const generated = relative(root, defaultOutDir);
    expect(config.linux?.icon).toBe(join(generated, 'png'));
    expect(config.mac?.icon).toBe(join(generated, 'icon.icns'));
    expect(config.win?.icon).toBe(join(generated, 'icon.ico'));
  });

  it('names no update feed, so updates are off by default', () => {
    expect(config.publish).toBeNull();
  });
});
