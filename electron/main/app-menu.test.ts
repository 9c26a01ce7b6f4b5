import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { ShellCommand } from '../../shared/shell-commands';
import { shortcuts } from '../../shared/shortcuts';
import { type AppMenuOptions, buildAppMenuTemplate } from './app-menu';

type Item = MenuItemConstructorOptions;

function build(platform: NodeJS.Platform, development = false) {
  const sent: { command: ShellCommand; window: unknown }[] = [];
  const options: AppMenuOptions = {
    platform,
    appName: 'Switchboard',
    development,
    send: (command, window) => void sent.push({ command, window }),
  };
  return { template: buildAppMenuTemplate(options), sent };
}

/** Every item of the menu, submenus walked, in order. */
function items(template: Item[]): Item[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const byId = (template: Item[], id: string) => items(template).filter((item) => item.id === id);

/** Chooses an item as Electron would: its click with the item, the window it was chosen in and the event. */
const choose = (item: Item, window: unknown) => item.click?.({} as never, window as BaseWindow, {} as never);

describe.each(['linux', 'win32', 'darwin'] as const)('the application menu on %s', (platform) => {
  it('holds every shortcut of the table once, with the table’s keys', () => {
    const { template } = build(platform);
    for (const entry of shortcuts) {
      const found = byId(template, entry.id);
      expect(found, entry.id).toHaveLength(1);
      // Stop's Escape is left to the page on macOS (see app-menu.ts); everywhere else the keys are the table's.
      if (platform === 'darwin' && entry.id === 'stop') expect(found[0]!.accelerator).toBeUndefined();
      else expect(found[0]!.accelerator, entry.id).toBe(entry.accelerator);
    }
  });

  it('sends the page the shortcut’s own command when a page shortcut is chosen, to the window it was chosen in', () => {
    const { template, sent } = build(platform);
    const window = { name: 'the window' };
    for (const entry of shortcuts.filter((s) => s.handledBy === 'page' && s.id !== 'undo-delete')) {
      choose(byId(template, entry.id)[0]!, window);
    }
    expect(sent.map((s) => s.command)).toEqual(
      shortcuts
        .filter((s) => s.handledBy === 'page' && s.id !== 'undo-delete')
        .map((s) => ({ type: 'shortcut', id: s.id })),
    );
    expect(sent.every((s) => s.window === window)).toBe(true);
  });

  it('leaves zoom and undo to Electron’s roles, which act on the window itself', () => {
    const { template } = build(platform);
    expect(byId(template, 'zoom-in')[0]!.role).toBe('zoomIn');
    expect(byId(template, 'zoom-out')[0]!.role).toBe('zoomOut');
    expect(byId(template, 'zoom-reset')[0]!.role).toBe('resetZoom');
    expect(byId(template, 'undo-delete')[0]!.role).toBe('undo');
    for (const id of ['zoom-in', 'zoom-out', 'zoom-reset', 'undo-delete'])
      expect(byId(template, id)[0]!.click).toBe(undefined);
  });

  it('has the standard Edit roles', () => {
    const { template, sent } = build(platform);
    const roles = items(template).map((item) => item.role);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit'] as const)
      expect(roles).toContain(role);
    expect(sent).toEqual([]);
  });

  it('opens the page’s About dialog from About, in the window it was chosen in, not Electron’s own panel', () => {
    const { template, sent } = build(platform);
    const about = byId(template, 'about');
    expect(about).toHaveLength(1);
    expect(about[0]!.role).toBeUndefined();
    expect(about[0]!.label).toBe('About Switchboard');
    const window = { name: 'the window' };
    choose(about[0]!, window);
    expect(sent).toEqual([{ command: { type: 'show-about' }, window }]);
  });

  it('offers reload and developer tools only in development', () => {
    expect(items(build(platform).template).map((i) => i.role)).not.toContain('toggleDevTools');
    expect(items(build(platform, true).template).map((i) => i.role)).toContain('toggleDevTools');
  });
});

describe('the menu’s shape per platform', () => {
  it('is the app menu, File, Edit, View, Window and Help on macOS, with About and Settings in the app menu', () => {
    const { template } = build('darwin');
    expect(template.map((item) => item.label)).toEqual(['Switchboard', 'File', 'Edit', 'View', 'Window', 'Help']);
    const appMenu = template[0]!.submenu as Item[];
    expect(appMenu.map((item) => item.id).filter(Boolean)).toEqual(['about', 'settings']);
  });

  it('is File, Edit, View, Window and Help elsewhere, with mnemonics, Settings under File and About under Help', () => {
    const { template } = build('linux');
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect((template[0]!.submenu as Item[]).map((item) => item.id)).toContain('settings');
    expect((template[4]!.submenu as Item[]).map((item) => item.id)).toContain('about');
  });

  it('shows Stop’s Escape without registering it on Linux and Windows, so closing a dialog never stops a reply', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const stop = byId(build(platform).template, 'stop')[0]!;
      expect(stop.registerAccelerator).toBe(false);
    }
    const newChat = byId(build('linux').template, 'new-chat')[0]!;
    expect(newChat.registerAccelerator).toBeUndefined();
  });
});
