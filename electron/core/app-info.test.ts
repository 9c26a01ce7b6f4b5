import { describe, expect, it } from 'vitest';
import { describeApp, runtimeVersions } from './app-info';

describe('runtimeVersions', () => {
  it("names Electron's and Chromium's versions when Electron runs the core", () => {
    expect(runtimeVersions({ node: '22.20.0', electron: '45.4.1', chrome: '142.0.7444.0' })).toEqual({
      node: '22.20.0',
      electron: '45.4.1',
      chromium: '142.0.7444.0',
    });
  });

  it('has neither in plain Node (the web host)', () => {
    expect(runtimeVersions({ node: '22.20.0' })).toEqual({ node: '22.20.0', electron: null, chromium: null });
  });
});

describe('describeApp', () => {
  const facts = {
    version: '1.2.3',
    openRouterBaseUrl: 'https://openrouter.ai/api/v1',
    profileDir: '/home/ada/.config/Switchboard',
    versions: { node: '22.20.0' },
  };

  it('gives the version and the data folder, which only the desktop app can show in the file manager', () => {
    expect(describeApp({ ...facts, transport: 'electron' })).toMatchObject({
      version: '1.2.3',
      transport: 'electron',
      dataFolder: '/home/ada/.config/Switchboard',
      canShowDataFolder: true,
    });
    expect(describeApp({ ...facts, transport: 'web' }).canShowDataFolder).toBe(false);
  });
});
