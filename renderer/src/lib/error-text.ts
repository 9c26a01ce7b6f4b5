// Every ErrorCode gets plain wording and a next step; the Record type makes a new code a compile error here.

import type { AppError, ErrorCode } from '../../../shared/result';

export interface ErrorText {
  /** What happened, in the person's terms. */
  message: string;
  /** What to do about it. */
  nextStep: string;
  /** The core's own (already redacted) wording, where it adds something specific. */
  detail?: string;
}

type Describe = (error: AppError) => ErrorText;

/** Keep the core's message only when it says more than our wording does. */
const withDetail =
  (message: string, nextStep: string): Describe =>
  (error) => {
    const detail = error.message.trim();
    return detail && detail !== message ? { message, nextStep, detail } : { message, nextStep };
  };

const seconds = (n: number) => `${Math.ceil(n)} ${Math.ceil(n) === 1 ? 'second' : 'seconds'}`;

const describers: Record<ErrorCode, Describe> = {
  invalid_input: withDetail('Switchboard could not accept that input.', 'Check what you entered and try again.'),
  // The detail (from the key check or the core) says what exactly is wrong with it.
  malformed_key: withDetail(
    'That does not look like an OpenRouter API key.',
    'Copy the whole key from openrouter.ai/settings/keys and paste it again.',
  ),
  no_key: () => ({ message: 'No OpenRouter key is saved yet.', nextStep: 'Add your OpenRouter API key to continue.' }),
  unauthorized: () => ({
    message: 'OpenRouter rejected this key.',
    nextStep: 'It may be mistyped, disabled or revoked. Create a key at openrouter.ai/settings/keys and paste it here.',
  }),
  insufficient_credits: () => ({
    message: 'Your OpenRouter balance is too low for this request.',
    nextStep: 'Add credits at openrouter.ai/settings/credits, or choose a cheaper or free model.',
  }),
  forbidden: withDetail(
    'OpenRouter refused this request.',
    'The model may not be available to this key, or the request was flagged. Try another model or rephrase.',
  ),
  rate_limited: (error) => ({
    message: 'Too many requests right now.',
    nextStep:
      error.retryAfterSeconds !== undefined && error.retryAfterSeconds > 0
        ? `Wait ${seconds(error.retryAfterSeconds)} and try again.`
        : 'Wait a moment and try again, or choose another model.',
  }),
  timeout: () => ({
    message: 'OpenRouter took too long to answer.',
    nextStep: 'Try again; if it keeps happening, choose a faster model.',
  }),
  bad_request: withDetail(
    'OpenRouter could not process this request.',
    'Check the model id; if the conversation is long, start a new chat or choose a model with a larger context.',
  ),
  not_found: withDetail('That could not be found.', 'Check the model id, or choose another model or conversation.'),
  // Routing refusals: the request was valid, but no provider of the model may serve it under this conversation's
  // settings. Each names the setting to relax; the core's detail says what OpenRouter answered.
  routing_privacy: withDetail(
    'No provider of this model meets your privacy settings.',
    'In Conversation settings › Routing and privacy, turn off “Zero data retention only” or “Don’t let providers store or train on my prompts”, or choose another model.',
  ),
  routing_price: withDetail(
    'No provider of this model is within your maximum price.',
    'In Conversation settings › Routing and privacy, raise or clear “Max prompt price” and “Max completion price”, or choose a cheaper model.',
  ),
  routing_providers: withDetail(
    'None of the providers your settings allow can serve this model.',
    'In Conversation settings › Routing and privacy, allow more providers (fewer “Only”, fewer “Never”), turn “Allow other providers when the chosen ones fail” back on, or turn off “Only providers that take every setting here”.',
  ),
  upstream_error: withDetail(
    'The model provider had a problem answering.',
    'Try again in a moment, or choose another model.',
  ),
  // Attachments: the core's detail names the file and, where there is one, the limit.
  attachment_empty: withDetail('That file is empty.', 'Choose the file again; it may not have finished saving.'),
  attachment_too_large: withDetail('That file is too large to attach.', 'Attach a smaller file, or a part of it.'),
  attachment_unsupported: withDetail(
    'Switchboard cannot attach that kind of file.',
    'Attach an image (PNG, JPEG, WebP, GIF), a PDF, or a text or code file.',
  ),
  attachment_corrupt: withDetail(
    'That file could not be read: it looks damaged.',
    'Open it in another app to check it, or export it again.',
  ),
  attachment_too_many_pages: withDetail('That PDF has too many pages to send.', 'Send a shorter part of it.'),
  attachment_too_many: withDetail('Too many files on one message.', 'Remove some, or send them in two messages.'),
  attachment_unreadable: withDetail(
    'That file could not be read any more.',
    'It may have been moved or deleted since you chose it; attach it again.',
  ),
  attachment_missing: withDetail(
    'An attached file is no longer kept by Switchboard.',
    'Remove it from the message and attach it again.',
  ),
  model_no_image_input: withDetail(
    'This model does not accept images.',
    'Pick a model that does (Ctrl/Cmd+K), or remove the images.',
  ),
  // Offline covers both "OpenRouter unreachable" and "the Switchboard host went away"; the core's text says which.
  offline: (error) => ({
    message: error.message.trim() || 'Switchboard cannot reach the network.',
    nextStep: 'Try again once the connection is back; nothing you typed is lost.',
  }),
  aborted: () => ({ message: 'The reply was stopped.', nextStep: 'Send the message again when you are ready.' }),
  // The core's message usually names the cause (no Secret Service, locked keyring); the step still says how to fix it.
  keychain_unavailable: withDetail(
    'Switchboard could not use the system keychain.',
    'On Linux, install and unlock a Secret Service keyring (GNOME Keyring or KWallet) and try again, or use the key for this session only.',
  ),
  storage_error: withDetail(
    'Switchboard could not read or write its local database.',
    'Check that the disk has free space, then restart Switchboard.',
  ),
  internal: withDetail(
    'Something went wrong inside Switchboard.',
    'Try again; if it keeps happening, restart Switchboard.',
  ),
};

export function describeError(error: AppError): ErrorText {
  // A code from a newer host than this renderer still gets sensible wording.
  const describe = describers[error.code] ?? describers.internal;
  return describe(error);
}

/**
 * A reply the core could not save (its storage_error says why, e.g. the disk is full). Unlike other failures
 * nothing is lost yet: the core keeps the text in memory and saves it as soon as a write succeeds.
 */
export function describeUnsavedReply(error: AppError): ErrorText {
  const full = /disk is full/i.test(error.message);
  return {
    message: full
      ? 'The disk is full; this reply is kept in memory until space is freed.'
      : 'This reply could not be saved yet; it is kept in memory until it can be.',
    nextStep: 'Free some disk space and keep Switchboard open: the reply is saved as soon as there is room.',
    ...(full ? {} : { detail: error.message }),
  };
}

/** How many times the core retries an early failure by itself (the contract's limit). */
export const automaticRetries = 2;

/** An early failure the core is retrying by itself: what went wrong, and that nothing needs doing. */
export function describeRetry(notice: { attempt: number; delayMs: number; error: AppError }): string {
  const wait = Math.max(1, Math.round(notice.delayMs / 1000));
  return `${describeError(notice.error).message} Retrying in ${wait} s (attempt ${notice.attempt} of ${automaticRetries})…`;
}

/** A reply left unfinished by a crash or a forced quit: the text so far is kept, and Retry asks again. */
export const interruptedText =
  'Interrupted: Switchboard closed before this reply finished. The text so far is kept; Retry asks again.';

/** A reply that only asked to call a tool: billed, yet empty, so say why. */
export const toolCallText =
  'The model asked to call a tool instead of answering. Switchboard doesn’t run tools, so there is no answer; try rephrasing or another model.';

/** A reply that reached its max_tokens. */
export const lengthLimitText = 'Cut off at the length limit.';
