// Runs in the fake OpenRouter process: identifiers shaped like the ones OpenRouter hands out.

import { randomBytes } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlnum(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  // 248 = 4 * 62: rejecting higher bytes keeps every character equally likely.
  for (let i = 0; i < length; i++) {
    let b = bytes[i] ?? 0;
    while (b >= 248) b = randomBytes(1)[0] ?? 0;
    out += ALNUM[b % 62];
  }
  return out;
}

/** `gen-<unix seconds>-<20 alnum>`, as captured on the wire (e.g. `gen-1771592802-hDlyfTXagKZBer6JQTBv`). */
export function newGenerationId(nowMs = Date.now()): string {
  return `gen-${Math.floor(nowMs / 1000)}-${randomAlnum(20)}`;
}

export const GENERATION_ID_PATTERN = /^gen-\d{10}-[A-Za-z0-9]{20}$/;
