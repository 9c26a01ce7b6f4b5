// Electron main: the one app window, with the security checklist written out in full.

import { join } from 'node:path';
import { BrowserWindow } from 'electron';

const preloadPath = join(import.meta.dirname, '../preload/index.cjs');

/** Smallest size the layout is designed for (see renderer/src/styles.css). */
export const minimumWindowSize = { width: 720, height: 480 };

/** Navigation, new windows and webviews are refused for every web contents by the guard in index.ts. */
export function createMainWindow(entryUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
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
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}
