// Core (Node: Electron main or web host): last-resort handlers, so a crash report goes through the redactor too.

import type { Logger } from './logger';

/** Logs an uncaught failure (redacted) and ends the process: continuing after one could corrupt a turn in flight. */
export function installCrashGuard(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.on('uncaughtException', (error) => {
    logger.error('Switchboard stopped after an unexpected error', error);
    exit(70);
  });
  process.on('unhandledRejection', (reason) => {
    logger.error('Switchboard stopped after an unexpected error', reason);
    exit(70);
  });
}
