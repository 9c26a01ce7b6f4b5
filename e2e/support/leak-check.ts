// Test support: asserts a secret appears nowhere a user or an attacker could read it after the fact.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Page, expect } from '@playwright/test';
import type { WebHostProcess } from './web-host-process';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

export async function expectSecretNowhere(
  secret: string,
  where: { profileDir: string; hosts: WebHostProcess[]; page: Page },
): Promise<void> {
  const files = filesUnder(where.profileDir);
  expect(files.length, 'the profile holds the history database').toBeGreaterThan(0);
  for (const file of files) expect(readFileSync(file).includes(secret), `${file} contains the key`).toBe(false);
  for (const host of where.hosts) expect(host.output(), 'web host output contains the key').not.toContain(secret);
  expect(await where.page.content(), 'the DOM contains the key').not.toContain(secret);
  const storage = await where.page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
  expect(storage, 'page storage contains the key').not.toContain(secret);
}
