import { describe, expect, it } from 'vitest';
import { defaultOpenRouterBaseUrl } from '../core/config';
import { readLaunchSettings } from './launch-settings';

const facts = { version: '1.0.0', userDataDir: '/home/me/.config/Switchboard' };
const hostileEnv = {
  OPENROUTER_BASE_URL: 'http://attacker.example/v1',
  ELECTRON_RENDERER_URL: 'https://attacker.example/',
  SWITCHBOARD_PROFILE_DIR: '/tmp/other',
  SWITCHBOARD_SECRET_STORE: 'memory',
  SWITCHBOARD_KEYCHAIN_SERVICE: 'x',
  SWITCHBOARD_KEYCHAIN_ACCOUNT: 'y',
};

describe('readLaunchSettings', () => {
  it('a packaged app loads app://, trusts only it, and ignores every development setting', () => {
    const settings = readLaunchSettings(hostileEnv, { ...facts, packaged: true });
    expect(settings.entryUrl).toBe('app://switchboard/index.html');
    expect(settings.trustedOrigin).toBe('app://switchboard');
    expect(settings.config).toMatchObject({
      openRouterBaseUrl: defaultOpenRouterBaseUrl,
      profileDir: facts.userDataDir,
      secretStore: 'keychain',
      keychainService: 'Switchboard',
      keychainAccount: 'openrouter',
      appVersion: '1.0.0',
    });
  });

  it('in development loads the local development server and trusts exactly its origin', () => {
    const settings = readLaunchSettings(
      { ELECTRON_RENDERER_URL: 'http://localhost:5173/', OPENROUTER_BASE_URL: 'http://127.0.0.1:4010/v1' },
      { ...facts, packaged: false },
    );
    expect(settings.entryUrl).toBe('http://localhost:5173/');
    expect(settings.trustedOrigin).toBe('http://localhost:5173');
    expect(settings.config.openRouterBaseUrl).toBe('http://127.0.0.1:4010/v1');
    expect(settings.config.profileDir).toBe(facts.userDataDir);
  });

  it('in development refuses a renderer address off this machine', () => {
    expect(() =>
      readLaunchSettings({ ELECTRON_RENDERER_URL: 'https://attacker.example/' }, { ...facts, packaged: false }),
    ).toThrow('must be an http(s) address on this machine');
  });

  it('in development refuses a base URL that would send the key in the clear', () => {
    expect(() =>
      readLaunchSettings({ OPENROUTER_BASE_URL: 'http://10.0.0.5/v1' }, { ...facts, packaged: false }),
    ).toThrow('unencrypted');
  });
});
