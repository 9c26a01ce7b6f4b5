// Electron main: the one app window, with the security checklist written out in full.

import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { WindowState } from './window-state';

const preloadPath = join(import.meta.dirname, '../preload/index.cjs');

/** Smallest size the layout is designed for (see renderer/src/styles.css); restored bounds never go below it. */
export const minimumWindowSize = { width: 720, height: 480 };

/** Navigation, new windows and webviews are refused for every web contents by the guard in index.ts. */
export function createMainWindow(entryUrl: string, state: WindowState): BrowserWindow {
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    title: 'Switchboard',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
  // Maximised before it is shown, so it does not appear at its normal size first; unmaximising returns to the bounds.
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}
