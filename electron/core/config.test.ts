import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/result';
import { defaultOpenRouterBaseUrl, defaultProfileDir, isLoopbackHost, readCoreConfig } from './config';

const hostileEnv = {
  OPENROUTER_BASE_URL: 'http://attacker.example/api/v1',
  SWITCHBOARD_PROFILE_DIR: '/tmp/elsewhere',
  SWITCHBOARD_SECRET_STORE: 'memory',
  SWITCHBOARD_KEYCHAIN_SERVICE: 'Other',
  SWITCHBOARD_KEYCHAIN_ACCOUNT: 'other',
  SWITCHBOARD_SETTLEMENT_DELAYS_MS: '1,1',
};

describe('readCoreConfig in a packaged app', () => {
  it('ignores every development and test setting', () => {
    const config = readCoreConfig(hostileEnv, { packaged: true, profileDir: '/home/me/.config/Switchboard' });
    expect(config).toEqual({
      openRouterBaseUrl: defaultOpenRouterBaseUrl,
      profileDir: '/home/me/.config/Switchboard',
      secretStore: 'keychain',
      keychainService: 'Switchboard',
      keychainAccount: 'openrouter',
      appVersion: '0.0.0',
    });
  });
});

describe('readCoreConfig in development', () => {
  it('reads the settings from the environment', () => {
    const config = readCoreConfig(
      { ...hostileEnv, OPENROUTER_BASE_URL: 'http://127.0.0.1:4010/api/v1/' },
      { appVersion: '1.2.3' },
    );
    expect(config).toEqual({
      openRouterBaseUrl: 'http://127.0.0.1:4010/api/v1',
      profileDir: '/tmp/elsewhere',
      secretStore: 'memory',
      keychainService: 'Other',
      keychainAccount: 'other',
      appVersion: '1.2.3',
      settlementRoundDelaysMs: [1, 1],
    });
  });

  it.each(['', 'soon', '1,,2', '-5', '1.5'])('keeps the cost lookup waits when the setting is %j', (value) => {
    expect(readCoreConfig({ SWITCHBOARD_SETTLEMENT_DELAYS_MS: value }).settlementRoundDelaysMs).toBeUndefined();
  });

  it.each(['https://openrouter.ai/api/v1', 'https://proxy.example/v1', 'http://localhost:9/v1', 'http://[::1]:9/v1'])(
    'accepts %s',
    (url) => {
      expect(readCoreConfig({ OPENROUTER_BASE_URL: url }).openRouterBaseUrl).toBe(url);
    },
  );

  it.each([
    ['http://attacker.example/api/v1', 'unencrypted'],
    ['http://192.168.1.5/v1', 'unencrypted'],
    ['http://127.0.0.1.attacker.example/v1', 'unencrypted'],
    ['ftp://127.0.0.1/v1', 'not http(s)'],
    ['file:///etc/passwd', 'not http(s)'],
    ['https://user:pw@openrouter.ai/api/v1', 'user name or password'],
    ['not a url', 'not an address'],
  ])('refuses %s at start with a clear message', (url, why) => {
    const attempt = () => readCoreConfig({ OPENROUTER_BASE_URL: url });
    expect(attempt).toThrow(AppFailure);
    expect(attempt).toThrow(why);
    expect(attempt).toThrow('Use an https:// address');
  });
});

describe('readCoreConfig details', () => {
  it.each([
    ['250', [250]],
    ['1500,2000', [1500, 2000]],
    ['100,200,300', [100, 200, 300]],
    [' 100,200 ', [100, 200]],
  ])('reads the cost lookup waits %j', (value, delays) => {
    expect(readCoreConfig({ SWITCHBOARD_SETTLEMENT_DELAYS_MS: value }).settlementRoundDelaysMs).toEqual(delays);
  });

  it.each([{}, { SWITCHBOARD_SECRET_STORE: 'keychain' }, { SWITCHBOARD_SECRET_STORE: 'plaintext' }])(
    'keeps the key in the keychain unless a test asks for memory (%j)',
    (env) => {
      expect(readCoreConfig(env).secretStore).toBe('keychain');
    },
  );

  it.each([
    ['https://proxy.example/v1//', 'https://proxy.example/v1'],
    ['http://127.0.0.1:4010/v1//', 'http://127.0.0.1:4010/v1'],
    ['http://127.10.200.30:4010/v1', 'http://127.10.200.30:4010/v1'],
  ])('accepts %s as %s', (url, expected) => {
    expect(readCoreConfig({ OPENROUTER_BASE_URL: url }).openRouterBaseUrl).toBe(expected);
  });

  it('refuses an address carrying only a user name', () => {
    expect(() => readCoreConfig({ OPENROUTER_BASE_URL: 'https://user@openrouter.ai/api/v1' })).toThrow(
      'user name or password',
    );
  });

  it('refuses with an invalid_input failure that quotes at most 200 characters of the address', () => {
    const url = `ftp://example.com/${'a'.repeat(5000)}`;
    let failure: unknown;
    try {
      readCoreConfig({ OPENROUTER_BASE_URL: url });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).error.code).toBe('invalid_input');
    expect((failure as AppFailure).error.message).toContain(`"${url.slice(0, 200)}"`);
    expect((failure as AppFailure).error.message).not.toContain(url.slice(0, 201));
  });
});

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', '::1', '[::1]', '127.0.0.1', '127.10.200.30'])(
    '%s stays on this machine',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each(['evil127.0.0.1', '127.0.0.1.evil', '1270.0.0.1', '192.168.1.5', 'example.com', '::2'])(
    '%s does not',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});

describe('defaultProfileDir', () => {
  it('is under APPDATA on Windows, or the roaming folder in the home folder when APPDATA is unset', () => {
    expect(defaultProfileDir('win32', { APPDATA: '/appdata' })).toBe(join('/appdata', 'Switchboard'));
    expect(defaultProfileDir('win32', {})).toBe(join(homedir(), 'AppData', 'Roaming', 'Switchboard'));
  });

  it('is under Application Support on macOS, whatever XDG_CONFIG_HOME says', () => {
    expect(defaultProfileDir('darwin', { XDG_CONFIG_HOME: '/xdg', APPDATA: '/appdata' })).toBe(
      join(homedir(), 'Library', 'Application Support', 'Switchboard'),
    );
  });

  it('is under XDG_CONFIG_HOME elsewhere, or ~/.config when it is unset', () => {
    expect(defaultProfileDir('linux', { XDG_CONFIG_HOME: '/xdg', APPDATA: '/appdata' })).toBe(
      join('/xdg', 'Switchboard'),
    );
    expect(defaultProfileDir('linux', {})).toBe(join(homedir(), '.config', 'Switchboard'));
  });
});
