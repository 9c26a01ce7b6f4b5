import { describe, expect, it } from 'vitest';
import type { Logger } from './logger';
import { createShutdown } from './shutdown';

function parts(overrides: { settled?: () => Promise<void>; stopTransport?: () => void } = {}) {
  const steps: string[] = [];
  const logs: string[] = [];
  const logger: Logger = { info: () => {}, warn: () => {}, error: (m) => logs.push(m) };
  return {
    steps,
    logs,
    parts: {
      stopTransport: overrides.stopTransport ?? (() => void steps.push('transport')),
      settled: overrides.settled ?? (async () => void steps.push('settled')),
      closeDatabase: () => void steps.push('database'),
      releaseProfile: () => void steps.push('profile'),
      logger,
      settleTimeoutMs: 50,
    },
  };
}

describe('createShutdown', () => {
  it('stops the transport, waits for settlement, closes the database, then releases the profile', async () => {
    const { steps, parts: p } = parts();
    await createShutdown(p)();
    expect(steps).toEqual(['transport', 'settled', 'database', 'profile']);
  });

  it('runs once however often it is asked', async () => {
    const { steps, parts: p } = parts();
    const shutdown = createShutdown(p);
    await Promise.all([shutdown(), shutdown()]);
    await shutdown();
    expect(steps).toEqual(['transport', 'settled', 'database', 'profile']);
  });

  it('does not wait forever for cost lookups', async () => {
    const { steps, parts: p } = parts({ settled: () => new Promise(() => {}) });
    await createShutdown(p)();
    expect(steps).toEqual(['transport', 'database', 'profile']);
  });

  it('still closes the database and releases the profile when a step fails', async () => {
    const {
      steps,
      logs,
      parts: p,
    } = parts({
      stopTransport: () => {
        throw new Error('socket trouble');
      },
    });
    await createShutdown(p)();
    expect(steps).toEqual(['settled', 'database', 'profile']);
    expect(logs).toEqual(['shutdown: stopping the transport failed']);
  });

  it('names each later step that fails in the log, and still runs the rest', async () => {
    const logs: string[] = [];
    const fail = (what: string) => () => {
      throw new Error(what);
    };
    await createShutdown({
      stopTransport: () => {},
      settled: () => Promise.reject(new Error('lookup trouble')),
      closeDatabase: fail('disk trouble'),
      releaseProfile: fail('lock trouble'),
      logger: { info: () => {}, warn: () => {}, error: (m) => logs.push(m) },
    })();
    expect(logs).toEqual([
      'shutdown: waiting for cost lookups failed',
      'shutdown: closing the database failed',
      'shutdown: releasing the profile failed',
    ]);
  });

  it('waits a while for cost lookups when no limit is given', async () => {
    const { steps, parts: p } = parts({
      settled: () => new Promise((resolve) => setTimeout(() => resolve(void steps.push('settled')), 100)),
    });
    await createShutdown({ ...p, settleTimeoutMs: undefined })();
    expect(steps).toEqual(['transport', 'settled', 'database', 'profile']);
  });
});
