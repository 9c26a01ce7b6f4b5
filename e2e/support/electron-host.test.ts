import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { currentWindowPage } from './electron-host';

/** A stand-in window: what a spec calls on `page`, recording which window answered. */
function standInWindow(name: string) {
  return {
    name,
    url: function (this: { name: string }) {
      return `app://switchboard/${this.name}`;
    },
  } as unknown as Page;
}

describe('currentWindowPage', () => {
  it("sends every use to the latest launch's window, bound to it, so a restart needs no new page", () => {
    let current: Page | null = standInWindow('first');
    const page = currentWindowPage(() => current);
    expect(page.url()).toBe('app://switchboard/first');
    current = standInWindow('second');
    expect(page.url()).toBe('app://switchboard/second');
  });

  it('says to launch first when no window exists yet', () => {
    const page = currentWindowPage(() => null);
    expect(() => page.url()).toThrow('The Electron window exists only after launch(): call launch() first.');
  });
});
