// Electron main: the native application menu, built from the shared shortcut table (shared/shortcuts.ts). Every
// shortcut of the table is an item here with the table's accelerator; choosing a page shortcut's item sends the page
// the same command its keys run (shared/shell-commands.ts), and the window's own (zoom) are Electron's roles.
// A plain function of its options, so the menu is unit-tested in Node without Electron.

import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import type { ShellCommand } from '../../shared/shell-commands';
import { type ShortcutId, shortcut } from '../../shared/shortcuts';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Reload and developer tools, for `npm start` only. */
  development: boolean;
  /** Sends a command to the page of the window the item was chosen in (or the app's window when none is). */
  send(command: ShellCommand, window: BaseWindow | undefined): void;
}

type Item = MenuItemConstructorOptions;

/**
 * Where Chromium lets accelerators fire: for a key press the page did not take (preventDefault), as Electron hands the
 * menu only unhandled key events. The page's own handlers take every shortcut they act on, so a key never runs twice;
 * a key the page declined (Ctrl/Cmd+F with no conversation open) reaches the item, whose command the page declines
 * again for the same reason. Escape is the exception: a dialog, the find bar or a rename field may close on it without
 * claiming it, and "Stop" must not follow, so its key is shown and left to the page alone.
 */
function pageItem(id: ShortcutId, options: AppMenuOptions, label?: string): Item {
  const entry = shortcut(id);
  const item: Item = {
    id,
    label: label ?? entry.label,
    accelerator: entry.accelerator,
    click: (_item, window) => options.send({ type: 'shortcut', id }, window),
  };
  // registerAccelerator is honoured on Linux and Windows only; on macOS the key stays out of the menu instead.
  if (id === 'stop') {
    if (options.platform === 'darwin') delete item.accelerator;
    else item.registerAccelerator = false;
  }
  return item;
}

/** The window's own shortcuts: Electron's roles, with the table's keys (the roles' own would be CmdOrCtrl+Plus). */
const windowItem = (id: ShortcutId, role: 'zoomIn' | 'zoomOut' | 'resetZoom'): Item => ({
  id,
  role,
  label: shortcut(id).label,
  accelerator: shortcut(id).accelerator,
});

const separator: Item = { type: 'separator' };

export function buildAppMenuTemplate(options: AppMenuOptions): Item[] {
  const mac = options.platform === 'darwin';
  // The page's About dialog, not Electron's own panel: it has the Electron/Chromium versions and the data folder.
  const about: Item = {
    id: 'about',
    label: `About ${options.appName}`,
    click: (_item, window) => options.send({ type: 'show-about' }, window),
  };
  const settings = pageItem('settings', options, mac ? 'Settings…' : 'Settings');

  const appMenu: Item = {
    label: options.appName,
    submenu: [
      about,
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const file: Item = {
    label: mac ? 'File' : '&File',
    submenu: [
      pageItem('new-chat', options),
      pageItem('new-compare', options, 'New compare…'),
      pageItem('model-palette', options, 'Choose a model…'),
      pageItem('attach-files', options, 'Attach files…'),
      pageItem('stop', options),
      separator,
      ...(mac ? [] : [settings, separator]),
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };

  const edit: Item = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      // Ctrl/Cmd+Z undoes typing in a text field; outside one, right after a delete, the page takes it to bring the
      // conversation back (the Undo toast). The role keeps the table's keys so the two stay one shortcut.
      { id: 'undo-delete', role: 'undo', accelerator: shortcut('undo-delete').accelerator },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } satisfies Item] : []),
      { role: 'selectAll' },
      separator,
      pageItem('find', options, 'Find in this conversation…'),
      pageItem('search', options, 'Search all conversations…'),
      separator,
      pageItem('copy-last-reply', options),
    ],
  };

  const view: Item = {
    label: mac ? 'View' : '&View',
    submenu: [
      pageItem('toggle-sidebar', options),
      pageItem('spend', options),
      pageItem('toggle-theme', options),
      separator,
      windowItem('zoom-reset', 'resetZoom'),
      windowItem('zoom-in', 'zoomIn'),
      windowItem('zoom-out', 'zoomOut'),
      separator,
      { role: 'togglefullscreen' },
      ...(options.development ? [separator, { role: 'reload' } as Item, { role: 'toggleDevTools' } as Item] : []),
    ],
  };

  const windowMenu: Item = {
    label: mac ? 'Window' : '&Window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const help: Item = {
    label: mac ? 'Help' : '&Help',
    role: 'help',
    submenu: [pageItem('shortcuts-sheet', options, 'Keyboard Shortcuts'), ...(mac ? [] : [separator, about])],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
