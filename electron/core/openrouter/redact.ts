// Scrubs credentials from any text that may reach a log line or the screen; OpenRouter errors can echo a key back.

const BEARER = /\bBearer\s+[^\s"',;]+/gi;
const OPENROUTER_KEY = /sk-or-[A-Za-z0-9_-]{4,}/g;
// Provider keys (sk-ant-…, sk-proj-…) can surface in BYOK provider errors relayed by OpenRouter.
const OTHER_SK_KEY = /\bsk-(?!or-)[A-Za-z0-9_-]{20,}/g;

export function redactSecrets(text: string): string {
  return text
    .replace(BEARER, 'Bearer [redacted]')
    .replace(OPENROUTER_KEY, 'sk-or-…[redacted]')
    .replace(OTHER_SK_KEY, 'sk-…[redacted]');
}

/** Removes one exact secret as well, for keys whose shape the patterns above would miss. */
export function redactKnownSecret(text: string, secret: string | null | undefined): string {
  const scrubbed = secret && secret.length >= 4 ? text.split(secret).join('[redacted]') : text;
  return redactSecrets(scrubbed);
}
