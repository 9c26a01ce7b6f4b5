import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const key = `sk-or-v1-${'c0ffee00'.repeat(8)}`;

describe('installCrashGuard', () => {
  it('reports an uncaught error without the key and exits with a failure code', () => {
    const script = `
      import { installCrashGuard } from './electron/core/crash-guard';
      import { createLogger } from './electron/core/logger';
      installCrashGuard(createLogger());
      setTimeout(() => { throw new Error('request with Authorization: Bearer ${key} failed'); });
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(70);
    expect(run.stderr).toContain('Switchboard stopped after an unexpected error');
    expect(run.stderr).not.toContain(key);
  });
});
