// Core: the one redactor. Every text that may reach a log line, the screen or the database passes through here.
//
// Two layers: patterns catch anything shaped like a credential (any case: servers echo keys upper-cased), and the
// keys this process has actually used are removed by value — the whole key, its body without the `sk-or-v1-`
// prefix, and any run of 32 or more characters of that body, in any case — since an error body may quote a key
// with its prefix dropped or cut short.

const BEARER = /\bBearer\s+[^\s"',;]+/gi;
const OPENROUTER_KEY = /sk-or-[a-z0-9_-]{4,}/gi;
// Provider keys (sk-ant-…, sk-proj-…) can surface in BYOK provider errors relayed by OpenRouter.
const OTHER_SK_KEY = /\bsk-(?!or-)[a-z0-9_-]{20,}/gi;
const KEY_PREFIX = /^sk-or-(?:v\d+-)?/i;

export const REDACTED = '[redacted]';
/** Shorter runs of a key's body could match by chance (hashes, ids); 32 hex characters cannot. */
export const MIN_SECRET_RUN = 32;
/** A shorter "secret" would blank ordinary words; no real key is this short. */
const MIN_SECRET_LENGTH = 8;

/** Half-open [start, end) spans of `text` to blank out. */
type Span = [number, number];

function exactMatches(lowerText: string, lowerSecret: string): Span[] {
  const spans: Span[] = [];
  for (let at = lowerText.indexOf(lowerSecret); at !== -1; at = lowerText.indexOf(lowerSecret, at + 1)) {
    spans.push([at, at + lowerSecret.length]);
  }
  return spans;
}

/** Every stretch of `text` made of runs of MIN_SECRET_RUN or more consecutive characters of `body`. */
function bodyRuns(lowerText: string, lowerBody: string): Span[] {
  const windows = new Set<string>();
  for (let i = 0; i + MIN_SECRET_RUN <= lowerBody.length; i++) windows.add(lowerBody.slice(i, i + MIN_SECRET_RUN));
  const alphabet = new Set(lowerBody);
  const spans: Span[] = [];
  // Only stretches made entirely of the body's characters can hold a run; prose rarely has one, so this stays cheap.
  let start = 0;
  for (let i = 0; i <= lowerText.length; i++) {
    if (i < lowerText.length && alphabet.has(lowerText[i]!)) continue;
    for (let at = start; at + MIN_SECRET_RUN <= i; at++) {
      if (windows.has(lowerText.slice(at, at + MIN_SECRET_RUN))) spans.push([at, at + MIN_SECRET_RUN]);
    }
    start = i + 1;
  }
  return spans;
}

function blank(text: string, spans: Span[]): string {
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let cursor = 0;
  for (let i = 0; i < spans.length;) {
    const [from, firstEnd] = spans[i]!;
    let to = firstEnd;
    // Overlapping or touching spans (the windows of one long run) become one marker.
    for (i++; i < spans.length && spans[i]![0] <= to; i++) to = Math.max(to, spans[i]![1]);
    out += text.slice(cursor, from) + REDACTED;
    cursor = to;
  }
  return out + text.slice(cursor);
}

/** ASCII-only lower case: every index stays where it was (full Unicode lower-casing can change the length). */
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

function removeKnown(text: string, secrets: Iterable<string>): string {
  const lowerText = asciiLower(text);
  const spans: Span[] = [];
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    const lowerSecret = asciiLower(secret);
    spans.push(...exactMatches(lowerText, lowerSecret));
    const body = lowerSecret.replace(KEY_PREFIX, '');
    if (body.length >= MIN_SECRET_RUN) spans.push(...bodyRuns(lowerText, body));
  }
  return spans.length === 0 ? text : blank(text, spans);
}

/** Scrubs credential-shaped text, and the given secrets in every shape described above. */
export function redactSecrets(text: string, knownSecrets: Iterable<string> = []): string {
  return removeKnown(text, knownSecrets)
    .replace(BEARER, 'Bearer [redacted]')
    .replace(OPENROUTER_KEY, 'sk-or-…[redacted]')
    .replace(OTHER_SK_KEY, 'sk-…[redacted]');
}

/**
 * The keys this process has used, so that every log line and error can be scrubbed of them by value. It is told
 * about a key by the OpenRouter client (the one reader of the key) and never hands one back: there is no getter.
 */
export class SecretRegistry {
  /** Newest first; a replaced key is still a live credential until revoked, so a few are kept. */
  readonly #secrets: string[] = [];
  readonly #capacity: number;

  constructor(capacity = 8) {
    this.#capacity = capacity;
  }

  remember(secret: string | null | undefined): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH) return;
    const known = this.#secrets.indexOf(secret);
    if (known === 0) return;
    if (known > 0) this.#secrets.splice(known, 1);
    this.#secrets.unshift(secret);
    this.#secrets.length = Math.min(this.#secrets.length, this.#capacity);
  }

  /** `alsoKnown`: a secret the caller holds right now (a key being stored, say) that may not be remembered yet. */
  redact(text: string, alsoKnown: Iterable<string> = []): string {
    return redactSecrets(text, [...alsoKnown, ...this.#secrets]);
  }
}

/**
 * The process's registry. A key belongs to the process, not to one object: the logger and crash guard are created
 * before the core and outlive it, so threading an instance through would leave lines written before (or beside)
 * the core unscrubbed. Tests pass their own instance.
 */
export const processSecrets = new SecretRegistry();
