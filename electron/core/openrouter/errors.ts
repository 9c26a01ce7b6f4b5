// Turns every way an OpenRouter call can fail into a shared AppError with a specific, readable, redacted message.

import type { AppError, ErrorCode } from '../../../shared/result';
import {
  isRecord,
  nonEmptyStringOrNull,
  numberOrNull,
  parseJson,
  recordAt,
  stringArray,
  type JsonRecord,
} from './narrow';
import { redactSecrets } from '../redact';

export interface HeaderReader {
  get(name: string): string | null;
}

/** Provider text can be long (stack traces, HTML); the user needs the gist, and logs need bounded lines. */
const MAX_DETAIL_CHARS = 300;

/** Messages that add nothing to our own wording. */
const GENERIC_MESSAGES = new Set(['provider returned error', 'internal server error', 'error', 'unknown error']);

/** Everything an error envelope might say, flattened; each era of OpenRouter fills a different subset. */
interface ErrorFacts {
  status: number | null;
  message: string | null;
  providerName: string | null;
  providerDetail: string | null;
  reasons: string[] | null;
  retryAfterSeconds: number | null;
}

const STATUS_BY_ERROR_TYPE: Record<string, number> = {
  context_length_exceeded: 400,
  max_tokens_exceeded: 400,
  token_limit_exceeded: 400,
  string_too_long: 400,
  invalid_request: 400,
  invalid_prompt: 400,
  invalid_image: 400,
  image_too_large: 400,
  image_too_small: 400,
  unsupported_image_format: 400,
  image_not_found: 400,
  image_download_failed: 400,
  payload_too_large: 413,
  unprocessable: 422,
  precondition_failed: 400,
  authentication: 401,
  payment_required: 402,
  permission_denied: 403,
  content_policy_violation: 403,
  refusal: 403,
  not_found: 404,
  timeout: 408,
  rate_limit_exceeded: 429,
  provider_overloaded: 529,
  provider_unavailable: 502,
  server: 500,
  server_error: 500,
  unmapped: 502,
};

// Availability errors (2026) may come without `code`; their own code still implies a status.
const STATUS_BY_AVAILABILITY_CODE: Record<string, number> = {
  model_not_found: 400,
  wrong_endpoint: 400,
  no_endpoints: 404,
  model_deprecated: 404,
  model_unavailable_upstream: 404,
  privacy_restricted: 404,
  constraint_filtered: 404,
  free_variant_ended: 404,
  region_restricted: 403,
  capacity_exhausted: 429,
  temporarily_unavailable: 503,
};

export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 402:
      return 'insufficient_credits';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 408:
    case 524:
      return 'timeout';
    case 429:
      return 'rate_limited';
    default:
      if (status >= 500) return 'upstream_error';
      if (status >= 400) return 'bad_request';
      return 'upstream_error';
  }
}

/** A pre-stream failure: a non-2xx response whose body is (usually) OpenRouter's JSON error envelope. */
export function errorFromResponse(
  status: number,
  bodyText: string,
  headers?: HeaderReader,
  now: number = Date.now(),
): AppError {
  const body = parseJson(bodyText);
  const facts = readErrorFacts(isRecord(body) ? body['error'] : undefined);
  if (facts.message === null && !isRecord(body)) facts.message = nonEmptyStringOrNull(stripMarkup(bodyText));
  const retryAfter = parseRetryAfter(headers?.get('retry-after') ?? null, now) ?? facts.retryAfterSeconds;
  return build(codeForStatus(status), { ...facts, status, retryAfterSeconds: retryAfter });
}

/** A mid-stream failure: the `error` object of a 200 SSE chunk; its status lives in `code` (number or string) or elsewhere. */
export function errorFromStreamPayload(error: unknown): AppError {
  const facts = readErrorFacts(error);
  return build(facts.status === null ? 'upstream_error' : codeForStatus(facts.status), facts);
}

/** finish_reason "error" with no error object (seen from Gemini, e.g. MALFORMED_FUNCTION_CALL). */
export function errorFromErrorFinish(nativeReason: string | null, providerName: string | null): AppError {
  const who = providerName ? `The model's provider (${providerName})` : "The model's provider";
  const why = nativeReason && nativeReason.toLowerCase() !== 'error' ? ` (${truncate(nativeReason)})` : '';
  return makeError('upstream_error', `${who} stopped the answer with an error${why}; try again.`);
}

/** fetch rejected or the body stopped: no HTTP answer to map, only the exception and what we know caused it. */
export function errorFromException(error: unknown, context: { aborted?: boolean; timedOut?: boolean } = {}): AppError {
  if (context.timedOut || nameOf(error) === 'TimeoutError') {
    return makeError('timeout', 'OpenRouter did not respond in time. Check your connection and try again.');
  }
  if (context.aborted || nameOf(error) === 'AbortError') return abortedError();

  const codes = causeCodes(error);
  if (codes.some((c) => TIMEOUT_CODES.has(c))) {
    return makeError('timeout', 'The connection to OpenRouter timed out. Check your connection and try again.');
  }
  if (codes.some((c) => c.includes('CERT') || c.startsWith('ERR_TLS') || c.startsWith('ERR_SSL'))) {
    return makeError(
      'offline',
      'Could not open a secure connection to OpenRouter. A proxy or firewall may be intercepting it.',
    );
  }
  if (codes.some((c) => DNS_CODES.has(c))) {
    return makeError('offline', 'Could not find openrouter.ai. Check your internet connection and try again.');
  }
  if (codes.some((c) => INTERRUPTED_CODES.has(c)) || messageOf(error) === 'terminated') {
    return makeError('offline', 'The connection to OpenRouter was interrupted. Check your connection and try again.');
  }
  if (codes.some((c) => UNREACHABLE_CODES.has(c)) || error instanceof TypeError) {
    // Node's fetch reports every network failure as TypeError("fetch failed"), with the reason in `cause`.
    return makeError('offline', 'Could not reach OpenRouter. Check your internet connection and try again.');
  }
  const detail = messageOf(error);
  return makeError(
    'internal',
    `Unexpected failure while talking to OpenRouter${detail ? `: ${truncate(detail)}` : '.'}`,
  );
}

export function abortedError(): AppError {
  return makeError('aborted', 'Stopped before the answer was finished.');
}

/** Every AppError from this layer is built here, so none escapes without redaction. */
export function makeError(code: ErrorCode, message: string, extra: Omit<AppError, 'code' | 'message'> = {}): AppError {
  const error: AppError = { code, message: redactSecrets(message) };
  if (extra.status !== undefined) error.status = extra.status;
  if (extra.retryAfterSeconds !== undefined) error.retryAfterSeconds = extra.retryAfterSeconds;
  return error;
}

const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const INTERRUPTED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN']);

function build(code: ErrorCode, facts: ErrorFacts): AppError {
  const extra: Omit<AppError, 'code' | 'message'> = {};
  if (facts.status !== null) extra.status = facts.status;
  if (facts.retryAfterSeconds !== null) extra.retryAfterSeconds = facts.retryAfterSeconds;
  return makeError(code, describe(code, facts), extra);
}

function describe(code: ErrorCode, facts: ErrorFacts): string {
  const said = facts.message ?? '';
  const detail = detailOf(facts);
  const provider = facts.providerName;
  switch (code) {
    case 'unauthorized':
      if (/user not found/i.test(said)) return 'OpenRouter did not recognise this API key: it was revoked or mistyped.';
      if (/no auth credentials|missing authentication/i.test(said)) {
        return 'OpenRouter received no API key with the request. Add your key in Settings and try again.';
      }
      return withDetail('OpenRouter rejected this API key.', detail);
    case 'insufficient_credits':
      return withDetail('Not enough OpenRouter credits for this request.', detail);
    case 'forbidden':
      if (facts.reasons && facts.reasons.length > 0) {
        const where = provider ? ` by ${provider}` : '';
        return `This message was flagged${where} for ${facts.reasons.join(', ')} and blocked by moderation. No credits were charged.`;
      }
      return withDetail('OpenRouter refused this request.', detail);
    case 'not_found':
      return withDetail('OpenRouter could not find that.', detail);
    case 'bad_request':
      return withDetail('OpenRouter rejected the request.', detail);
    case 'timeout':
      return withDetail(`The model${provider ? ` (via ${provider})` : ''} took too long to answer; try again.`, detail);
    case 'rate_limited': {
      const who = provider ? `${provider} is rate-limiting this model` : 'This model is rate-limited right now';
      const wait =
        facts.retryAfterSeconds !== null
          ? `try again in ${facts.retryAfterSeconds} second${facts.retryAfterSeconds === 1 ? '' : 's'}`
          : 'wait a moment and try again';
      return withDetail(`${who}; ${wait}.`, detail);
    }
    default: {
      const who = provider ? `OpenRouter or the model's provider (${provider})` : "OpenRouter or the model's provider";
      return withDetail(`${who} is having trouble; try again.`, detail);
    }
  }
}

function withDetail(lead: string, detail: string | null): string {
  if (!detail) return lead;
  return /[.!?…]$/.test(detail) ? `${lead} Details: ${detail}` : `${lead} Details: ${detail}.`;
}

/** The provider's own words beat OpenRouter's wrapper ("Provider returned error"), which says nothing. */
function detailOf(facts: ErrorFacts): string | null {
  const candidates = [facts.providerDetail, facts.message];
  for (const text of candidates) {
    if (text && !GENERIC_MESSAGES.has(text.trim().replace(/\.$/, '').toLowerCase())) return truncate(text.trim());
  }
  return null;
}

function readErrorFacts(error: unknown): ErrorFacts {
  const err: JsonRecord = isRecord(error) ? error : {};
  const metadata = recordAt(err, 'metadata');
  const availability = recordAt(err, 'availability');
  const errorType = nonEmptyStringOrNull(metadata['error_type']) ?? nonEmptyStringOrNull(err['error_type']);
  const availabilityCode = nonEmptyStringOrNull(availability['code']);
  const stringCode = typeof err['code'] === 'string' ? err['code'] : null;

  const status =
    numberOrNull(err['code']) ??
    numberOrNull(err['http_status']) ??
    (errorType ? (STATUS_BY_ERROR_TYPE[errorType] ?? null) : null) ??
    (stringCode ? (STATUS_BY_ERROR_TYPE[stringCode] ?? null) : null) ??
    (availabilityCode ? (STATUS_BY_AVAILABILITY_CODE[availabilityCode] ?? null) : null);

  return {
    status,
    message: nonEmptyStringOrNull(err['message']) ?? (typeof error === 'string' ? nonEmptyStringOrNull(error) : null),
    providerName: nonEmptyStringOrNull(metadata['provider_name']),
    providerDetail: rawDetail(metadata['raw']),
    reasons: stringArray(metadata['reasons']),
    retryAfterSeconds: nonNegative(
      numberOrNull(metadata['retry_after_seconds']) ?? numberOrNull(availability['retry_after']),
    ),
  };
}

/** metadata.raw is the provider's reply: a string, a JSON string, or an object holding a message somewhere. */
function rawDetail(raw: unknown): string | null {
  const value = typeof raw === 'string' ? (parseJson(raw) ?? raw) : raw;
  if (typeof value === 'string') return nonEmptyStringOrNull(stripMarkup(value));
  if (!isRecord(value)) return null;
  const nested = value['error'];
  return (
    nonEmptyStringOrNull(value['message']) ??
    (isRecord(nested) ? nonEmptyStringOrNull(nested['message']) : nonEmptyStringOrNull(nested)) ??
    null
  );
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds)) return nonNegative(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : nonNegative((date - now) / 1000);
}

function nonNegative(seconds: number | null): number | null {
  return seconds === null ? null : Math.max(0, Math.ceil(seconds));
}

/** Edge proxies answer some failures (e.g. 524) with HTML; keep only its text. */
function stripMarkup(text: string): string {
  return text
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS - 1)}…` : text;
}

function nameOf(error: unknown): string | null {
  return isRecord(error) || error instanceof Error ? nonEmptyStringOrNull((error as { name?: unknown }).name) : null;
}

function messageOf(error: unknown): string | null {
  return error instanceof Error ? nonEmptyStringOrNull(error.message) : null;
}

/** Node nests the system error code in `cause` (sometimes twice, sometimes inside an AggregateError). */
function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  const queue: unknown[] = [error];
  for (let depth = 0; queue.length > 0 && depth < 10; depth++) {
    const current = queue.shift();
    if (!isRecord(current) && !(current instanceof Error)) continue;
    const record = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.code === 'string') codes.push(record.code);
    if (record.cause !== undefined) queue.push(record.cause);
    if (Array.isArray(record.errors)) queue.push(...record.errors);
  }
  return codes;
}
