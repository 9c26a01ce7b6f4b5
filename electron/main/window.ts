// Electron main: the one app window, with the security checklist written out in full.

import { join } from 'node:path';
import { BrowserWindow, type WebFrameMain, shell } from 'electron';

const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const rendererFile = join(import.meta.dirname, '../renderer/index.html');

/** Opens http(s) links in the OS browser after parsing them; everything else is dropped. */
function openExternally(url: string): void {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') void shell.openExternal(parsed.toString());
  } catch {
    // Not a URL: nothing to open.
  }
}

export function isOwnPage(frame: WebFrameMain | null): boolean {
  if (!frame) return false;
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) return frame.url.startsWith(devUrl);
  try {
    const url = new URL(frame.url);
    return url.protocol === 'file:' && decodeURIComponent(url.pathname).endsWith('/renderer/index.html');
  } catch {
    return false;
  }
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 480,
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

  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternally(url);
  });
  window.once('ready-to-show', () => window.show());

  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) void window.loadURL(devUrl);
  else void window.loadFile(rendererFile);
  return window;
}
