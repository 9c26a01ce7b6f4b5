// Runs in the fake OpenRouter process and in tests: which behaviour each API key and model id selects.
//
// A scenario is chosen only by what a real client already sends (its API key, the `model` of the request),
// so a test drives the fake exactly as it would drive OpenRouter, with no back door.
//
// Keys (`Authorization: Bearer <key>`)
// | constant            | /key                                   | chat                                          |
// |---------------------|----------------------------------------|-----------------------------------------------|
// | fakeKeys.valid      | paid, limit 25, limit_remaining 20.5   | works; each reply lowers limit_remaining      |
// | fakeKeys.unlimited  | paid, limit null, limit_remaining null | works                                         |
// | fakeKeys.freeTier   | is_free_tier true, no limit            | `:free` models work; paid models → 402        |
// | fakeKeys.revoked    | 401 "User not found."                  | 401 "User not found." (every endpoint)        |
// | fakeKeys.noCredits  | paid, limit 10, limit_remaining 0      | 402 "requires more credits, or fewer max_tokens" |
// | fakeKeys.rateLimited| paid, no limit                         | 429, Retry-After: 17, X-RateLimit-* headers    |
// | fakeKeys.serverError| 503 "Service temporarily unavailable"  | 502 "Provider returned error"                 |
// | any other sk-or-v1-<64 hex> | paid, limit 10, starts unused  | works (so any well-formed key works in the demo) |
// | anything else       | 401 "User not found."; no header → 401 "No auth credentials found"             |
//
// Models (`model` of the request; GET /models lists every id, the switchboard-test/* ones priced like gpt-4o-mini)
// | constant                          | stream behaviour                                                    |
// |-----------------------------------|---------------------------------------------------------------------|
// | default, vision, other real ids   | comments, role chunk, content, finish, usage variant C, [DONE]      |
// | reasoning, freeReasoning          | reasoning chunks (delta.reasoning + reasoning_details) before content |
// | permaslug                         | answers with `model: "deepseek/deepseek-v4-pro-20260423"`           |
// | auto                              | `openrouter/auto` answers (and bills) as openai/gpt-4o-mini         |
// | nonCancellable                    | Google AI Studio: an aborted stream is still billed in full         |
// | usageA / usageB / usageC          | final usage chunk in variant A / B / C                              |
// | legacyFormat                      | 2025 key order (`provider` after `id`, logprobs, system_fingerprint), variant A |
// | usageOptIn                        | legacy: usage chunk only if the request asks (usage.include / stream_options.include_usage) |
// | usageNoCost                       | legacy usage chunk with tokens only, no `cost`; GET /generation has the charge |
// | midStreamError                    | 3 content chunks, then error event (code 502, error_type), stream ends |
// | midStreamErrorThenDone            | same, then `data: [DONE]`                                           |
// | midStreamErrorThenUsage           | same, then a usage chunk (cost 0) and `data: [DONE]`                |
// | midStreamErrorLegacy              | error metadata `{raw, provider_name}` instead of `error_type`      |
// | midStreamErrorStringCode          | `error.code: "server_error"`                                        |
// | finishReasonError                 | choice-level finish_reason "error" (MALFORMED_FUNCTION_CALL), no error object |
// | errorFirst                        | the error event is the first and only data event                    |
// | toolCall                          | get_weather tool call, arguments split over chunks, finish "tool_calls" |
// | length                            | stops early with finish_reason "length"                            |
// | slow                              | ~320 one-word chunks, 50 ms apart (~16 s): time to press Stop       |
// | markdown                          | the fixed Markdown reply (markdown-reply.ts), 4 characters a chunk  |
// | markdownReasoning                 | reasons first (always), then the same reply; 25 ms apart (~3 s)     |
// | stall                             | 5 chunks, then 2.5 s of keep-alive comments only, then the rest     |
// | hang                              | keep-alive comments every second, never any data                   |
// | chaos                             | CRLF, several events per write, writes split at odd byte offsets   |
// | chaosSplit / chaosCoalesce / chaosCrlf | one chaos option each                                          |
// | error402 / 403 / 408 / 429 / 502 / 503 | that pre-stream JSON error (docs/openrouter-protocol.md §9.3), never SSE |
// | flaky502                          | the first 2 attempts of a request answer 502 (before any token), the 3rd streams |
// | flaky502Thrice                    | the first 3 attempts answer 502: more than an automatic retry waits for |
// | pricey                            | $1 per 1,000 completion tokens, max output 128,000: max_tokens sizing against credit |
// | imageOnly                         | 404: an image-only model cannot answer a text chat                  |
// | imageOutput (any image-output id)  | the usual reply, then one picture (generated-image.ts) in `images`   |
// | retainsData                       | its only provider keeps and trains on prompts, no zero retention: with |
// |                                   | provider.data_collection "deny" or zdr → 404 "…matching your data policy" |
// | unknown id                        | 400 "<id> is not a valid model ID"                                  |
//
// A request with a system message asking for a title (how Switchboard asks for a generated conversation title)
// is answered, by any model, with `titleFor(question)` (reply-text.ts): "About" and the question's first four words.
// Without `stream`, a mid-stream error model answers HTTP 200 with the error inside the choice, and
// errorFirst answers HTTP 200 with a top-level error, as OpenRouter does for non-streaming calls.
// Any request honours `max_tokens`/`max_completion_tokens`: a longer reply is cut with finish_reason "length".
// A final assistant message is a prefill (docs/openrouter-protocol.md §2.2): when it begins the reply the prompt
// would get, the model goes on from there, so continuing a reply cut at the length limit (`length`) finishes it.
// Routing (docs/openrouter-protocol.md §2.7, §5.4), any model: provider.max_price below its price per million tokens
// → 404 "No endpoints found matching your max price"; provider.only without its provider → 404 "No allowed providers
// are available for the selected model.". plugins [{ id: "web", max_results }] → the reply ends with that many
// url_citation annotations (default 5). Anthropic and Gemini models honour cache_control breakpoints per key: a
// prefix marked before is read from the cache (cached_tokens, at the cache-read price, with cache_discount), the
// longest new one written (cache_write_tokens, at the cache-write price).
// Every request body is recorded (`fake.requests[i].body`), so a test can read the `max_tokens` a client sent.
// With `models: [...]` fallbacks, a model whose scenario fails before streaming is skipped, and the reply's
// `model` names the one that answered.

export const fakeKeys = {
  valid: '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',
  unlimited: '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',
  freeTier: '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',
  revoked: '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',
  noCredits: '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',
  rateLimited: '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',
  serverError: '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',
} as const;

export const WELL_FORMED_KEY = /^sk-or-v1-[0-9a-f]{64}$/;

export const fakeModels = {
  default: 'openai/gpt-4o-mini',
  vision: 'openai/gpt-4o',
  reasoning: 'deepseek/deepseek-r1',
  permaslug: 'deepseek/deepseek-v4-pro',
  free: 'meta-llama/llama-3.3-70b-instruct:free',
  freeReasoning: 'inclusionai/ling-3.0-flash:free',
  auto: 'openrouter/auto',
  oldFormat: 'mattshumer/reflection-70b:free',
  nonCancellable: 'google/gemini-2.5-flash',
  imageOnly: 'black-forest-labs/flux.2-pro',
  imageOutput: 'google/gemini-2.5-flash-image',
  usageA: 'switchboard-test/usage-a',
  usageB: 'switchboard-test/usage-b',
  usageC: 'switchboard-test/usage-c',
  legacyFormat: 'switchboard-test/legacy-2025',
  usageOptIn: 'switchboard-test/usage-opt-in',
  usageNoCost: 'switchboard-test/usage-no-cost',
  midStreamError: 'switchboard-test/mid-stream-error',
  midStreamErrorThenDone: 'switchboard-test/mid-stream-error-then-done',
  midStreamErrorThenUsage: 'switchboard-test/mid-stream-error-then-usage',
  midStreamErrorLegacy: 'switchboard-test/mid-stream-error-legacy',
  midStreamErrorStringCode: 'switchboard-test/mid-stream-error-string-code',
  finishReasonError: 'switchboard-test/finish-reason-error',
  errorFirst: 'switchboard-test/error-first',
  toolCall: 'switchboard-test/tool-call',
  length: 'switchboard-test/length',
  slow: 'switchboard-test/slow',
  markdown: 'switchboard-test/markdown',
  markdownReasoning: 'switchboard-test/markdown-reasoning',
  stall: 'switchboard-test/stall',
  hang: 'switchboard-test/hang',
  chaos: 'switchboard-test/chaos',
  chaosSplit: 'switchboard-test/chaos-split',
  chaosCoalesce: 'switchboard-test/chaos-coalesce',
  chaosCrlf: 'switchboard-test/chaos-crlf',
  error402: 'switchboard-test/error-402',
  error403: 'switchboard-test/error-403',
  error408: 'switchboard-test/error-408',
  error429: 'switchboard-test/error-429',
  error502: 'switchboard-test/error-502',
  error503: 'switchboard-test/error-503',
  flaky502: 'switchboard-test/flaky-502',
  flaky502Thrice: 'switchboard-test/flaky-502-thrice',
  pricey: 'switchboard-test/pricey',
  retainsData: 'switchboard-test/retains-data',
  unknown: 'acme/fake-1.0',
} as const;

/**
 * Which final usage chunk ends a stream (docs/openrouter-protocol.md §3.5): A trailing empty choice,
 * B `choices: []`, C finish repeated.
 */
export type UsageVariant = 'A' | 'B' | 'C';
/** Chunk key order: 2025 puts `provider` after `id` and adds logprobs/system_fingerprint; 2026 is the current one. */
export type ChunkEra = '2025' | '2026';

export type PreStreamError = 'lowBalance' | 'moderation' | 'timeout' | 'rateLimited' | 'upstreamDown' | 'noEndpoints';

export interface MidStreamError {
  afterChunks: number;
  /** What follows the error event: nothing, `[DONE]`, or a usage chunk and `[DONE]`. */
  then: 'end' | 'done' | 'usage';
  metadata: 'current' | 'legacy';
  code: number | string;
}

export interface StreamBehaviour {
  era: ChunkEra;
  usageVariant: UsageVariant;
  /** Legacy era: usage only when the request asked for it. */
  usageOptIn: boolean;
  /** The usage chunk carries tokens only, no `cost` (old streams; intermediaries that drop it). */
  usageWithoutCost?: boolean;
  keepAlivesBeforeFirst: number;
  /** One keep-alive comment halfway through the content, as OpenRouter sends "before and during" a stream. */
  keepAliveMidStream: boolean;
  /** Overrides the server's chunk delay: the point of `slow` is being slow even in fast test runs. */
  chunkDelayMs?: number;
  wordsPerChunk?: number;
  long?: boolean;
  chaos?: { split: boolean; coalesce: boolean; crlf: boolean };
  stall?: { afterChunks: number; durationMs: number; keepAliveEveryMs: number };
  hang?: { keepAliveEveryMs: number };
  midStreamError?: MidStreamError;
  errorFirst?: boolean;
  finishReasonError?: boolean;
  toolCall?: boolean;
  /** Cut the reply after this many completion tokens with finish_reason "length". */
  maxCompletionTokens?: number;
  /** Answer with MARKDOWN_REPLY (markdown-reply.ts) instead of the echo. */
  markdownReply?: boolean;
  /** Content pieces of this many characters instead of 1–3 words, so constructs are cut mid-line. */
  charsPerChunk?: number;
}

export const defaultBehaviour: StreamBehaviour = {
  era: '2026',
  usageVariant: 'C',
  usageOptIn: false,
  keepAlivesBeforeFirst: 2,
  keepAliveMidStream: true,
};

export interface TestModelSpec {
  id: string;
  name: string;
  description: string;
  provider?: string;
  behaviour?: Partial<StreamBehaviour>;
  preStreamError?: PreStreamError;
  /** Listed as a reasoning model that always reasons (the reasoning text of reply-text.ts comes first). */
  reasoning?: boolean;
  /** Its providers store or train on prompts and none retains zero data: privacy routing finds no endpoint. */
  retainsData?: boolean;
  /** The first this-many attempts of the same request answer 502 before streaming. */
  failFirstAttempts?: number;
  /** Catalogue overrides: max completion tokens and [prompt, completion] USD per token. */
  maxOutput?: number;
  price?: [string, string];
}

const midError = (overrides: Partial<MidStreamError> = {}): MidStreamError => ({
  afterChunks: 3,
  then: 'end',
  metadata: 'current',
  code: 502,
  ...overrides,
});

/** The fake-only models; catalogue.ts lists them beside the real ones. */
export const testModelSpecs: readonly TestModelSpec[] = [
  {
    id: fakeModels.usageA,
    name: 'Switchboard Test: Usage variant A',
    description: 'Final usage chunk carries a trailing empty-delta choice (2025 to early 2026).',
    behaviour: { usageVariant: 'A' },
  },
  {
    id: fakeModels.usageB,
    name: 'Switchboard Test: Usage variant B',
    description: 'Final usage chunk has `choices: []`, as documented.',
    behaviour: { usageVariant: 'B' },
  },
  {
    id: fakeModels.usageC,
    name: 'Switchboard Test: Usage variant C',
    description: 'Final usage chunk repeats the finish reason (mid 2026).',
    behaviour: { usageVariant: 'C' },
  },
  {
    id: fakeModels.legacyFormat,
    name: 'Switchboard Test: 2025 chunk format',
    description: 'Chunks in the 2025 key order with logprobs and system_fingerprint; usage variant A.',
    provider: 'Amazon Bedrock',
    behaviour: { era: '2025', usageVariant: 'A', keepAlivesBeforeFirst: 3 },
  },
  {
    id: fakeModels.usageOptIn,
    name: 'Switchboard Test: Usage opt-in',
    description: 'Old behaviour: no usage unless the request sets usage.include or stream_options.include_usage.',
    behaviour: { usageOptIn: true, usageVariant: 'A', era: '2025' },
  },
  {
    id: fakeModels.usageNoCost,
    name: 'Switchboard Test: Usage without cost',
    description: 'Legacy usage chunk: prompt, completion and total tokens, no cost; GET /generation has the charge.',
    behaviour: { usageWithoutCost: true },
  },
  {
    id: fakeModels.midStreamError,
    name: 'Switchboard Test: Mid-stream error',
    description: 'Three content chunks, then a unified error event; the stream then ends.',
    provider: 'Together',
    behaviour: { midStreamError: midError() },
  },
  {
    id: fakeModels.midStreamErrorThenDone,
    name: 'Switchboard Test: Mid-stream error, then [DONE]',
    description: 'Mid-stream error followed by data: [DONE].',
    provider: 'Together',
    behaviour: { midStreamError: midError({ then: 'done' }) },
  },
  {
    id: fakeModels.midStreamErrorThenUsage,
    name: 'Switchboard Test: Mid-stream error, then usage',
    description: 'Mid-stream error followed by a usage chunk and data: [DONE].',
    provider: 'Together',
    behaviour: { midStreamError: midError({ then: 'usage' }) },
  },
  {
    id: fakeModels.midStreamErrorLegacy,
    name: 'Switchboard Test: Mid-stream error (legacy metadata)',
    description: 'Mid-stream error with the older {raw, provider_name} metadata.',
    provider: 'Together',
    behaviour: { midStreamError: midError({ metadata: 'legacy' }) },
  },
  {
    id: fakeModels.midStreamErrorStringCode,
    name: 'Switchboard Test: Mid-stream error (string code)',
    description: 'Mid-stream error whose code is the string "server_error".',
    provider: 'Together',
    behaviour: { midStreamError: midError({ code: 'server_error', then: 'done' }) },
  },
  {
    id: fakeModels.finishReasonError,
    name: 'Switchboard Test: finish_reason error',
    description: 'A choice finishes with "error" (native MALFORMED_FUNCTION_CALL) and no error object.',
    provider: 'Google AI Studio',
    behaviour: { finishReasonError: true },
  },
  {
    id: fakeModels.errorFirst,
    name: 'Switchboard Test: Error before any token',
    description: 'The first and only data event is an error; HTTP status is already 200.',
    provider: 'Together',
    behaviour: { errorFirst: true },
  },
  {
    id: fakeModels.toolCall,
    name: 'Switchboard Test: Tool call',
    description: 'Streams a get_weather tool call with its arguments split across chunks.',
    provider: 'OpenAI',
    behaviour: { toolCall: true },
  },
  {
    id: fakeModels.length,
    name: 'Switchboard Test: Length limit',
    description: 'Stops after 20 completion tokens with finish_reason "length".',
    behaviour: { maxCompletionTokens: 20 },
  },
  {
    id: fakeModels.slow,
    name: 'Switchboard Test: Slow stream',
    description: 'A long reply, one word every 50 ms (about 16 seconds).',
    behaviour: { chunkDelayMs: 50, wordsPerChunk: 1, long: true },
  },
  {
    id: fakeModels.markdown,
    name: 'Switchboard Test: Markdown',
    description: 'A fixed Markdown reply (heading, list, table, code, links, raw HTML) in 4-character chunks.',
    behaviour: { markdownReply: true, charsPerChunk: 4 },
  },
  {
    id: fakeModels.markdownReasoning,
    name: 'Switchboard Test: Markdown after reasoning',
    description: 'Reasons first, then the fixed Markdown reply; 25 ms between chunks so the thinking can be watched.',
    behaviour: { markdownReply: true, charsPerChunk: 8, chunkDelayMs: 25 },
    reasoning: true,
  },
  {
    id: fakeModels.stall,
    name: 'Switchboard Test: Stall',
    description: 'Pauses 2.5 s mid-reply, sending only keep-alive comments, then finishes.',
    behaviour: { stall: { afterChunks: 5, durationMs: 2500, keepAliveEveryMs: 500 } },
  },
  {
    id: fakeModels.hang,
    name: 'Switchboard Test: Never answers',
    description: 'Sends keep-alive comments every second and never a token.',
    behaviour: { hang: { keepAliveEveryMs: 1000 } },
  },
  {
    id: fakeModels.chaos,
    name: 'Switchboard Test: Chaos framing',
    description:
      'CRLF line endings, several events per write, writes split inside "data: " and inside UTF-8 characters.',
    behaviour: { chaos: { split: true, coalesce: true, crlf: true } },
  },
  {
    id: fakeModels.chaosSplit,
    name: 'Switchboard Test: Split writes',
    description: 'Writes split at arbitrary byte offsets.',
    behaviour: { chaos: { split: true, coalesce: false, crlf: false } },
  },
  {
    id: fakeModels.chaosCoalesce,
    name: 'Switchboard Test: Coalesced events',
    description: 'Several events per write.',
    behaviour: { chaos: { split: false, coalesce: true, crlf: false } },
  },
  {
    id: fakeModels.chaosCrlf,
    name: 'Switchboard Test: CRLF',
    description: 'SSE with \\r\\n line endings.',
    behaviour: { chaos: { split: false, coalesce: false, crlf: true } },
  },
  {
    id: fakeModels.error402,
    name: 'Switchboard Test: 402',
    description: 'Pre-stream 402: the request needs more credits.',
    preStreamError: 'lowBalance',
  },
  {
    id: fakeModels.error403,
    name: 'Switchboard Test: 403',
    description: 'Pre-stream 403: the input was flagged by moderation.',
    provider: 'OpenAI',
    preStreamError: 'moderation',
  },
  {
    id: fakeModels.error408,
    name: 'Switchboard Test: 408',
    description: 'Pre-stream 408: the operation timed out.',
    preStreamError: 'timeout',
  },
  {
    id: fakeModels.error429,
    name: 'Switchboard Test: 429',
    description: 'Pre-stream 429: rate-limited upstream, with Retry-After.',
    provider: 'Venice',
    preStreamError: 'rateLimited',
  },
  {
    id: fakeModels.error502,
    name: 'Switchboard Test: 502',
    description: 'Pre-stream 502: the provider returned an error.',
    provider: 'Together',
    preStreamError: 'upstreamDown',
  },
  {
    id: fakeModels.error503,
    name: 'Switchboard Test: 503',
    description: 'Pre-stream 503: no endpoint can handle the request.',
    preStreamError: 'noEndpoints',
  },
  {
    id: fakeModels.flaky502,
    name: 'Switchboard Test: Flaky (2 × 502)',
    description: 'The first two attempts of a request fail with 502 before any token; the third answers.',
    provider: 'Together',
    failFirstAttempts: 2,
  },
  {
    id: fakeModels.flaky502Thrice,
    name: 'Switchboard Test: Flaky (3 × 502)',
    description: 'The first three attempts of a request fail with 502 before any token; the fourth answers.',
    provider: 'Together',
    failFirstAttempts: 3,
  },
  {
    id: fakeModels.pricey,
    name: 'Switchboard Test: Pricey',
    description: '$1 per 1,000 completion tokens and up to 128,000 of them: a capped key cannot reserve them all.',
    maxOutput: 128000,
    price: ['0.00001', '0.001'],
  },
  {
    id: fakeModels.retainsData,
    name: 'Switchboard Test: Retains data',
    description: 'Served only by a provider that keeps and trains on prompts (no zero data retention).',
    provider: 'DataKeeper',
    retainsData: true,
  },
];

const testModelsById = new Map(testModelSpecs.map((t) => [t.id, t]));

export function behaviourFor(modelId: string): StreamBehaviour {
  return { ...defaultBehaviour, ...testModelsById.get(modelId)?.behaviour };
}

export function preStreamErrorFor(modelId: string): PreStreamError | undefined {
  return testModelsById.get(modelId)?.preStreamError;
}

export function retainsDataFor(modelId: string): boolean {
  return testModelsById.get(modelId)?.retainsData === true;
}

export function failFirstAttemptsFor(modelId: string): number {
  return testModelsById.get(modelId)?.failFirstAttempts ?? 0;
}

export interface KeyProfile {
  limit: number | null;
  limitReset: string | null;
  /** USD already spent before this server started. */
  usage: number;
  isFreeTier: boolean;
  /** Every chat request fails this way. */
  chatError?: PreStreamError;
  /** /key and other account endpoints fail with 503. */
  accountUnavailable?: boolean;
}

const profiles: Record<string, KeyProfile> = {
  [fakeKeys.valid]: { limit: 25, limitReset: 'monthly', usage: 4.5, isFreeTier: false },
  [fakeKeys.unlimited]: { limit: null, limitReset: null, usage: 12.34, isFreeTier: false },
  [fakeKeys.freeTier]: { limit: null, limitReset: null, usage: 0, isFreeTier: true },
  [fakeKeys.noCredits]: { limit: 10, limitReset: null, usage: 10, isFreeTier: false, chatError: 'lowBalance' },
  [fakeKeys.rateLimited]: { limit: null, limitReset: null, usage: 3.21, isFreeTier: false, chatError: 'rateLimited' },
  [fakeKeys.serverError]: {
    limit: null,
    limitReset: null,
    usage: 1,
    isFreeTier: false,
    chatError: 'upstreamDown',
    accountUnavailable: true,
  },
};

const anyWellFormedKey: KeyProfile = { limit: 10, limitReset: null, usage: 0, isFreeTier: false };

/** The account behind a key, or null when OpenRouter would answer "User not found.". */
export function keyProfile(key: string): KeyProfile | null {
  if (key === fakeKeys.revoked || !WELL_FORMED_KEY.test(key)) return null;
  return profiles[key] ?? anyWellFormedKey;
}
