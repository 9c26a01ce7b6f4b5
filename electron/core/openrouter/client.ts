// OpenRouter HTTP client for the core: the only code that reads the API key, and only at request time.

import type { ModelProvider } from '../../../shared/domain';
import { AppFailure, type AppError, type Result } from '../../../shared/result';
import { defaultOpenRouterBaseUrl } from '../config';
import { readChatStream } from './chat-stream';
import { sleep, startDeadline } from './deadline';
import { abortedError, errorFromException, errorFromResponse, makeError } from './errors';
import { endpointsPath, mapEndpoints } from './endpoints';
import { mapGeneration } from './generation';
import { mapKeyInfo } from './key-info';
import { modelEntries } from './models';
import { type JsonRecord, parseJson } from './narrow';
import { processSecrets, type SecretRegistry } from '../redact';
import type { ChatRequest, GenerationLookupOptions, GenerationStats, KeyInfo, UpstreamEvent } from './types';

/** Text and image outputs: what a chat can show. Without the filter OpenRouter lists text-output models only. */
const modelsPath = '/models?output_modalities=text,image';

export interface Attribution {
  /** Sent as HTTP-Referer: OpenRouter's primary app identifier. */
  appUrl: string;
  /** Sent as X-OpenRouter-Title, and as X-Title for older deployments. */
  appTitle: string;
}

export const DEFAULT_ATTRIBUTION: Attribution = {
  appUrl: 'https://github.com/switchboard-app/switchboard',
  appTitle: 'Switchboard',
};

/** OpenRouter reserves credit for max_tokens up front; an unset value reserves the model's maximum and 402s low balances. */
export const DEFAULT_MAX_TOKENS = 4096;

export interface OpenRouterClientOptions {
  fetch: typeof globalThis.fetch;
  /** Reads the stored key; called once per request and never cached. */
  getKey: () => Promise<string | null>;
  baseUrl?: string;
  attribution?: Attribution;
  /** Time allowed until response headers arrive (and, for non-streaming calls, the body). Default 60 s. */
  requestTimeoutMs?: number;
  /** A stream with no bytes at all for this long is given up; OpenRouter sends keep-alive comments while idle. Default 120 s. */
  streamIdleTimeoutMs?: number;
  defaultMaxTokens?: number;
  /** Told every key this client uses, so logs and errors can be scrubbed of it by value. Default: the process's. */
  secrets?: SecretRegistry;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export class OpenRouterClient {
  private readonly doFetch: Fetch;
  private readonly getKey: () => Promise<string | null>;
  private readonly baseUrl: string;
  private readonly attribution: Attribution;
  private readonly requestTimeoutMs: number;
  private readonly streamIdleTimeoutMs: number;
  private readonly defaultMaxTokens: number;
  private readonly secrets: SecretRegistry;

  constructor(options: OpenRouterClientOptions) {
    const fetchImpl = options.fetch;
    // Called detached so a platform fetch never sees this client as its receiver.
    this.doFetch = (input, init) => fetchImpl(input, init);
    this.getKey = options.getKey;
    this.baseUrl = (options.baseUrl ?? defaultOpenRouterBaseUrl).replace(/\/+$/, '');
    this.attribution = options.attribution ?? DEFAULT_ATTRIBUTION;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    this.streamIdleTimeoutMs = options.streamIdleTimeoutMs ?? 120_000;
    this.defaultMaxTokens = options.defaultMaxTokens ?? DEFAULT_MAX_TOKENS;
    this.secrets = options.secrets ?? processSecrets;
  }

  /** Streams one chat turn; always ends with exactly one `done` or `error` event, never throws. */
  async *streamChat(request: ChatRequest, signal: AbortSignal): AsyncGenerator<UpstreamEvent, void, undefined> {
    if (signal.aborted) {
      yield { type: 'error', error: abortedError(), generationId: null };
      return;
    }
    const keyResult = await this.resolveKey();
    if (!keyResult.ok) {
      yield { type: 'error', error: keyResult.error, generationId: null };
      return;
    }
    const key = keyResult.value;
    const body = {
      // Settings first, so none of them can change how the request is streamed or capped.
      ...request.options,
      model: request.model,
      messages: request.messages,
      stream: true,
      max_tokens: positiveInteger(request.maxTokens) ?? this.defaultMaxTokens,
      // Deprecated and ignored today, but older deployments sent no usage without it.
      usage: { include: true },
    };

    const deadline = startDeadline(signal, this.requestTimeoutMs);
    let completed = false;
    try {
      let response: Response;
      try {
        response = await this.doFetch(this.url('/chat/completions'), {
          method: 'POST',
          headers: this.headers(key, { 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
          body: JSON.stringify(body),
          signal: deadline.signal,
        });
      } catch (error) {
        const mapped = errorFromException(error, { aborted: signal.aborted, timedOut: deadline.timedOut() });
        yield { type: 'error', error: this.scrub(mapped, key), generationId: null };
        completed = true;
        return;
      }

      const headerGenerationId = response.headers.get('x-generation-id');
      // Only a declared JSON body is read whole; anything else with a 200 is treated as the stream it should be.
      const isJson = (response.headers.get('content-type') ?? '').includes('json');
      if (!response.ok || !response.body || isJson) {
        const text = await readText(response);
        if (!text.ok) {
          const error = errorFromException(text.error, { aborted: signal.aborted, timedOut: deadline.timedOut() });
          yield { type: 'error', error: this.scrub(error, key), generationId: headerGenerationId };
        } else if (!response.ok) {
          const error = errorFromResponse(response.status, this.scrubBody(text.value, key), response.headers);
          yield { type: 'error', error: this.scrub(error, key), generationId: headerGenerationId };
        } else if (text.value.trim() === '') {
          const error = makeError('upstream_error', 'OpenRouter sent an empty response; try again.');
          yield { type: 'error', error, generationId: headerGenerationId };
        } else {
          // A 200 that is not a stream (an error payload, or a proxy that ignored stream:true) is read as one chunk.
          yield* this.relay(key, singleEventStream(text.value), signal, request.model, headerGenerationId);
        }
        completed = true;
        return;
      }

      deadline.stopTimer();
      yield* this.relay(key, response.body, signal, request.model, headerGenerationId);
      completed = true;
    } finally {
      // Reached early when the caller stops iterating: abort so the connection is not left open.
      deadline.release(!completed);
    }
  }

  /** GET /key, with a candidate key (to check a pasted key before storing it) or the stored one. */
  async getKeyInfo(key?: string, signal?: AbortSignal): Promise<Result<KeyInfo>> {
    const keyResult = await this.resolveKey(key);
    if (!keyResult.ok) return keyResult;
    const body = await this.getJson('/key', keyResult.value, signal);
    if (!body.ok) return body;
    const info = mapKeyInfo(body.value);
    return info ? { ok: true, value: info } : unexpectedShape('key details');
  }

  /**
   * GET /models: the raw entries of the text- and image-output catalogue (docs/openrouter-protocol.md §6.1), kept raw so
   * the cache can be read again by a newer mapping. Needs no key, but sends the stored one when there is one.
   */
  async listModelEntries(signal?: AbortSignal): Promise<Result<JsonRecord[]>> {
    const keyResult = await this.resolveKey();
    const key = keyResult.ok ? keyResult.value : null;
    let body = await this.getJson(modelsPath, key, signal);
    // A revoked key must not hide a list that anyone may read.
    if (!body.ok && key !== null && body.error.code === 'unauthorized')
      body = await this.getJson(modelsPath, null, signal);
    if (!body.ok) return body;
    const entries = modelEntries(body.value);
    return entries ? { ok: true, value: entries } : unexpectedShape('model list');
  }

  /** The providers serving one model, for the routing settings; needs no key but sends the stored one when there is one. */
  async getModelProviders(modelId: string, signal?: AbortSignal): Promise<Result<ModelProvider[]>> {
    const keyResult = await this.resolveKey();
    const body = await this.getJson(endpointsPath(modelId), keyResult.ok ? keyResult.value : null, signal);
    if (!body.ok) return body;
    const providers = mapEndpoints(body.value);
    return providers ? { ok: true, value: providers } : unexpectedShape('provider list');
  }

  /** GET /generation, asking again while it answers 404: accounting settles a little after the stream ends. */
  async getGeneration(id: string, options: GenerationLookupOptions = {}): Promise<Result<GenerationStats>> {
    if (id.trim() === '') return { ok: false, error: makeError('invalid_input', 'A generation id is required.') };
    const attempts = Math.max(1, options.attempts ?? 6);
    const firstDelay = Math.max(0, options.delayMs ?? 500);
    const keyResult = await this.resolveKey();
    if (!keyResult.ok) return keyResult;

    let delay = firstDelay;
    for (let attempt = 1; ; attempt++) {
      const body = await this.getJson(`/generation?id=${encodeURIComponent(id)}`, keyResult.value, options.signal);
      if (body.ok) {
        const stats = mapGeneration(body.value, id);
        return stats ? { ok: true, value: stats } : unexpectedShape('generation record');
      }
      if (body.error.code !== 'not_found' || attempt >= attempts) return body;
      if (!(await sleep(delay, options.signal))) return { ok: false, error: abortedError() };
      delay = Math.min(delay * 2, firstDelay * 4);
    }
  }

  private async *relay(
    key: string,
    body: ReadableStream<Uint8Array>,
    signal: AbortSignal,
    requestedModel: string,
    generationId: string | null,
  ): AsyncGenerator<UpstreamEvent, void, undefined> {
    const events = readChatStream(body, {
      signal,
      requestedModel,
      generationId,
      idleTimeoutMs: this.streamIdleTimeoutMs,
    });
    for await (const event of events) {
      yield event.type === 'error' ? { ...event, error: this.scrub(event.error, key) } : event;
    }
  }

  private async getJson(path: string, key: string | null, signal?: AbortSignal): Promise<Result<unknown>> {
    const deadline = startDeadline(signal, this.requestTimeoutMs);
    try {
      let response: Response;
      try {
        response = await this.doFetch(this.url(path), {
          method: 'GET',
          headers: this.headers(key, { Accept: 'application/json' }),
          signal: deadline.signal,
        });
      } catch (error) {
        const mapped = errorFromException(error, { aborted: signal?.aborted, timedOut: deadline.timedOut() });
        return { ok: false, error: this.scrub(mapped, key) };
      }
      const text = await readText(response);
      if (!text.ok) {
        const mapped = errorFromException(text.error, { aborted: signal?.aborted, timedOut: deadline.timedOut() });
        return { ok: false, error: this.scrub(mapped, key) };
      }
      if (!response.ok) {
        const error = errorFromResponse(response.status, this.scrubBody(text.value, key), response.headers);
        return { ok: false, error: this.scrub(error, key) };
      }
      const body = parseJson(text.value);
      return body === undefined ? unexpectedShape('response') : { ok: true, value: body };
    } finally {
      deadline.release();
    }
  }

  /** The candidate when given, else the stored key; checked so a bad key fails here, not inside fetch's header code. */
  private async resolveKey(candidate?: string): Promise<Result<string>> {
    let key: string | null;
    if (candidate !== undefined) key = candidate;
    else {
      try {
        key = await this.getKey();
      } catch (error) {
        const stored =
          error instanceof AppFailure
            ? makeError(error.error.code, error.error.message)
            : makeError('internal', 'Could not read the stored API key.');
        return { ok: false, error: stored };
      }
    }
    // Known before any request carries it, so whatever echoes it back — error, log line, crash report — is scrubbed.
    this.secrets.remember(key);
    if (key === null || key === '') {
      return { ok: false, error: makeError('no_key', 'No OpenRouter API key is set. Add your key in Settings.') };
    }
    // Header values cannot hold spaces or control characters; fetch would throw with the value in its message.
    if (!/^[\x21-\x7e]+$/.test(key)) {
      return {
        ok: false,
        error: makeError(
          'malformed_key',
          'This API key contains spaces or characters that cannot be sent. Paste it again.',
        ),
      };
    }
    return { ok: true, value: key };
  }

  /** The key in use is scrubbed by value as well as by pattern: a server may echo it upper-cased, cut or unprefixed. */
  private scrub(error: AppError, key: string | null): AppError {
    return { ...error, message: this.secrets.redact(error.message, key === null ? [] : [key]) };
  }

  /** An error body is scrubbed before it is read: its text is cut to a length, which could leave a stub of the key. */
  private scrubBody(body: string, key: string | null): string {
    return this.secrets.redact(body, key === null ? [] : [key]);
  }

  private url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  private headers(key: string | null, extra: Record<string, string>): Record<string, string> {
    const headers: Record<string, string> = {
      ...extra,
      'HTTP-Referer': this.attribution.appUrl,
      'X-OpenRouter-Title': this.attribution.appTitle,
      'X-Title': this.attribution.appTitle,
    };
    if (key !== null) headers['Authorization'] = `Bearer ${key}`;
    return headers;
  }
}

function unexpectedShape<T>(what: string): Result<T> {
  return {
    ok: false,
    error: makeError('upstream_error', `OpenRouter sent a ${what} that could not be read; try again.`),
  };
}

async function readText(response: Response): Promise<{ ok: true; value: string } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await response.text() };
  } catch (error) {
    return { ok: false, error };
  }
}

function positiveInteger(value: number | undefined): number | null {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : null;
}

function singleEventStream(json: string): ReadableStream<Uint8Array> {
  // JSON text has no raw newlines inside strings, so flattening it keeps one SSE data line.
  const bytes = new TextEncoder().encode(`data: ${json.replace(/[\r\n]+/g, ' ')}\n\ndata: [DONE]\n\n`);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}
