// Runs in the fake OpenRouter process: validates a chat request and picks the model that will answer,
// sending OpenRouter's error response when it cannot be served.

import { type Authenticated } from './auth';
import { type CatalogueEntry, findModel, isFreeModel, outputsOf } from './catalogue';
import { type RequestContext, sendFixture } from './context';
import {
  type Fixture,
  badRequest,
  invalidModel,
  lowBalance,
  moderation,
  noEndpoints,
  noTextOutput,
  rateLimited,
  routingRefused,
  timeout,
  tooManyModels,
  upstreamDown,
} from './fixtures';
import { type ChatMessageLike, lastUserText } from './reply-text';
import { fakeModels, failFirstAttemptsFor, type PreStreamError, preStreamErrorFor, retainsDataFor } from './scenarios';

export interface ChatRequest {
  messages: ChatMessageLike[];
  stream: boolean;
  maxTokens: number | null;
  reasoning: Record<string, unknown> | null;
  reasoningEffort: string | null;
  includeReasoning: boolean | null;
  /** The legacy opt-in to usage in streams. */
  usageRequested: boolean;
  user: string | null;
  sessionId: string | null;
  /** The `provider` routing object as sent (docs/openrouter-protocol.md §2.7). */
  provider: Record<string, unknown> | null;
  /** The `web` plugin's result count when it was asked for (default 5), else null. */
  webResults: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Validation messages follow the zod wording OpenRouter's 2026 API answers with. */
function validate(body: Record<string, unknown>, efforts: readonly string[]): string | null {
  const messages = body.messages;
  if (!Array.isArray(messages)) return `messages: Invalid input: expected array, received ${describe(messages)}`;
  if (messages.length === 0) return 'messages: Too small: expected array to have >=1 items';
  if (!messages.every(isRecord)) return 'messages: Invalid input: expected object';
  if (body.model !== undefined && typeof body.model !== 'string')
    return `model: Invalid input: expected string, received ${describe(body.model)}`;
  if (body.models !== undefined && !(Array.isArray(body.models) && body.models.every((m) => typeof m === 'string'))) {
    return 'models: Invalid input: expected array of strings';
  }
  for (const field of ['max_tokens', 'max_completion_tokens'] as const) {
    const v = body[field];
    if (v !== undefined && v !== null && !(Number.isInteger(v) && (v as number) >= 1)) {
      return `${field}: Invalid input: expected a positive integer`;
    }
  }
  const reasoning = isRecord(body.reasoning) ? body.reasoning : null;
  const effort = reasoning?.effort ?? body.reasoning_effort;
  if (effort !== undefined && !(typeof effort === 'string' && efforts.includes(effort))) {
    const where = reasoning?.effort !== undefined ? 'reasoning.effort' : 'reasoning_effort';
    return `${where}: Invalid option: expected one of ${efforts.map((e) => `"${e}"`).join('|')}`;
  }
  return null;
}

/** Parses the body, answering 400 for what OpenRouter rejects; null once an error was sent. */
export function parseChatRequest(ctx: RequestContext): ChatRequest | null {
  if (ctx.bodyInvalid) {
    sendFixture(ctx, badRequest('Invalid JSON in request body'));
    return null;
  }
  const body = ctx.body;
  if (!isRecord(body)) {
    sendFixture(ctx, badRequest(`Invalid input: expected object, received ${describe(body)}`));
    return null;
  }
  const problem = validate(body, ctx.settings.reasoningEfforts);
  if (problem) {
    sendFixture(ctx, badRequest(problem));
    return null;
  }
  const reasoning = isRecord(body.reasoning) ? body.reasoning : null;
  const maxTokens = (body.max_completion_tokens ?? body.max_tokens ?? null) as number | null;
  const usage = isRecord(body.usage) ? body.usage : null;
  const streamOptions = isRecord(body.stream_options) ? body.stream_options : null;
  return {
    messages: body.messages as ChatMessageLike[],
    stream: body.stream === true,
    maxTokens,
    reasoning,
    reasoningEffort: typeof body.reasoning_effort === 'string' ? body.reasoning_effort : null,
    includeReasoning: typeof body.include_reasoning === 'boolean' ? body.include_reasoning : null,
    usageRequested: usage?.include === true || streamOptions?.include_usage === true,
    user: typeof body.user === 'string' ? body.user : null,
    sessionId:
      typeof body.session_id === 'string'
        ? body.session_id
        : ((ctx.req.headers['x-session-id'] as string | undefined) ?? null),
    provider: isRecord(body.provider) ? body.provider : null,
    webResults: webResultsOf(body.plugins),
  };
}

function webResultsOf(plugins: unknown): number | null {
  if (!Array.isArray(plugins)) return null;
  const web = plugins.find((p) => isRecord(p) && p.id === 'web') as Record<string, unknown> | undefined;
  if (!web) return null;
  const n = web.max_results;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? Math.min(n, 10) : 5;
}

/** USD per million tokens, from a max_price string or number; null when absent or unreadable. */
function perMillion(value: unknown): number | null {
  const n = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** The endpoint the request's routing settings rule out, if they rule out this model's only one. */
function routingFailure(entry: CatalogueEntry, request: ChatRequest): Fixture | null {
  const provider = request.provider;
  if (!provider) return null;
  if ((provider.data_collection === 'deny' || provider.zdr === true) && retainsDataFor(entry.model.id))
    return routingRefused('data policy');
  const maxPrice = isRecord(provider.max_price) ? provider.max_price : {};
  const price = {
    prompt: Number(entry.model.pricing.prompt) * 1e6,
    completion: Number(entry.model.pricing.completion) * 1e6,
  };
  const maxPrompt = perMillion(maxPrice.prompt);
  const maxCompletion = perMillion(maxPrice.completion);
  if ((maxPrompt !== null && price.prompt > maxPrompt) || (maxCompletion !== null && price.completion > maxCompletion))
    return routingRefused('max price');
  if (Array.isArray(provider.only) && provider.only.length > 0) {
    const slug = entry.provider.toLowerCase().replace(/\s+/g, '-');
    if (!provider.only.some((p) => typeof p === 'string' && slug.startsWith(p.toLowerCase())))
      return routingRefused('only');
  }
  return null;
}

export function preStreamFixture(kind: PreStreamError, entry: CatalogueEntry, request: ChatRequest): Fixture {
  switch (kind) {
    case 'lowBalance':
      return lowBalance(request.maxTokens ?? entry.model.top_provider.max_completion_tokens ?? 16384);
    case 'moderation':
      return moderation(entry.model.id, entry.provider, lastUserText(request.messages));
    case 'timeout':
      return timeout();
    case 'rateLimited':
      return rateLimited(entry.model.id);
    case 'upstreamDown':
      return upstreamDown(entry.provider);
    case 'noEndpoints':
      return noEndpoints();
  }
}

/**
 * The model that answers: `model` first, then the `models` fallbacks in order (docs/openrouter-protocol.md §2.3),
 * skipping any whose scenario fails before streaming; if all fail, the last failure is returned. Null once an error
 * was sent.
 */
export function chooseModel(ctx: RequestContext, request: ChatRequest, auth: Authenticated): CatalogueEntry | null {
  const body = ctx.body as Record<string, unknown>;
  const fallbacks = (body.models as string[] | undefined) ?? [];
  if (fallbacks.length > 3) {
    sendFixture(ctx, tooManyModels());
    return null;
  }
  const requested = typeof body.model === 'string' && body.model ? [body.model] : [];
  const candidates = [...new Set([...requested, ...fallbacks])];
  if (candidates.length === 0) candidates.push(fakeModels.default);

  const entries: CatalogueEntry[] = [];
  for (const id of candidates) {
    const entry = findModel(id);
    if (!entry) {
      sendFixture(ctx, invalidModel(id));
      return null;
    }
    entries.push(entry);
  }

  if (auth.profile.chatError) {
    sendFixture(ctx, preStreamFixture(auth.profile.chatError, entries[0] as CatalogueEntry, request));
    return null;
  }

  let lastFailure: Fixture | null = null;
  for (const entry of entries) {
    const failure = failureFor(ctx, entry, request, auth);
    if (!failure) return entry;
    lastFailure = failure;
  }
  if (lastFailure) sendFixture(ctx, lastFailure);
  return null;
}

function failureFor(
  ctx: RequestContext,
  entry: CatalogueEntry,
  request: ChatRequest,
  auth: Authenticated,
): Fixture | null {
  const routing = routingFailure(entry, request);
  if (routing) return routing;
  const scripted = preStreamErrorFor(entry.model.id);
  if (scripted) return preStreamFixture(scripted, entry, request);
  // Same key, model and messages = the same request tried again.
  const flaky = failFirstAttemptsFor(entry.model.id);
  if (flaky > 0 && ctx.attempts.next(`${auth.key}\n${entry.model.id}\n${JSON.stringify(request.messages)}`) <= flaky)
    return preStreamFixture('upstreamDown', entry, request);
  if (!outputsOf(entry.model).includes('text')) return noTextOutput();
  if (isFreeModel(entry)) return null;
  // A free-tier account has no credits; a capped key stops at its limit.
  const remaining = ctx.ledger.remaining(auth.key);
  if (auth.profile.isFreeTier || (remaining !== null && remaining <= 0))
    return preStreamFixture('lowBalance', entry, request);
  return null;
}
