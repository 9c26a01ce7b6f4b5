import { describe, expect, it } from 'vitest';
import { recordingLogger } from './test-support/recording-logger';
import { type UpdaterLike, decideUpdates, startUpdates, updateCheckIntervalMs } from './updates';

/** electron-updater's autoUpdater as a stand-in: counts checks, keeps its listeners, records an install. */
function standInUpdater(checkFails = false) {
  const listeners = new Map<string, (payload: never) => void>();
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    checks: 0,
    installed: 0,
    on(event: string, listener: (payload: never) => void) {
      listeners.set(event, listener);
      return updater;
    },
    checkForUpdates() {
      updater.checks++;
      return checkFails ? Promise.reject(new Error('offline')) : Promise.resolve(null);
    },
    quitAndInstall() {
      updater.installed++;
    },
    emit(event: string, payload: unknown) {
      listeners.get(event)?.(payload as never);
    },
  };
  return updater satisfies UpdaterLike;
}

function setup(over: { packaged?: boolean; feedConfigured?: boolean; restart?: boolean; checkFails?: boolean } = {}) {
  const updater = standInUpdater(over.checkFails);
  const timers: { run: () => void; ms: number }[] = [];
  const cleared: unknown[] = [];
  const asked: string[] = [];
  let built = 0;
  const logger = recordingLogger();
  const updates = startUpdates({
    packaged: over.packaged ?? true,
    feedConfigured: over.feedConfigured ?? true,
    updater: () => {
      built++;
      return updater;
    },
    askToRestart: async (version) => {
      asked.push(version);
      return over.restart ?? false;
    },
    setInterval: (run, ms) => timers.push({ run, ms }),
    clearInterval: (timer) => cleared.push(timer),
    logger,
  });
  return { updates, updater, timers, cleared, asked, logger, built: () => built };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('decideUpdates', () => {
  it('is on only in a package that names a feed', () => {
    expect(decideUpdates({ packaged: true, feedConfigured: true })).toEqual({ on: true });
    expect(decideUpdates({ packaged: false, feedConfigured: true })).toMatchObject({ on: false });
    expect(decideUpdates({ packaged: true, feedConfigured: false })).toMatchObject({ on: false });
  });
});

describe('startUpdates', () => {
  it('checks at start and then once a day, downloading in the background', () => {
    const t = setup();
    expect(t.updates.on).toBe(true);
    expect(t.updater.checks).toBe(1);
    expect(t.updater.autoDownload).toBe(true);
    expect(t.updater.autoInstallOnAppQuit).toBe(true);
    expect(t.timers.map((timer) => timer.ms)).toEqual([updateCheckIntervalMs]);
    expect(updateCheckIntervalMs).toBe(86_400_000);
    t.timers[0]!.run();
    t.timers[0]!.run();
    expect(t.updater.checks).toBe(3);
    t.updates.stop();
    expect(t.cleared).toHaveLength(1);
  });

  it.each([
    ['in development', { packaged: false }, 'updates are off in development'],
    ['when no feed is named', { feedConfigured: false }, 'updates are off: this package names no update feed'],
  ])('is off %s: the updater is never built, nothing is checked or scheduled', (_name, over, reason) => {
    const t = setup(over);
    expect(t.updates.on).toBe(false);
    expect(t.built()).toBe(0);
    expect(t.updater.checks).toBe(0);
    expect(t.timers).toEqual([]);
    expect(t.logger.lines).toEqual([reason]);
  });

  it('asks before restarting, and restarts only when the person says so', async () => {
    const later = setup({ restart: false });
    later.updater.emit('update-downloaded', { version: '1.2.0' });
    await settle();
    expect(later.asked).toEqual(['1.2.0']);
    expect(later.updater.installed).toBe(0);

    const now = setup({ restart: true });
    now.updater.emit('update-downloaded', { version: '1.2.0' });
    await settle();
    expect(now.updater.installed).toBe(1);
  });

  it('asks once per version, however often the daily check finds it', async () => {
    const t = setup();
    t.updater.emit('update-downloaded', { version: '1.2.0' });
    t.updater.emit('update-downloaded', { version: '1.2.0' });
    t.updater.emit('update-downloaded', { version: '1.3.0' });
    await settle();
    expect(t.asked).toEqual(['1.2.0', '1.3.0']);
  });

  it('logs a failed check and carries on', async () => {
    const t = setup({ checkFails: true });
    await settle();
    t.updater.emit('error', new Error('feed unreachable'));
    expect(t.logger.lines).toEqual(['update check failed: offline', 'update check failed: feed unreachable']);
    expect(t.timers).toHaveLength(1);
  });
});
