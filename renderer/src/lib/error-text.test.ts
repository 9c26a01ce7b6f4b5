import { describe, expect, it } from 'vitest';
import { type AppError, type ErrorCode, errorCodes } from '../../../shared/result';
import { automaticRetries, describeError, describeRetry, describeUnsavedReply } from './error-text';

const errorOf = (code: ErrorCode, message = ''): AppError => ({ code, message });

describe('describeError', () => {
  it('gives every error code its own wording and a next step', () => {
    const messages = new Set<string>();
    for (const code of errorCodes) {
      const text = describeError(errorOf(code, code === 'offline' ? `offline ${code}` : ''));
      expect(text.message.trim(), code).not.toBe('');
      expect(text.nextStep.trim(), code).not.toBe('');
      expect(`${text.message} ${text.nextStep}`, code).not.toMatch(/undefined|null|\[object/);
      messages.add(text.message);
    }
    expect(messages.size).toBe(errorCodes.length);
  });

  it('keeps the core detail when it adds something', () => {
    const text = describeError(errorOf('bad_request', 'context length exceeded (131072)'));
    expect(text.detail).toBe('context length exceeded (131072)');
  });

  it('does not echo a detail that is empty, or that only repeats the wording', () => {
    expect(describeError(errorOf('upstream_error', '  ')).detail).toBeUndefined();
    const same = describeError(errorOf('upstream_error', ' The model provider had a problem answering. '));
    expect(same).toEqual({
      message: 'The model provider had a problem answering.',
      nextStep: 'Try again in a moment, or choose another model.',
    });
  });

  it('turns Retry-After into a concrete wait', () => {
    expect(describeError({ code: 'rate_limited', message: '', retryAfterSeconds: 12 }).nextStep).toBe(
      'Wait 12 seconds and try again.',
    );
    expect(describeError({ code: 'rate_limited', message: '', retryAfterSeconds: 0.4 }).nextStep).toBe(
      'Wait 1 second and try again.',
    );
    expect(describeError({ code: 'rate_limited', message: '', retryAfterSeconds: 1.2 }).nextStep).toBe(
      'Wait 2 seconds and try again.',
    );
    for (const retryAfterSeconds of [undefined, 0])
      expect(describeError({ code: 'rate_limited', message: '', retryAfterSeconds }).nextStep).toBe(
        'Wait a moment and try again, or choose another model.',
      );
  });

  it('uses the core wording for offline, which says whether the host or OpenRouter is gone', () => {
    expect(describeError(errorOf('offline', 'Lost the connection to the Switchboard host.')).message).toBe(
      'Lost the connection to the Switchboard host.',
    );
    expect(describeError(errorOf('offline')).message).toBe('Switchboard cannot reach the network.');
    expect(describeError(errorOf('offline', '  ')).message).toBe('Switchboard cannot reach the network.');
  });

  it('tells how to fix a missing keychain and offers the session-only way out', () => {
    expect(describeError(errorOf('keychain_unavailable')).nextStep).toMatch(/Secret Service.*session only/);
  });

  it('falls back for a code this renderer does not know', () => {
    const text = describeError({ code: 'brand_new' as ErrorCode, message: '' });
    expect(text.message).toBe('Something went wrong inside Switchboard.');
  });
});

describe('describeUnsavedReply', () => {
  it('says a full disk keeps the reply in memory until space is freed', () => {
    const text = describeUnsavedReply({
      code: 'storage_error',
      message: 'The disk is full: Switchboard could not save.',
    });
    expect(text.message).toBe('The disk is full; this reply is kept in memory until space is freed.');
    expect(text.nextStep).toMatch(/keep Switchboard open/);
    expect(text.detail).toBeUndefined();
  });

  it('gives other storage failures with the core’s reason', () => {
    const text = describeUnsavedReply({ code: 'storage_error', message: 'SQLITE_IOERR_WRITE' });
    expect(text.message).toMatch(/kept in memory/);
    expect(text.detail).toBe('SQLITE_IOERR_WRITE');
  });
});

describe('describeRetry', () => {
  it('says what failed, when the core tries again (whole seconds, at least one) and which attempt of how many', () => {
    const error = errorOf('timeout');
    expect(describeRetry({ attempt: 1, delayMs: 2_600, error })).toBe(
      `OpenRouter took too long to answer. Retrying in 3 s (attempt 1 of ${automaticRetries})…`,
    );
    expect(describeRetry({ attempt: 2, delayMs: 120, error })).toBe(
      'OpenRouter took too long to answer. Retrying in 1 s (attempt 2 of 2)…',
    );
  });
});
