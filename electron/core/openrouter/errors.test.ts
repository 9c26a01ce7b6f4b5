import { describe, expect, it } from 'vitest';
import { errorFromException, errorFromResponse, errorFromStreamPayload, parseRetryAfter } from './errors';

const json = (value: unknown) => JSON.stringify(value);
const headers = (values: Record<string, string>) => new Headers(values);
const KEY = 'sk-or-v1-' + 'a1b2c3d4'.repeat(8);

describe('errorFromResponse (pre-stream HTTP errors)', () => {
  it("400 → bad_request with OpenRouter's reason", () => {
    const error = errorFromResponse(
      400,
      json({ error: { message: 'acme/fake-1.0 is not a valid model ID', code: 400 }, user_id: 'user_x' }),
    );
    expect(error).toMatchObject({ code: 'bad_request', status: 400 });
    expect(error.message).toContain('acme/fake-1.0 is not a valid model ID');
  });

  it('401 "User not found." → unauthorized, revoked or mistyped key', () => {
    const error = errorFromResponse(401, json({ error: { message: 'User not found.', code: 401 } }));
    expect(error).toEqual({
      code: 'unauthorized',
      status: 401,
      message: 'OpenRouter did not recognise this API key: it was revoked or mistyped.',
    });
  });

  it('401 "No auth credentials found" → unauthorized, no key was received', () => {
    const error = errorFromResponse(401, json({ error: { message: 'No auth credentials found', code: 401 } }));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/received no API key/);
  });

  it("402 → insufficient_credits and keeps OpenRouter's explanation", () => {
    const message =
      'This request requires more credits, or fewer max_tokens. You requested up to 16384 tokens, but can only afford 3324.';
    const error = errorFromResponse(402, json({ error: { message, code: 402 }, user_id: 'user_abc123' }));
    expect(error).toMatchObject({ code: 'insufficient_credits', status: 402 });
    expect(error.message).toContain('can only afford 3324');
  });

  it('403 moderation → forbidden naming the reasons and the provider', () => {
    const body = {
      error: {
        code: 403,
        message: 'openai/gpt-4o requires moderation on OpenAI. Your input was flagged for "harassment".',
        metadata: {
          reasons: ['harassment', 'hate'],
          flagged_input: '...',
          provider_name: 'OpenAI',
          model_slug: 'openai/gpt-4o',
        },
      },
    };
    const error = errorFromResponse(403, json(body));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('harassment, hate');
    expect(error.message).toContain('OpenAI');
  });

  it("403 without moderation metadata → forbidden with OpenRouter's reason", () => {
    const error = errorFromResponse(
      403,
      json({ error: { code: 403, message: 'Request blocked: prompt injection patterns detected' } }),
    );
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('prompt injection patterns detected');
  });

  it('404 → not_found', () => {
    const error = errorFromResponse(
      404,
      json({ error: { message: 'No endpoints found for author/model.', code: 404 } }),
    );
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
    expect(error.message).toContain('No endpoints found for author/model.');
  });

  it("408 and 524 → timeout, even when the body is an edge proxy's HTML page", () => {
    expect(
      errorFromResponse(408, json({ error: { code: 408, message: 'Operation timed out. Please try again later.' } })),
    ).toMatchObject({
      code: 'timeout',
      status: 408,
    });
    const edge = errorFromResponse(
      524,
      '<html><head><style>p{}</style></head><body><h1>A timeout occurred</h1></body></html>',
    );
    expect(edge).toMatchObject({ code: 'timeout', status: 524 });
    expect(edge.message).toContain('A timeout occurred');
    expect(edge.message).not.toContain('<');
  });

  it('429 with a Retry-After header → rate_limited with retryAfterSeconds and the provider', () => {
    const body = {
      error: {
        message: 'Provider returned error',
        code: 429,
        metadata: {
          raw: 'meta-llama/llama-3.3-70b-instruct:free is temporarily rate-limited upstream.',
          provider_name: 'Venice',
          is_byok: false,
        },
      },
    };
    const error = errorFromResponse(429, json(body), headers({ 'Retry-After': '17' }));
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterSeconds: 17 });
    expect(error.message).toContain('Venice');
    expect(error.message).toContain('temporarily rate-limited upstream');
    expect(error.message).toContain('17 seconds');
  });

  it('429 with only metadata.retry_after_seconds → rate_limited with that wait', () => {
    const body = {
      error: {
        message: 'Provider returned error',
        code: 429,
        metadata: { provider_name: 'Venice', retry_after_seconds: 9, retry_after_seconds_raw: 8.2 },
      },
    };
    expect(errorFromResponse(429, json(body), headers({}))).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 9,
    });
  });

  it('429 without any hint → no retryAfterSeconds at all', () => {
    const error = errorFromResponse(
      429,
      json({ error: { code: 429, message: 'Rate limit exceeded', metadata: { error_type: 'rate_limit_exceeded' } } }),
    );
    expect(error.code).toBe('rate_limited');
    expect('retryAfterSeconds' in error).toBe(false);
  });

  it('availability errors without `code` still map by status and carry retry_after', () => {
    const body = {
      error: {
        message: 'All providers for anthropic/claude-sonnet-4.5 are at capacity. Retry after 40 seconds.',
        error_type: 'rate_limit_exceeded',
        http_status: 429,
        availability: {
          code: 'capacity_exhausted',
          retryable: true,
          retry_after: 40,
          fallback_models: ['anthropic/claude-haiku-4.5'],
        },
      },
    };
    expect(errorFromResponse(429, json(body))).toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfterSeconds: 40,
    });
    const notFound = {
      error: { message: 'The free variant has ended.', availability: { code: 'free_variant_ended' } },
    };
    expect(errorFromResponse(404, json(notFound))).toMatchObject({ code: 'not_found' });
  });

  it.each([500, 502, 503, 529])('%i → upstream_error, keeping the status', (status) => {
    const error = errorFromResponse(status, json({ error: { code: status, message: 'Internal Server Error' } }));
    expect(error).toMatchObject({ code: 'upstream_error', status });
    expect(error.message).toContain("OpenRouter or the model's provider is having trouble; try again.");
    expect(error.message).not.toContain('Internal Server Error');
  });

  it('502 names the provider and its raw reason (legacy metadata)', () => {
    const body = {
      error: {
        code: 502,
        message: 'Provider returned error',
        metadata: { provider_name: 'Together', raw: '{"error":{"message":"upstream connect error"}}' },
      },
    };
    const error = errorFromResponse(502, json(body));
    expect(error.message).toContain('(Together)');
    expect(error.message).toContain('upstream connect error');
  });

  it('503 keeps an informative message', () => {
    const error = errorFromResponse(
      503,
      json({ error: { code: 503, message: 'No endpoints found that can handle the requested parameters.' } }),
      headers({ 'retry-after': '5' }),
    );
    expect(error).toMatchObject({ code: 'upstream_error', status: 503, retryAfterSeconds: 5 });
    expect(error.message).toContain('No endpoints found that can handle the requested parameters.');
  });

  it('never lets an echoed key into the message', () => {
    const error = errorFromResponse(
      400,
      json({ error: { code: 400, message: `Key ${KEY} is malformed (Bearer ${KEY})` } }),
    );
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain('a1b2c3d4');
    expect(error.message).toContain('[redacted]');
  });

  it('truncates very long provider text', () => {
    const error = errorFromResponse(502, json({ error: { code: 502, message: 'x'.repeat(5000) } }));
    expect(error.message.length).toBeLessThan(500);
  });
});

describe('errorFromStreamPayload (mid-stream error objects)', () => {
  it('uses a numeric code as the status', () => {
    expect(
      errorFromStreamPayload({
        code: 429,
        message: 'Rate limit exceeded',
        metadata: { error_type: 'rate_limit_exceeded' },
      }),
    ).toMatchObject({
      code: 'rate_limited',
      status: 429,
    });
  });

  it('maps a string code, and an error_type when the code says nothing', () => {
    expect(errorFromStreamPayload({ code: 'server_error', message: 'boom' }).code).toBe('upstream_error');
    expect(
      errorFromStreamPayload({
        code: 'weird',
        message: 'too long',
        metadata: { error_type: 'context_length_exceeded' },
      }).code,
    ).toBe('bad_request');
    expect(errorFromStreamPayload({ message: 'x', metadata: { error_type: 'payment_required' } }).code).toBe(
      'insufficient_credits',
    );
  });

  it('falls back to upstream_error for an error with nothing to go on', () => {
    expect(errorFromStreamPayload({}).code).toBe('upstream_error');
    expect(errorFromStreamPayload('something broke').message).toContain('something broke');
  });
});

describe('errorFromException (no HTTP answer)', () => {
  const fetchFailed = (code: string) =>
    new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ENETUNREACH'])(
    'TypeError caused by %s → offline',
    (code) => {
      expect(errorFromException(fetchFailed(code)).code).toBe('offline');
    },
  );

  it('a bare TypeError from fetch → offline', () => {
    expect(errorFromException(new TypeError('fetch failed'))).toMatchObject({
      code: 'offline',
      message: 'Could not reach OpenRouter. Check your internet connection and try again.',
    });
  });

  it('a body cut off mid-stream ("terminated") → offline, interrupted', () => {
    const error = errorFromException(
      new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }),
    );
    expect(error.code).toBe('offline');
    expect(error.message).toContain('interrupted');
  });

  it('AbortError → aborted; TimeoutError and connect timeouts → timeout', () => {
    expect(errorFromException(new DOMException('This operation was aborted', 'AbortError')).code).toBe('aborted');
    expect(errorFromException(new DOMException('The operation timed out.', 'TimeoutError')).code).toBe('timeout');
    expect(errorFromException(fetchFailed('UND_ERR_CONNECT_TIMEOUT')).code).toBe('timeout');
    expect(errorFromException(new Error('whatever'), { timedOut: true }).code).toBe('timeout');
    expect(errorFromException(new Error('whatever'), { aborted: true }).code).toBe('aborted');
  });

  it('certificate failures → offline, mentioning interception', () => {
    expect(errorFromException(fetchFailed('SELF_SIGNED_CERT_IN_CHAIN')).message).toContain('secure connection');
  });

  it('anything else → internal, redacted', () => {
    const error = errorFromException(new RangeError(`bad ${KEY}`));
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain(KEY);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, rounds up, and reads HTTP dates relative to now', () => {
    expect(parseRetryAfter('17')).toBe(17);
    expect(parseRetryAfter('16.2')).toBe(17);
    const now = Date.parse('2026-08-01T00:00:00Z');
    expect(parseRetryAfter('Sat, 01 Aug 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Sat, 01 Aug 2026 00:00:00 GMT', now + 5000)).toBe(0);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
