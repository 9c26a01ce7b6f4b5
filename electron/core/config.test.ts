import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/result';
import { defaultOpenRouterBaseUrl, readCoreConfig } from './config';

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
