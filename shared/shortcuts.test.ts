import { describe, expect, it } from 'vitest';
import {
  type KeyPress,
  ariaKeyShortcuts,
  formatAccelerator,
  matchesAccelerator,
  parseAccelerator,
  shortcut,
  shortcutGroups,
  shortcuts,
} from './shortcuts';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the shortcut table', () => {
  it('has one entry per id, each in a listed group, and no two page shortcuts on the same keys', () => {
    const ids = shortcuts.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of shortcuts) expect(shortcutGroups).toContain(s.group);
    const keys = shortcuts.map((s) => JSON.stringify(parseAccelerator(s.accelerator)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names the shortcuts the app promises', () => {
    expect(shortcut('new-chat').accelerator).toBe('CmdOrCtrl+N');
    expect(shortcut('model-palette').accelerator).toBe('CmdOrCtrl+K');
    expect(shortcut('search').accelerator).toBe('CmdOrCtrl+Shift+F');
    expect(shortcut('find').accelerator).toBe('CmdOrCtrl+F');
    expect(shortcut('stop').accelerator).toBe('Escape');
    expect(shortcut('settings').accelerator).toBe('CmdOrCtrl+,');
    expect(shortcut('spend').accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(shortcut('toggle-sidebar').accelerator).toBe('CmdOrCtrl+B');
    expect(shortcut('copy-last-reply').accelerator).toBe('CmdOrCtrl+Shift+C');
    expect(shortcut('shortcuts-sheet').accelerator).toBe('CmdOrCtrl+/');
    expect(shortcut('toggle-theme').accelerator).toBe('CmdOrCtrl+Shift+L');
    expect(shortcut('attach-files').accelerator).toBe('CmdOrCtrl+U');
    // Zoom is the window's own (menu roles, the browser's zoom), never the page's.
    expect(shortcuts.filter((s) => s.handledBy === 'window').map((s) => s.id)).toEqual([
      'zoom-in',
      'zoom-out',
      'zoom-reset',
    ]);
  });
});

describe('parseAccelerator', () => {
  it('takes an Electron accelerator apart', () => {
    expect(parseAccelerator('CmdOrCtrl+Shift+F')).toEqual({ primary: true, shift: true, alt: false, key: 'f' });
    expect(parseAccelerator('Escape')).toEqual({ primary: false, shift: false, alt: false, key: 'Escape' });
    expect(parseAccelerator('CmdOrCtrl+,')).toEqual({ primary: true, shift: false, alt: false, key: ',' });
    expect(parseAccelerator('CmdOrCtrl+Plus').key).toBe('+');
    expect(parseAccelerator('Alt+Shift+X')).toEqual({ primary: false, shift: true, alt: true, key: 'x' });
  });

  it('refuses what it cannot match rather than matching nothing quietly', () => {
    expect(() => parseAccelerator('Super+K')).toThrow(/Unsupported modifier/);
    expect(() => parseAccelerator('CmdOrCtrl+')).toThrow(/No key/);
  });
});

describe('matchesAccelerator', () => {
  it('is Ctrl on Linux and Windows, Cmd on macOS', () => {
    expect(matchesAccelerator('CmdOrCtrl+K', press('k', { ctrlKey: true }), 'other')).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+K', press('k', { metaKey: true }), 'other')).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+K', press('k', { metaKey: true }), 'mac')).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+K', press('k', { ctrlKey: true }), 'mac')).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+K', press('k'), 'other')).toBe(false);
  });

  it('never confuses the Shift variants', () => {
    const ctrl = { ctrlKey: true };
    // With Shift held the browser reports the capital letter.
    expect(matchesAccelerator('CmdOrCtrl+Shift+F', press('F', { ...ctrl, shiftKey: true }), 'other')).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+F', press('F', { ...ctrl, shiftKey: true }), 'other')).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+Shift+F', press('f', ctrl), 'other')).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+F', press('f', ctrl), 'other')).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+Shift+C', press('C', { metaKey: true, shiftKey: true }), 'mac')).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+Shift+C', press('c', { metaKey: true }), 'mac')).toBe(false);
  });

  it('takes Alt as a different shortcut', () => {
    expect(matchesAccelerator('CmdOrCtrl+K', press('k', { ctrlKey: true, altKey: true }), 'other')).toBe(false);
  });

  it('matches named and punctuation keys', () => {
    expect(matchesAccelerator('Escape', press('Escape'), 'other')).toBe(true);
    expect(matchesAccelerator('Escape', press('Escape', { ctrlKey: true }), 'other')).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+,', press(',', { metaKey: true }), 'mac')).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+/', press('/', { ctrlKey: true }), 'other')).toBe(true);
    // Shift+/ is "?" on most layouts: another key.
    expect(matchesAccelerator('CmdOrCtrl+/', press('?', { ctrlKey: true, shiftKey: true }), 'other')).toBe(false);
  });
});

describe('formatAccelerator and ariaKeyShortcuts', () => {
  it('write the keys as each platform does', () => {
    expect(formatAccelerator('CmdOrCtrl+Shift+F', 'other')).toBe('Ctrl+Shift+F');
    expect(formatAccelerator('CmdOrCtrl+Shift+F', 'mac')).toBe('⇧⌘F');
    expect(formatAccelerator('CmdOrCtrl+,', 'mac')).toBe('⌘,');
    expect(formatAccelerator('Escape', 'other')).toBe('Esc');
    expect(formatAccelerator('Escape', 'mac')).toBe('Esc');
    expect(ariaKeyShortcuts('CmdOrCtrl+Shift+S', 'other')).toBe('Control+Shift+S');
    expect(ariaKeyShortcuts('CmdOrCtrl+Shift+S', 'mac')).toBe('Meta+Shift+S');
    expect(ariaKeyShortcuts('Escape', 'mac')).toBe('Escape');
  });
});

describe('keys beyond the table’s own', () => {
  it('reads Electron’s long modifier names, and keys named by more than one letter as they are', () => {
    expect(parseAccelerator('CommandOrControl+Option+K')).toEqual({ primary: true, shift: false, alt: true, key: 'k' });
    expect(parseAccelerator('CmdOrCtrl+F5')).toEqual({ primary: true, shift: false, alt: false, key: 'F5' });
    expect(parseAccelerator('Shift+Return').key).toBe('Enter');
    expect(matchesAccelerator('CmdOrCtrl+F5', press('F5', { ctrlKey: true }), 'other')).toBe(true);
  });

  it('never takes another key for the shortcut’s own, whatever modifiers are held', () => {
    expect(matchesAccelerator('CmdOrCtrl+K', press('j', { ctrlKey: true }), 'other')).toBe(false);
    expect(matchesAccelerator('Escape', press('Enter'), 'other')).toBe(false);
  });

  it('writes named keys as each platform does, and names Space for assistive technology', () => {
    expect(formatAccelerator('CmdOrCtrl+Enter', 'mac')).toBe('⌘↩');
    expect(formatAccelerator('CmdOrCtrl+Enter', 'other')).toBe('Ctrl+Enter');
    expect(formatAccelerator('Alt+Tab', 'mac')).toBe('⌥⇥');
    expect(formatAccelerator('Alt+Tab', 'other')).toBe('Alt+Tab');
    expect(formatAccelerator('CmdOrCtrl+Space', 'other')).toBe('Ctrl+Space');
    expect(formatAccelerator('CmdOrCtrl+F5', 'other')).toBe('Ctrl+F5');
    expect(ariaKeyShortcuts('CmdOrCtrl+Space', 'other')).toBe('Control+Space');
    expect(ariaKeyShortcuts('Alt+Tab', 'other')).toBe('Alt+Tab');
  });

  it('refuses an id the table does not have', () => {
    expect(() => shortcut('no-such-shortcut' as never)).toThrow(/No shortcut no-such-shortcut/);
  });
});
