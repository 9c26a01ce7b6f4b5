// Runs keytar against a real Secret Service. The project's test script starts one:
//   dbus-run-session -- bash -c 'printf %s switchboard-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run ...'
// Without a session bus these report as skipped, never passed.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from './keytar-secret-store';

const service = 'Switchboard Test';
const runId = `${process.pid}-${randomUUID()}`;
const noSessionBus = process.platform !== 'linux' || !process.env.DBUS_SESSION_BUS_ADDRESS;

describe('KeytarSecretStore on a real Secret Service', () => {
  const stores: KeytarSecretStore[] = [];
  const storeFor = (name: string) => {
    const store = new KeytarSecretStore({ service, account: `${name}-${runId}` });
    stores.push(store);
    return store;
  };
  afterAll(async () => {
    if (noSessionBus) return;
    for (const store of stores) await store.delete();
  });

  it.skipIf(noSessionBus)('stores, reads back and deletes a key', async () => {
    const store = storeFor('round-trip');
    expect(await store.get()).toBeNull();
    await store.set('sk-or-v1-round-trip-secret');
    expect(await store.get()).toBe('sk-or-v1-round-trip-secret');
    await store.delete();
    expect(await store.get()).toBeNull();
  });

  it.skipIf(noSessionBus)('overwrites an existing key', async () => {
    const store = storeFor('overwrite');
    await store.set('sk-or-v1-first');
    await store.set('sk-or-v1-second');
    expect(await store.get()).toBe('sk-or-v1-second');
    // A second store on the same entry (e.g. after a restart) sees the same key.
    expect(await new KeytarSecretStore({ service, account: store.account }).get()).toBe('sk-or-v1-second');
  });

  it.skipIf(noSessionBus)('keeps entries for different accounts apart', async () => {
    const a = storeFor('a');
    const b = storeFor('b');
    await a.set('sk-or-v1-only-a');
    expect(await b.get()).toBeNull();
  });

  it.skipIf(noSessionBus)('deletes an absent entry without complaint', async () => {
    await expect(storeFor('never-set').delete()).resolves.toBeUndefined();
  });
});

/** Runs the probe in a child process with a broken D-Bus environment and returns its one line of JSON. */
function probeWithout(env: NodeJS.ProcessEnv, operation: 'get' | 'set') {
  const probe = fileURLToPath(new URL('../test-support/keytar-probe.ts', import.meta.url));
  const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
  const result = spawnSync(process.execPath, ['--import', 'tsx', probe, operation, `probe-${runId}`], {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
    // A hang is a failure too: the app must not freeze when no keyring answers.
    timeout: 15_000,
  });
  return result;
}

describe('KeytarSecretStore without a Secret Service', () => {
  const runtimeDir = mkdtempSync(join(tmpdir(), 'switchboard-no-bus-'));
  afterAll(() => rmSync(runtimeDir, { recursive: true, force: true }));

  const brokenEnv = (bus: string | undefined): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: runtimeDir };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    if (bus === undefined) delete env.DBUS_SESSION_BUS_ADDRESS;
    else env.DBUS_SESSION_BUS_ADDRESS = bus;
    return env;
  };

  it.skipIf(process.platform !== 'linux').each([
    ['a bus address that leads nowhere', 'unix:path=/nonexistent', 'set', /Could not connect/],
    ['no session bus and no display', undefined, 'get', /autolaunch D-Bus/],
  ] as const)('rejects with keychain_unavailable and advice when there is %s', (_, bus, operation, reason) => {
    const result = probeWithout(brokenEnv(bus), operation);
    expect(result.error, 'the probe did not finish in time').toBeUndefined();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toContain('probe-secret-never-printed');

    const lines = result.stdout.trim().split('\n');
    const outcome = JSON.parse(lines.at(-1) ?? '{}') as { ok: boolean; error?: { code: string; message: string } };
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.code).toBe('keychain_unavailable');
    expect(outcome.error?.message).toContain(
      'No Secret Service is running or the keyring is locked: install and unlock gnome-keyring or KWallet',
    );
    expect(outcome.error?.message).toMatch(reason);
  });
});
