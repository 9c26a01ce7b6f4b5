// Runs in the fake OpenRouter process: error responses, byte-for-byte as OpenRouter sends them
// (docs/openrouter-protocol.md §5, §9.3).
//
// Key order inside `error` differs between captures ({message, code} for auth/validation/credits,
// {code, message} elsewhere); it is kept as captured so clients are exercised with both.

export interface Fixture {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

export const FAKE_USER_ID = 'user_fake';

export const RETRY_AFTER_SECONDS = 17;

export function noAuth(): Fixture {
  return { status: 401, body: { error: { message: 'No auth credentials found', code: 401 } } };
}

export function userNotFound(): Fixture {
  return { status: 401, body: { error: { message: 'User not found.', code: 401 } } };
}

export function badRequest(message: string, withUser = false): Fixture {
  const body: Record<string, unknown> = { error: { message, code: 400 } };
  if (withUser) body.user_id = FAKE_USER_ID;
  return { status: 400, body };
}

export function invalidModel(slug: string): Fixture {
  return badRequest(`${slug} is not a valid model ID`, true);
}

export function tooManyModels(): Fixture {
  return badRequest("'models' array must have 3 items or fewer");
}

/** OpenRouter reserves the worst case, so the message names the requested (or the model's maximum) output. */
export function lowBalance(requestedTokens: number): Fixture {
  const affordable = requestedTokens > 3324 ? 3324 : Math.floor(requestedTokens / 2);
  return {
    status: 402,
    body: {
      error: {
        message: `This request requires more credits, or fewer max_tokens. You requested up to ${requestedTokens} tokens, but can only afford ${affordable}. To increase, visit https://openrouter.ai/settings/credits and add more credits`,
        code: 402,
      },
      user_id: FAKE_USER_ID,
    },
  };
}

/** `flagged_input` is at most 100 characters, shortened in the middle with "...". */
export function truncateMiddle(text: string, max = 100): string {
  if (text.length <= max) return text;
  const keep = max - 3;
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}...${text.slice(text.length - (keep - head))}`;
}

export function moderation(model: string, provider: string, input: string): Fixture {
  return {
    status: 403,
    body: {
      error: {
        code: 403,
        message: `${model} requires moderation on ${provider}. Your input was flagged for "harassment". No credits were charged.`,
        metadata: {
          reasons: ['harassment'],
          flagged_input: truncateMiddle(input),
          provider_name: provider,
          model_slug: model,
        },
      },
    },
  };
}

export function timeout(): Fixture {
  return { status: 408, body: { error: { code: 408, message: 'Operation timed out. Please try again later.' } } };
}

export function rateLimited(model: string, nowMs = Date.now()): Fixture {
  return {
    status: 429,
    headers: {
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'X-RateLimit-Limit': '20',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(nowMs + RETRY_AFTER_SECONDS * 1000),
    },
    body: {
      error: {
        message: 'Provider returned error',
        code: 429,
        metadata: {
          raw: `${model} is temporarily rate-limited upstream. Please retry shortly, or add your own key to accumulate your rate limits: https://openrouter.ai/settings/integrations`,
          provider_name: 'Venice',
          is_byok: false,
          retry_after_seconds: RETRY_AFTER_SECONDS,
          retry_after_seconds_raw: 16.007,
          headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
        },
      },
      user_id: FAKE_USER_ID,
    },
  };
}

export function upstreamDown(provider: string): Fixture {
  return {
    status: 502,
    body: {
      error: {
        code: 502,
        message: 'Provider returned error',
        metadata: {
          provider_name: provider,
          raw: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
        },
      },
      user_id: FAKE_USER_ID,
    },
  };
}

/** No provider left under the request's routing settings (docs/openrouter-protocol.md §5.4); wording inferred. */
export function routingRefused(reason: 'data policy' | 'max price' | 'only'): Fixture {
  const message =
    reason === 'only'
      ? 'No allowed providers are available for the selected model.'
      : `No endpoints found matching your ${reason}.`;
  return { status: 404, body: { error: { code: 404, message }, user_id: FAKE_USER_ID } };
}

export function noEndpoints(): Fixture {
  return {
    status: 503,
    headers: { 'Retry-After': '5' },
    body: { error: { code: 503, message: 'No endpoints found that can handle the requested parameters.' } },
  };
}

export function serviceUnavailable(): Fixture {
  return {
    status: 503,
    headers: { 'Retry-After': '5' },
    body: { error: { code: 503, message: 'Service temporarily unavailable' } },
  };
}

export function generationNotFound(): Fixture {
  return { status: 404, body: { error: { code: 404, message: 'Generation not found' } } };
}

export function modelNotFound(id: string): Fixture {
  return { status: 404, body: { error: { message: `No endpoints found for ${id}.`, code: 404 } } };
}

/** Asking an image-only model for text; the wording follows OpenRouter's other "No endpoints found" errors. */
export function noTextOutput(): Fixture {
  return {
    status: 404,
    body: { error: { message: 'No endpoints found that support the requested output modalities: text', code: 404 } },
  };
}

export function managementKeyRequired(): Fixture {
  return { status: 403, body: { error: { code: 403, message: 'Only management keys can perform this operation' } } };
}

export function routeNotFound(method: string, path: string): Fixture {
  return { status: 404, body: { error: { code: 404, message: `Not Found: ${method} ${path}` } } };
}

export function methodNotAllowed(method: string, path: string): Fixture {
  return {
    status: 405,
    headers: { Allow: 'GET, POST' },
    body: { error: { code: 405, message: `Method ${method} not allowed on ${path}` } },
  };
}
