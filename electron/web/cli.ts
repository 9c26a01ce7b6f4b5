// Web host (Node): `npm run web` — the same core and renderer as the desktop app, on 127.0.0.1, for browsers and tests.
//
// Environment: OPENROUTER_BASE_URL, SWITCHBOARD_PROFILE_DIR, SWITCHBOARD_WEB_PORT (0 = any free port),
// SWITCHBOARD_STATIC_DIR (default out/renderer). Prints one line, "Switchboard web host listening at <url>".

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCoreConfig } from '../core/config';
import { createCore } from '../core/core';
import { installCrashGuard } from '../core/crash-guard';
import { createLogger } from '../core/logger';
import { type ProfileLock, acquireProfileLock } from '../core/profile-lock';
import { createRouter } from '../core/router';
import { createShutdown } from '../core/shutdown';
import { AppFailure } from '../../shared/result';
import { startWebHost } from './server';

const projectRoot = resolve(import.meta.dirname, '../..');

async function main(): Promise<void> {
  const logger = createLogger();
  installCrashGuard(logger);
  const staticDir = resolve(process.env.SWITCHBOARD_STATIC_DIR ?? join(projectRoot, 'out/renderer'));
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(`The renderer is not built (${staticDir} has no index.html): run "npm run build" first.`);
    process.exit(1);
  }
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  let config;
  let profileLock: ProfileLock;
  let core;
  try {
    config = readCoreConfig(process.env, { appVersion: version });
    // Before the database is opened: a second process on this profile stops here, naming the one that has it.
    profileLock = acquireProfileLock(config.profileDir, { owner: 'web host' });
    core = createCore(config, { logger, transport: 'web' });
  } catch (error) {
    if (error instanceof AppFailure) {
      console.error(`Switchboard cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  const host = await startWebHost({
    router: createRouter(core, logger),
    logger,
    staticDir,
    files: core.portability,
    attachments: core.attachments,
    port: Number(process.env.SWITCHBOARD_WEB_PORT ?? 0),
  });
  console.log(`Switchboard web host listening at ${host.url}`);
  logger.info(`profile ${config.profileDir}; OpenRouter at ${config.openRouterBaseUrl}`);

  const shutdown = createShutdown({
    stopTransport: () => host.close(),
    settled: () => core.chat.settled(),
    closeDatabase: () => core.close(),
    releaseProfile: () => profileLock.release(),
    logger,
  });
  const stop = async () => {
    await shutdown();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
