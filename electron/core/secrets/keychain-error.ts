// Core: what a person is told when the OS keychain cannot be used — what to do about it, and why, never the secret.

import { AppFailure } from '../../../shared/result';
import { processSecrets } from '../redact';

function advice(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'The macOS Keychain is locked or refused access: unlock your login keychain and allow Switchboard to use it';
    case 'win32':
      return 'Windows Credential Manager is unavailable: sign in to Windows with a regular user account';
    default:
      return 'No Secret Service is running or the keyring is locked: install and unlock gnome-keyring or KWallet';
  }
}

const sessionOnlyHint = 'or keep the key for this session only.';
const maxReasonLength = 300;

/** The keychain's own words, scrubbed by the core's one redactor (plus the secret being stored) and kept short. */
export function redactReason(text: string, secret?: string): string {
  const out = processSecrets.redact(text, secret ? [secret] : []);
  return out.length > maxReasonLength ? `${out.slice(0, maxReasonLength)}…` : out;
}

function reasonOf(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return typeof cause === 'string' ? cause : 'unknown error';
}

/** The keychain answered with an error (no Secret Service, locked collection, access denied…). */
export function keychainUnavailable(
  cause: unknown,
  options: { platform?: NodeJS.Platform; secret?: string } = {},
): AppFailure {
  const reason = redactReason(reasonOf(cause), options.secret);
  return new AppFailure({
    code: 'keychain_unavailable',
    message: `${advice(options.platform ?? process.platform)}, ${sessionOnlyHint} (Reason: ${reason})`,
  });
}

/** The native keychain module itself is missing or was built for another runtime. */
export function keychainModuleMissing(cause: unknown): AppFailure {
  return new AppFailure({
    code: 'keychain_unavailable',
    message:
      `Switchboard's keychain module could not be loaded: reinstall Switchboard, ${sessionOnlyHint} ` +
      `(Reason: ${redactReason(reasonOf(cause))})`,
  });
}
