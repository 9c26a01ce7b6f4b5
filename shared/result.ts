// Contract: expected failures travel as values, never as thrown strings, so every transport carries them intact.

/** Every failure a user can meet, named once. The renderer maps each code to wording and a next step. */
export const errorCodes = [
  'invalid_input',
  'malformed_key',
  'no_key',
  'unauthorized',
  'insufficient_credits',
  'forbidden',
  'rate_limited',
  'timeout',
  'bad_request',
  'not_found',
  // No provider of the model may serve the request under the conversation's routing settings (docs/openrouter-protocol.md §5.4):
  // its privacy settings (data collection denied, zero data retention), its maximum price, or its provider choices.
  'routing_privacy',
  'routing_price',
  'routing_providers',
  'upstream_error',
  // Attachments (shared/attachments.ts): refused before anything is stored or sent; the message names the file and,
  // where there is one, the limit.
  'attachment_empty',
  'attachment_too_large',
  'attachment_unsupported',
  'attachment_corrupt',
  'attachment_too_many_pages',
  'attachment_too_many',
  // A file the renderer could not read any more (moved or deleted since it was chosen), or an id the core no longer has.
  'attachment_unreadable',
  'attachment_missing',
  // The chosen model takes no image input (its catalogue entry); refused before any request.
  'model_no_image_input',
  'offline',
  'aborted',
  'keychain_unavailable',
  'storage_error',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface AppError {
  code: ErrorCode;
  /** Human-readable, already redacted: safe to show and to log. */
  message: string;
  /** HTTP status from OpenRouter, when the failure came from there. */
  status?: number;
  /** Seconds to wait before retrying, from Retry-After or the error metadata. */
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  extra: Omit<AppError, 'code' | 'message'> = {},
): Result<T> => ({ ok: false, error: { code, message, ...extra } });

/** Thrown inside the core where unwinding is simpler than threading a Result; caught at the handler boundary. */
export class AppFailure extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
    this.error = error;
  }
}

/*
 * Error → Result, one way for the whole core. An AppFailure is an expected failure (a full disk, a damaged file, a
 * keychain that refuses) and becomes a failed Result carrying its error; anything else is a bug. Where the caller is
 * a service method, a bug propagates (the router logs it once and answers `internal`); where the caller must answer
 * anyway (the router, a stream already under way), it names its own fallback.
 */

/** The expected failure an AppFailure carries; `fallback` for anything else. */
export function appErrorOf(error: unknown, fallback: AppError): AppError {
  return error instanceof AppFailure ? error.error : fallback;
}

/** `work`'s value as a Result: an AppFailure becomes a failed Result; anything else is rethrown. */
export function resultOf<T>(work: () => T): Result<T> {
  try {
    return ok(work());
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.error };
    throw error;
  }
}

/** resultOf for asynchronous work. */
export async function resultOfAsync<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.error };
    throw error;
  }
}
