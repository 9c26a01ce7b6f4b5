import { describe, expect, it } from 'vitest';
import { recordingLogger } from './test-support/recording-logger';
import { type GuardedContents, guardWebContents, openExternally } from './navigation-guard';

type Listener = (event: { url: string; preventDefault(): void }) => void;

/** A web contents stand-in: records the handlers the guard installs so the test can fire them. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    setWindowOpenHandler: (handler) => void (openHandler = handler),
    on: (event: string, listener: Listener) => listeners.set(event, listener),
  };
  const fire = (event: string, url = '') => {
    let prevented = false;
    listeners.get(event)?.({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

function setup() {
  const opened: string[] = [];
  const shell = { openExternal: async (url: string) => void opened.push(url) };
  const logger = recordingLogger();
  const fake = fakeContents();
  guardWebContents(fake.contents, {
    shell,
    isOwnPage: (url) => url.startsWith('app://switchboard/'),
    logger,
  });
  return { ...fake, opened, logger };
}

describe('openExternally', () => {
  it('opens http(s) links, normalised, and nothing else', () => {
    const opened: string[] = [];
    const shell = { openExternal: async (url: string) => void opened.push(url) };
    expect(openExternally(shell, 'HTTPS://Example.com/a b')).toBe(true);
    expect(openExternally(shell, 'javascript:alert(1)')).toBe(false);
    expect(openExternally(shell, 'file:///etc/passwd')).toBe(false);
    expect(openExternally(shell, 'smb://host/share')).toBe(false);
    expect(openExternally(shell, 'not a url')).toBe(false);
    expect(opened).toEqual(['https://example.com/a%20b']);
  });
});

describe('guardWebContents', () => {
  it('denies every new window and sends web links to the OS browser', () => {
    const { open, opened, logger } = setup();
    expect(open('https://openrouter.ai/settings/keys')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://openrouter.ai/settings/keys']);
    expect(logger.lines).toEqual(['blocked a new window to file:///etc/passwd']);
  });

  it('keeps the top frame on the app, even for our own origin', () => {
    const { fire, opened } = setup();
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'app://switchboard/index.html')).toBe(true);
    expect(opened).toEqual(['https://example.com/']);
  });

  it('blocks frame navigations and redirects away from our origin, allows our own', () => {
    const { fire, logger } = setup();
    expect(fire('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-frame-navigate', 'app://switchboard/index.html#x')).toBe(false);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-redirect', 'app://switchboard/index.html')).toBe(false);
    expect(logger.lines).toEqual([
      'blocked a frame navigation to https://evil.example/',
      'blocked a redirect to https://evil.example/',
    ]);
  });

  it('refuses webviews', () => {
    expect(setup().fire('will-attach-webview')).toBe(true);
  });
});
