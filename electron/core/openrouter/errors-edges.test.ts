// The error mapping at its edges: which status means which code (the 400 and 500 boundaries), where the status comes
// from when the body names it another way, whose words a message carries (the provider's over OpenRouter's generic
// wrapper), how long they may be, and how each network failure is told apart (nested causes included).

import { describe, expect, it } from 'vitest';
import {
  codeForStatus,
  errorFromErrorFinish,
  errorFromException,
  errorFromResponse,
  errorFromStreamPayload,
  parseRetryAfter,
} from './errors';

const json = (value: unknown) => JSON.stringify(value);
const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('codeForStatus', () => {
  it('maps the named statuses, every other 4xx to bad_request and everything else to upstream_error', () => {
    expect(codeForStatus(524)).toBe('timeout');
    expect(codeForStatus(408)).toBe('timeout');
    expect(codeForStatus(400)).toBe('bad_request');
    expect(codeForStatus(499)).toBe('bad_request');
    expect(codeForStatus(500)).toBe('upstream_error');
    expect(codeForStatus(399)).toBe('upstream_error');
    expect(codeForStatus(200)).toBe('upstream_error');
  });
});

describe('where the status comes from', () => {
  it('reads http_status, a string code, a top-level error_type, and an availability code, in that order of trust', () => {
    expect(errorFromStreamPayload({ message: 'm', http_status: 402 })).toMatchObject({
      code: 'insufficient_credits',
      status: 402,
    });
    expect(errorFromStreamPayload({ message: 'm', code: '429' })).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(errorFromStreamPayload({ message: 'm', code: 'authentication' })).toMatchObject({
      code: 'unauthorized',
      status: 401,
    });
    expect(errorFromStreamPayload({ message: 'm', error_type: 'timeout' })).toMatchObject({
      code: 'timeout',
      status: 408,
    });
    expect(errorFromStreamPayload({ message: 'm', availability: { code: 'region_restricted' } })).toMatchObject({
      code: 'forbidden',
      status: 403,
    });
    // A numeric code beats an error_type that says otherwise.
    expect(errorFromStreamPayload({ code: 404, metadata: { error_type: 'server' } })).toMatchObject({
      code: 'not_found',
    });
  });

  it('uses the response status for the code even when the body names another', () => {
    expect(errorFromResponse(402, json({ error: { code: 500, message: 'm' } }))).toMatchObject({
      code: 'insufficient_credits',
      status: 402,
    });
  });
});

describe('whose words a message carries', () => {
  it('prefers the provider’s own reply to OpenRouter’s generic wrapper, read from a JSON string, an object or a nested error', () => {
    const raw = (value: unknown) =>
      errorFromResponse(
        502,
        json({ error: { code: 502, message: 'Provider returned error.', metadata: { raw: value } } }),
      ).message;
    expect(raw('{"message":"model overloaded"}')).toContain('Details: model overloaded.');
    expect(raw({ error: 'quota gone' })).toContain('Details: quota gone.');
    expect(raw({ error: { message: 'nested reason' } })).toContain('Details: nested reason.');
    expect(raw('<html><body><h1>Bad gateway</h1></body></html>')).toContain('Details: Bad gateway.');
    // The provider's words win over OpenRouter's own, even when those say something.
    expect(
      errorFromResponse(
        502,
        json({ error: { code: 502, message: 'Upstream failed', metadata: { raw: 'model overloaded' } } }),
      ).message,
    ).toContain('Details: model overloaded.');
    // Nothing but the generic wrapper: no details at all.
    expect(raw({ other: 1 })).toBe("OpenRouter or the model's provider is having trouble; try again.");
  });

  it('treats the generic wrappers as saying nothing whatever their case, spacing or full stop', () => {
    for (const message of ['Provider returned error', ' Internal Server Error. ', 'ERROR', 'Unknown error.'])
      expect(errorFromResponse(500, json({ error: { message } })).message).toBe(
        "OpenRouter or the model's provider is having trouble; try again.",
      );
  });

  it('ends the details with a full stop only when they have no closing punctuation', () => {
    expect(errorFromResponse(400, json({ error: { message: 'Bad model' } })).message).toBe(
      'OpenRouter rejected the request. Details: Bad model.',
    );
    expect(errorFromResponse(400, json({ error: { message: 'Bad model!' } })).message).toBe(
      'OpenRouter rejected the request. Details: Bad model!',
    );
  });

  it('reads a body that is not JSON as text without its markup, and ignores a JSON body without an error', () => {
    expect(errorFromResponse(404, '<p>No   such\n route</p>').message).toBe(
      'OpenRouter could not find that. Details: No such route.',
    );
    expect(errorFromResponse(404, '<script>var x = 1;</script><style>p{}</style>Gone').message).toBe(
      'OpenRouter could not find that. Details: Gone.',
    );
    expect(errorFromResponse(404, json({ data: 'not an error' })).message).toBe('OpenRouter could not find that.');
  });

  it('keeps details of exactly 300 characters and cuts longer ones to 300 with an ellipsis', () => {
    const exact = 'x'.repeat(300);
    expect(errorFromResponse(400, json({ error: { message: exact } })).message).toBe(
      `OpenRouter rejected the request. Details: ${exact}.`,
    );
    expect(errorFromResponse(400, json({ error: { message: 'y'.repeat(301) } })).message).toBe(
      `OpenRouter rejected the request. Details: ${'y'.repeat(299)}…`,
    );
  });

  it('words each code with what it knows: the provider, the wait (one second or several), the reasons', () => {
    expect(
      errorFromResponse(429, json({ error: { message: 'Rate limit exceeded', metadata: { provider_name: 'Acme' } } }), {
        get: (name) => (name === 'retry-after' ? '1' : null),
      }).message,
    ).toBe('Acme is rate-limiting this model; try again in 1 second. Details: Rate limit exceeded.');
    expect(errorFromResponse(429, json({ error: {} })).message).toBe(
      'This model is rate-limited right now; wait a moment and try again.',
    );
    expect(errorFromResponse(408, json({ error: { metadata: { provider_name: 'Acme' } } })).message).toBe(
      'The model (via Acme) took too long to answer; try again.',
    );
    expect(errorFromResponse(403, json({ error: { metadata: { reasons: ['violence'] } } })).message).toBe(
      'This message was flagged for violence and blocked by moderation. No credits were charged.',
    );
    expect(errorFromResponse(403, json({ error: { metadata: { reasons: [] } } })).message).toBe(
      'OpenRouter refused this request.',
    );
    expect(errorFromResponse(401, json({ error: { message: 'Key disabled' } })).message).toBe(
      'OpenRouter rejected this API key. Details: Key disabled.',
    );
    expect(errorFromResponse(402, json({ error: {} })).message).toBe('Not enough OpenRouter credits for this request.');
  });

  it('says which provider stopped an answer with an error, and why unless the reason is only "error"', () => {
    expect(errorFromErrorFinish('MALFORMED_FUNCTION_CALL', 'Google').message).toBe(
      "The model's provider (Google) stopped the answer with an error (MALFORMED_FUNCTION_CALL); try again.",
    );
    expect(errorFromErrorFinish(null, 'Acme').message).toBe(
      "The model's provider (Acme) stopped the answer with an error; try again.",
    );
    expect(errorFromErrorFinish('ERROR', null)).toEqual({
      code: 'upstream_error',
      message: "The model's provider stopped the answer with an error; try again.",
    });
  });
});

describe('a wait the server asks for', () => {
  it('is never negative, and a blank header is no hint at all', () => {
    expect(parseRetryAfter('-5')).toBe(0);
    expect(parseRetryAfter('   ')).toBeNull();
    expect(parseRetryAfter(' 3 ')).toBe(3);
    expect(errorFromStreamPayload({ message: 'm', code: 429, metadata: { retry_after_seconds: -2 } })).toMatchObject({
      retryAfterSeconds: 0,
    });
    // The header wins over the body's hint.
    expect(
      errorFromResponse(429, json({ error: { metadata: { retry_after_seconds: 50 } } }), {
        get: () => '7',
      }).retryAfterSeconds,
    ).toBe(7);
  });
});

describe('network failures told apart', () => {
  it('finds the cause however deep Node nests it: a cause of a cause, or one error of an AggregateError', () => {
    const deep = new TypeError('fetch failed', { cause: new Error('connect', { cause: withCode('ETIMEDOUT') }) });
    expect(errorFromException(deep).code).toBe('timeout');
    const aggregate = new TypeError('fetch failed', {
      cause: new AggregateError([withCode('EHOSTUNREACH'), withCode('ENOTFOUND')]),
    });
    expect(errorFromException(aggregate).message).toBe(
      'Could not find openrouter.ai. Check your internet connection and try again.',
    );
  });

  it('tells TLS, DNS, interrupted and unreachable failures apart even without a TypeError', () => {
    const message = (code: string) => errorFromException(Object.assign(new Error('x'), { cause: withCode(code) }));
    expect(message('ERR_TLS_PROTOCOL_VERSION_CONFLICT').message).toContain('secure connection');
    expect(message('ERR_SSL_WRONG_VERSION_NUMBER').message).toContain('secure connection');
    expect(message('EAI_FAIL').message).toContain('Could not find openrouter.ai');
    expect(message('EPIPE').message).toContain('interrupted');
    expect(message('ECONNREFUSED')).toEqual({
      code: 'offline',
      message: 'Could not reach OpenRouter. Check your internet connection and try again.',
    });
    expect(errorFromException(new Error('terminated')).message).toContain('interrupted');
  });

  it('names an unexpected failure’s message when it has one, and a timeout by its name even as a plain object', () => {
    expect(errorFromException(new RangeError('bad length')).message).toBe(
      'Unexpected failure while talking to OpenRouter: bad length',
    );
    expect(errorFromException(new RangeError('')).message).toBe('Unexpected failure while talking to OpenRouter.');
    expect(errorFromException({ name: 'TimeoutError' }).code).toBe('timeout');
    expect(errorFromException('a string').code).toBe('internal');
  });
});
