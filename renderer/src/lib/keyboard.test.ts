import { afterEach, describe, expect, it, vi } from 'vitest';
import { isShortcut, keyPlatform, shortcutAria, shortcutLabel } from './keyboard';

const press = (key: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

/** The browser's platform string, as the page would see it on that system. */
const onPlatform = (platform: string) => vi.stubGlobal('navigator', { platform });

afterEach(() => vi.unstubAllGlobals());

describe('the page’s shortcuts', () => {
  it('take Cmd as the primary key on a Mac and Ctrl elsewhere', () => {
    onPlatform('MacIntel');
    expect(keyPlatform()).toBe('mac');
    expect(isShortcut('search', press('F', { meta: true, shift: true }))).toBe(true);
    expect(isShortcut('search', press('F', { ctrl: true, shift: true }))).toBe(false);
    expect(shortcutLabel('search')).toBe('⇧⌘F');
    expect(shortcutAria('search')).toBe('Meta+Shift+F');

    onPlatform('Linux x86_64');
    expect(keyPlatform()).toBe('other');
    expect(isShortcut('search', press('F', { ctrl: true, shift: true }))).toBe(true);
    expect(isShortcut('search', press('F', { meta: true, shift: true }))).toBe(false);
    expect(shortcutLabel('search')).toBe('Ctrl+Shift+F');
    expect(shortcutAria('search')).toBe('Control+Shift+F');
  });

  it('count as “not a Mac” where the page has no navigator (a worker, Node)', () => {
    vi.stubGlobal('navigator', undefined);
    expect(keyPlatform()).toBe('other');
  });

  it('never include the window’s own keys (zoom), which the desktop menu handles', () => {
    onPlatform('Linux x86_64');
    expect(isShortcut('zoom-in', press('=', { ctrl: true }))).toBe(false);
    expect(isShortcut('find', press('f', { ctrl: true }))).toBe(true);
    expect(isShortcut('find', press('f', { ctrl: true, shift: true }))).toBe(false);
  });
});
