// The afterSign hook must do nothing unless Apple credentials are given, and then notarise the signed .app.

import { describe, expect, it } from 'vitest';
import afterSign, { notarizeCredentials, notarizePlan } from './notarize.mjs';

const mac = {
  electronPlatformName: 'darwin',
  appOutDir: '/dist/mac-arm64',
  packager: { appInfo: { productFilename: 'Switchboard' } },
};
const appleId = { APPLE_ID: 'ada@example.com', APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh', APPLE_TEAM_ID: 'TEAM123' };
const apiKey = { APPLE_API_KEY: '/keys/AuthKey.p8', APPLE_API_KEY_ID: 'KEY123', APPLE_API_ISSUER: 'issuer-uuid' };

async function run(context: typeof mac, env: Record<string, string | undefined>) {
  const sent: object[] = [];
  const lines: string[] = [];
  await afterSign(context, {
    env,
    notarize: async (options) => void sent.push(options),
    log: (line) => lines.push(line),
  });
  return { sent, lines };
}

describe('notarizeCredentials', () => {
  it('takes only a complete set, the API key before an Apple ID', () => {
    expect(notarizeCredentials({})).toBeNull();
    expect(notarizeCredentials({ ...appleId, APPLE_TEAM_ID: '' })).toBeNull();
    expect(notarizeCredentials({ APPLE_API_KEY: 'k', APPLE_API_KEY_ID: 'id' })).toBeNull();
    expect(notarizeCredentials(appleId)).toEqual({
      appleId: 'ada@example.com',
      appleIdPassword: 'abcd-efgh',
      teamId: 'TEAM123',
    });
    expect(notarizeCredentials({ ...appleId, ...apiKey })).toEqual({
      appleApiKey: '/keys/AuthKey.p8',
      appleApiKeyId: 'KEY123',
      appleApiIssuer: 'issuer-uuid',
    });
  });
});

describe('the afterSign hook', () => {
  it('does nothing without credentials', async () => {
    const { sent, lines } = await run(mac, {});
    expect(sent).toEqual([]);
    expect(lines[0]).toMatch(/^notarisation skipped: no Apple credentials/);
  });

  it('does nothing for a Linux or Windows build, even with credentials', async () => {
    for (const platform of ['linux', 'win32']) {
      const { sent } = await run({ ...mac, electronPlatformName: platform }, appleId);
      expect(sent).toEqual([]);
    }
    expect(notarizePlan({ ...mac, electronPlatformName: 'linux' }, appleId)).toEqual({ skip: 'not a macOS build' });
  });

  it('notarises the signed .app with the credentials given', async () => {
    const { sent, lines } = await run(mac, appleId);
    expect(sent).toEqual([
      {
        appPath: '/dist/mac-arm64/Switchboard.app',
        appleId: 'ada@example.com',
        appleIdPassword: 'abcd-efgh',
        teamId: 'TEAM123',
      },
    ]);
    expect(lines).toEqual(['notarising /dist/mac-arm64/Switchboard.app']);
  });
});
