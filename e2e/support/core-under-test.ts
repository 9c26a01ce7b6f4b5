// Test support: the core as both hosts build it — real SQLite in a profile folder, real HTTP — pointed at the
// OpenRouter fake, with the key kept in memory so tests never touch a keychain.

import { readCoreConfig } from '../../electron/core/config';
import { type Core, type CoreDependencies, createCore } from '../../electron/core/core';

export function startCoreAgainstFake(
  fakeBaseUrl: string,
  profileDir: string,
  deps: Omit<CoreDependencies, 'transport'>,
): Core {
  const config = readCoreConfig({
    OPENROUTER_BASE_URL: fakeBaseUrl,
    SWITCHBOARD_PROFILE_DIR: profileDir,
    SWITCHBOARD_SECRET_STORE: 'memory',
  });
  return createCore(config, { transport: 'web', ...deps });
}
