// Electron main: no frame and no new web contents may navigate away from the app or open a window; http(s) links go
// to the OS browser after parsing, everything else is dropped.

import type { Logger } from '../core/logger';

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

interface Preventable {
  url: string;
  preventDefault(): void;
}

/** The parts of Electron's WebContents the guard uses. */
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: Preventable) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: Preventable) => void): unknown;
  on(event: 'will-redirect', listener: (event: Preventable) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface NavigationGuardOptions {
  shell: ShellLike;
  /** True for addresses of our own page (same origin exactly). */
  isOwnPage(url: string): boolean;
  logger: Logger;
}

/** Opens http(s) links in the OS browser after parsing them; returns whether it did. */
export function openExternally(shell: ShellLike, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  void shell.openExternal(parsed.toString()).catch(() => undefined);
  return true;
}

export function guardWebContents(contents: GuardedContents, options: NavigationGuardOptions): void {
  const { shell, isOwnPage, logger } = options;
  const leaveToBrowser = (url: string, what: string) => {
    if (!openExternally(shell, url)) logger.warn(`blocked ${what} to ${url.slice(0, 200)}`);
  };

  contents.setWindowOpenHandler(({ url }) => {
    leaveToBrowser(url, 'a new window');
    return { action: 'deny' };
  });
  // The app is one page: any navigation of the top frame is a link the person clicked, or an attack.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    leaveToBrowser(event.url, 'a navigation');
  });
  // Subframes too (an injected iframe could otherwise wander off); same-page navigations of our own origin are fine.
  contents.on('will-frame-navigate', (event) => {
    if (isOwnPage(event.url)) return;
    event.preventDefault();
    logger.warn(`blocked a frame navigation to ${event.url.slice(0, 200)}`);
  });
  contents.on('will-redirect', (event) => {
    if (isOwnPage(event.url)) return;
    event.preventDefault();
    logger.warn(`blocked a redirect to ${event.url.slice(0, 200)}`);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
