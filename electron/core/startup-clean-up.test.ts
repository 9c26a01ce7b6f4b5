// The core's start: the attachment clean-up it runs once the history is open must run, not fail on the way in.

import { expect, it } from 'vitest';
import { readCoreConfig } from './config';
import { createCore } from './core';
import { useTempDir } from './test-support/temp-dir';

const tempDir = useTempDir();

it('runs the attachment clean-up at start without a warning, on a new profile and on reopening it', async () => {
  const dir = tempDir();
  const warnings: string[] = [];
  const logger = { info: () => {}, warn: (line: string) => warnings.push(line), error: () => {} };
  const config = readCoreConfig({ SWITCHBOARD_PROFILE_DIR: dir, SWITCHBOARD_SECRET_STORE: 'memory' });
  for (let start = 0; start < 2; start++) {
    const core = createCore(config, { logger, transport: 'web' });
    try {
      expect((await core.preferences.get()).ok).toBe(true);
      // The clean-up is not awaited by anything the page calls: give it its turns.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      core.close();
    }
  }
  expect(warnings).toEqual([]);
});
