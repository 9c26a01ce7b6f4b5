// Electron main: updates through electron-updater — checked at start and once a day, downloaded in the background,
// and installed only when the person says so (or at their next quit). Off in development (`npm start`: nothing to
// update) and when no feed is configured: electron-builder writes `app-update.yml` into the package only when
// `publish` in electron-builder.yml names a feed, and it names none by default. The updater comes in as a parameter,
// so the schedule and the off conditions are unit-tested in Node with a stand-in.

import type { Logger } from '../core/logger';

/** The part of electron-updater's `autoUpdater` used here. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
}

export const updateCheckIntervalMs = 24 * 60 * 60 * 1000;

/** The question asked once an update is downloaded; the first button restarts, the second waits for the next quit. */
export const restartPrompt = (version: string) =>
  ({
    message: `Switchboard ${version} is ready to install.`,
    detail: 'Restart now to use it? Otherwise it is installed the next time you quit Switchboard.',
    restartButton: 'Restart now',
    laterButton: 'Later',
  }) as const;

export interface UpdateFacts {
  /** `app.isPackaged`: false under `npm start`. */
  packaged: boolean;
  /** Whether the package carries electron-builder's `app-update.yml`, i.e. a feed was named when it was built. */
  feedConfigured: boolean;
}

export type UpdatesDecision = { on: true } | { on: false; reason: string };

export function decideUpdates(facts: UpdateFacts): UpdatesDecision {
  if (!facts.packaged) return { on: false, reason: 'updates are off in development' };
  if (!facts.feedConfigured) return { on: false, reason: 'updates are off: this package names no update feed' };
  return { on: true };
}

export interface UpdateDeps extends UpdateFacts {
  /** Called only when updates are on, so the updater is never built in development. */
  updater(): UpdaterLike;
  /** Shows restartPrompt; true when the person chose to restart now. */
  askToRestart(version: string): Promise<boolean>;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(timer: unknown): void;
  logger: Logger;
}

export interface Updates {
  readonly on: boolean;
  stop(): void;
}

export function startUpdates(deps: UpdateDeps): Updates {
  const decision = decideUpdates(deps);
  if (!decision.on) {
    deps.logger.info(decision.reason);
    return { on: false, stop: () => undefined };
  }
  const updater = deps.updater();
  updater.autoDownload = true;
  // "Later" still installs it: at the next quit, as other apps do.
  updater.autoInstallOnAppQuit = true;
  // One question per version: a daily check finding the same download again must not ask again.
  const asked = new Set<string>();
  updater.on('update-downloaded', (info) => {
    if (asked.has(info.version)) return;
    asked.add(info.version);
    void deps.askToRestart(info.version).then((restart) => {
      if (restart) updater.quitAndInstall();
    });
  });
  // A failed check is not the person's problem (offline, the feed down): it is logged and tried again tomorrow.
  updater.on('error', (error) => deps.logger.warn(`update check failed: ${error.message}`));
  const check = () =>
    void updater.checkForUpdates().catch((error: unknown) => {
      deps.logger.warn(`update check failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  check();
  const timer = deps.setInterval(check, updateCheckIntervalMs);
  return { on: true, stop: () => deps.clearInterval(timer) };
}
