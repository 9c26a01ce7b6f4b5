import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakeKeys } from './scenarios';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('cli', () => {
  it('prints the startup line, logs requests without the key, and stops on SIGTERM', async () => {
    const child = spawn(tsx, [cli], {
      env: { ...process.env, FAKE_OPENROUTER_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const nextLine = (() => {
      const waiting: ((line: string) => void)[] = [];
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        waiting.shift()?.(line);
      });
      return () => new Promise<string>((resolve) => waiting.push(resolve));
    })();

    try {
      const first = await nextLine();
      const match = /^fake OpenRouter listening at (http:\/\/127\.0\.0\.1:\d+\/api\/v1)$/.exec(first);
      expect(match, first).not.toBeNull();
      const res = await fetch(`${match?.[1]}/key`, { headers: { authorization: `Bearer ${fakeKeys.valid}` } });
      expect(res.status).toBe(200);
      expect(await nextLine()).toMatch(/^GET \/api\/v1\/key 200 \d+ms$/);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(lines.join('\n')).not.toContain(fakeKeys.valid);
  });
});
