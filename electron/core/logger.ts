// Core: log lines for both hosts; every line passes through the redactor, so a key can never reach a log or crash report.

import { processSecrets, type SecretRegistry } from './redact';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** Writes redacted lines to `write` (stderr by default) with a timestamp and level. */
export function createLogger(
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  secrets: SecretRegistry = processSecrets,
): Logger {
  const emit = (level: string, message: string) =>
    write(secrets.redact(`${new Date().toISOString()} ${level} ${message}`));
  return {
    info: (message) => emit('info', message),
    warn: (message) => emit('warn', message),
    error: (message, error) => emit('error', error === undefined ? message : `${message}: ${describe(error)}`),
  };
}
