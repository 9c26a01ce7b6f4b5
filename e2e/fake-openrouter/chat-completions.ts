// Runs in the fake OpenRouter process: POST /api/v1/chat/completions, streamed or not, with generation
// records and key billing kept as OpenRouter keeps them (docs/openrouter-protocol.md §2–§4, §7, §9).

import { authenticate, type Authenticated } from './auth';
import { type CatalogueEntry, isFreeModel, outputsOf, priceOf, supportsReasoning } from './catalogue';
import { generatedImages } from './generated-image';
import { coalesce, crlf, seededRandom, splitBytes } from './chaos';
import { chooseModel, type ChatRequest, parseChatRequest } from './chat-request';
import { type RequestContext, sendJson } from './context';
import { FAKE_USER_ID } from './fixtures';
import { type GenerationRecord } from './generation-store';
import { newGenerationId, randomAlnum } from './ids';
import {
  type ChatMessageLike,
  chunkText,
  countImageParts,
  estimateTokens,
  isTitleRequest,
  lastUserText,
  promptTokensOf,
  reasoningFor,
  replyFor,
  titleFor,
  truncateToTokens,
} from './reply-text';
import { chunkByCodePoints, MARKDOWN_REPLY } from './markdown-reply';
import { behaviourFor, type StreamBehaviour } from './scenarios';
import { deliver, sleep, startEventStream } from './sse-writer';
import {
  type FinishReason,
  midStreamErrorBody,
  type PlannedWrite,
  planStream,
  type StreamPlan,
  type StreamProgress,
} from './stream-plan';
import { type CacheUse, takesBreakpoints } from './prompt-cache';
import { computeUsage, type Usage } from './usage';
import { type ChunkHead, completionBody } from './wire-format';

// docs/openrouter-protocol.md §3.8: on these providers an aborted stream keeps running, and is billed in full.
const PROVIDERS_WITHOUT_CANCELLATION = new Set([
  'Amazon Bedrock',
  'Groq',
  'Modal',
  'Google',
  'Google AI Studio',
  'Minimax',
  'HuggingFace',
  'Replicate',
  'Perplexity',
  'Mistral',
  'AI21',
  'Featherless',
  'Lambda',
  'SambaNova',
  'Alibaba',
  'Nebius',
  'Lepton',
]);

const TOOL = {
  name: 'get_weather',
  argumentPieces: ['', '{"location": "San Francisco,', ' USA", ', '"unit": "celsius"}'],
};

/** Everything decided about one generation before the first byte is sent. */
interface Generation {
  id: string;
  startedAt: number;
  head: ChunkHead;
  entry: CatalogueEntry;
  behaviour: StreamBehaviour;
  chunkDelayMs: number;
  reasoningText: string | null;
  /** Reasoning the model produced but the request asked not to see (`exclude`); still billed. */
  hiddenReasoningTokens: number;
  contentPieces: string[];
  toolCall: { id: string; name: string; argumentPieces: string[] } | undefined;
  finish: FinishReason;
  nativeFinish: string;
  promptTokens: number;
  /** What this request read from and wrote to the key's prompt cache; null when it used none. */
  cache: CacheUse | null;
  /** url_citation annotations the reply ends with, when web search was asked for. */
  annotations: Record<string, unknown>[] | null;
  /** A model whose outputs include images answers every chat with one picture (generated-image.ts). */
  images: Record<string, unknown>[] | null;
}

/** Made-up sources for a web search: one per result, about the question (docs/openrouter-protocol.md §2.8). */
function searchAnnotations(question: string, count: number): Record<string, unknown>[] {
  const topic = question.split(/\s+/).slice(0, 4).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    type: 'url_citation',
    url_citation: {
      url: `https://example.com/search/${i + 1}?q=${encodeURIComponent(topic)}`,
      title: `Result ${i + 1}: ${topic}`,
      content: `What page ${i + 1} says about ${topic}.`,
      start_index: 0,
      end_index: 0,
    },
  }));
}

export async function handleChat(ctx: RequestContext): Promise<void> {
  const auth = authenticate(ctx);
  if (!auth) return;
  const request = parseChatRequest(ctx);
  if (!request) return;
  const entry = chooseModel(ctx, request, auth);
  if (!entry) return;

  const gen = prepare(ctx, request, entry, auth.key);
  ctx.generations.begin(auth.key, baseRecord(ctx, request, gen));
  ctx.record.generationId = gen.id;
  ctx.notify();
  if (request.stream) await stream(ctx, auth, request, gen);
  else await respond(ctx, auth, request, gen);
}

/**
 * With an assistant prefill that begins the reply, the model writes only the rest of it
 * (docs/openrouter-protocol.md §2.2).
 */
function afterPrefill(content: string, messages: readonly ChatMessageLike[]): string {
  const last = messages.at(-1);
  if (last?.role !== 'assistant' || typeof last.content !== 'string' || last.content === '') return content;
  return content.startsWith(last.content) ? content.slice(last.content.length) : content;
}

function reasoningMode(entry: CatalogueEntry, request: ChatRequest): 'off' | 'shown' | 'hidden' {
  if (!supportsReasoning(entry)) return 'off';
  const r = request.reasoning;
  const effort = (r?.effort as string | undefined) ?? request.reasoningEffort;
  const exclude = r?.exclude === true || request.includeReasoning === false;
  const mandatory = entry.model.reasoning?.mandatory ?? false;
  let on: boolean;
  if (mandatory) on = true;
  else if (effort === 'none' || r?.enabled === false) on = false;
  else if (r || effort || request.includeReasoning !== null) on = true;
  else on = entry.model.reasoning?.default_enabled ?? false;
  if (!on) return 'off';
  return exclude ? 'hidden' : 'shown';
}

function nativeFinishOf(provider: string, finish: FinishReason): string {
  // native_finish_reason is the provider's own word for it.
  if (provider === 'Anthropic' || provider === 'Amazon Bedrock')
    return { stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use' }[finish];
  if (provider.startsWith('Google')) return { stop: 'STOP', length: 'MAX_TOKENS', tool_calls: 'STOP' }[finish];
  return finish;
}

function prepare(ctx: RequestContext, request: ChatRequest, entry: CatalogueEntry, apiKey: string): Generation {
  const startedAt = Date.now();
  const id = newGenerationId(startedAt);
  const behaviour = behaviourFor(entry.model.id);
  const prompt = lastUserText(request.messages);
  const mode = reasoningMode(entry, request);
  const reasoning = mode === 'off' ? '' : reasoningFor(prompt);
  const reasoningTokens = estimateTokens(reasoning);

  let content = isTitleRequest(request.messages)
    ? titleFor(prompt)
    : behaviour.markdownReply
      ? MARKDOWN_REPLY
      : replyFor(prompt, { long: behaviour.long ?? false });
  content = afterPrefill(content, request.messages);
  let finish: FinishReason = 'stop';
  // The request's cap and the model's own limit both apply: whichever is lower ends the reply.
  const caps = [request.maxTokens, behaviour.maxCompletionTokens].filter((c): c is number => typeof c === 'number');
  const cap = caps.length > 0 ? Math.min(...caps) : null;
  if (cap !== null) {
    // Reasoning is output too, so it eats into the same budget first.
    const budget = Math.max(0, cap - reasoningTokens);
    if (estimateTokens(content) > budget) {
      content = truncateToTokens(content, budget);
      finish = 'length';
    }
  }
  const toolCall = behaviour.toolCall ? { id: `call_${randomAlnum(24)}`, ...TOOL } : undefined;
  if (toolCall) finish = 'tool_calls';
  const provider = entry.provider;
  return {
    id,
    startedAt,
    head: { id, created: Math.floor(startedAt / 1000), model: entry.responseModel, provider, era: behaviour.era },
    entry,
    behaviour,
    chunkDelayMs: behaviour.chunkDelayMs ?? ctx.settings.chunkDelayMs,
    reasoningText: mode === 'shown' ? reasoning : null,
    hiddenReasoningTokens: mode === 'hidden' ? reasoningTokens : 0,
    contentPieces: toolCall
      ? []
      : behaviour.charsPerChunk
        ? chunkByCodePoints(content, behaviour.charsPerChunk)
        : chunkText(content, behaviour.wordsPerChunk),
    toolCall,
    finish,
    nativeFinish: nativeFinishOf(provider, finish),
    promptTokens: promptTokensOf(request.messages),
    cache: takesBreakpoints(entry.model.id) ? ctx.promptCache.use(apiKey, request.messages) : null,
    annotations: request.webResults === null ? null : searchAnnotations(prompt, request.webResults),
    images: outputsOf(entry.model).includes('image') && !isTitleRequest(request.messages) ? generatedImages() : null,
  };
}

function usageFor(gen: Generation, progress: StreamProgress, charged: boolean): Usage {
  const reasoningTokens = estimateTokens(progress.reasoning) + gen.hiddenReasoningTokens;
  const completionTokens = reasoningTokens + estimateTokens(progress.content) + estimateTokens(progress.toolArguments);
  return computeUsage({
    promptTokens: gen.promptTokens,
    completionTokens,
    reasoningTokens,
    price: priceOf(gen.entry),
    free: isFreeModel(gen.entry),
    charged,
    ...(gen.cache ? { cache: { ...gen.cache, ...cachePrices(gen.entry) } } : {}),
  });
}

/** The catalogue's cache prices, or Anthropic's usual ratios to the prompt price (0.1× to read, 1.25× to write). */
function cachePrices(entry: CatalogueEntry): { readPrice: number; writePrice: number } {
  const pricing = entry.model.pricing as unknown as Record<string, unknown>;
  const prompt = priceOf(entry).prompt;
  const listed = (key: string) => {
    const n = Number(pricing[key]);
    return Number.isFinite(n) && n >= 0 ? n : null;
  };
  return {
    readPrice: listed('input_cache_read') ?? prompt * 0.1,
    writePrice: listed('input_cache_write') ?? prompt * 1.25,
  };
}

function fullProgress(gen: Generation): StreamProgress {
  return {
    reasoning: gen.reasoningText ?? '',
    content: gen.contentPieces.join(''),
    toolArguments: gen.toolCall?.argumentPieces.join('') ?? '',
  };
}

/** What the client sees before a scripted failure cuts the reply short. */
function progressBeforeFailure(gen: Generation): StreamProgress | null {
  const b = gen.behaviour;
  const cut = b.errorFirst ? 0 : (b.midStreamError?.afterChunks ?? (b.finishReasonError ? 3 : null));
  if (cut === null) return null;
  return {
    reasoning: b.errorFirst ? '' : (gen.reasoningText ?? ''),
    content: gen.contentPieces.slice(0, cut).join(''),
    toolArguments: gen.toolCall?.argumentPieces.slice(0, cut).join('') ?? '',
  };
}

function baseRecord(ctx: RequestContext, request: ChatRequest, gen: Generation): GenerationRecord {
  const header = (name: string): string | null => {
    const v = ctx.req.headers[name];
    return typeof v === 'string' ? v : null;
  };
  return {
    id: gen.id,
    upstream_id: `chatcmpl-${randomAlnum(24)}`,
    request_id: `req-${randomAlnum(20)}`,
    total_cost: 0,
    usage: 0,
    upstream_inference_cost: null,
    cache_discount: null,
    created_at: new Date(gen.startedAt).toISOString().replace('Z', '+00:00'),
    model: gen.entry.responseModel,
    router: gen.entry.routesTo ? gen.entry.model.id : null,
    app_id: null,
    origin: header('origin'),
    http_referer: header('http-referer'),
    user_agent: header('user-agent'),
    streamed: request.stream,
    cancelled: false,
    provider_name: gen.entry.provider,
    provider_responses: null,
    latency: null,
    moderation_latency: null,
    generation_time: null,
    finish_reason: null,
    native_finish_reason: null,
    tokens_prompt: gen.promptTokens,
    tokens_completion: 0,
    native_tokens_prompt: gen.promptTokens,
    native_tokens_completion: 0,
    native_tokens_completion_images: 0,
    native_tokens_reasoning: 0,
    native_tokens_cached: 0,
    num_media_prompt: countImageParts(request.messages),
    num_input_audio_prompt: 0,
    num_media_completion: 0,
    num_search_results: 0,
    num_fetches: 0,
    web_search_engine: null,
    is_byok: false,
    external_user: request.user,
    api_type: 'completions',
    preset_id: null,
    session_id: request.sessionId,
    service_tier: null,
    data_region: 'global',
    workspace_id: null,
  };
}

interface Outcome {
  usage: Usage;
  cancelled: boolean;
  finish: string | null;
  nativeFinish: string | null;
  firstTokenAt: number | null;
}

function settle(ctx: RequestContext, auth: Authenticated, gen: Generation, outcome: Outcome): void {
  const now = Date.now();
  const { usage } = outcome;
  ctx.generations.finish(
    gen.id,
    {
      total_cost: usage.cost,
      usage: usage.cost,
      upstream_inference_cost: usage.cost_details.upstream_inference_cost,
      cache_discount: usage.cache_discount ?? null,
      native_tokens_cached: usage.prompt_tokens_details.cached_tokens,
      num_search_results: gen.annotations?.length ?? 0,
      cancelled: outcome.cancelled,
      latency: outcome.firstTokenAt === null ? null : outcome.firstTokenAt - gen.startedAt,
      moderation_latency: gen.entry.model.top_provider.is_moderated ? 12 : null,
      generation_time: now - gen.startedAt,
      finish_reason: outcome.finish,
      native_finish_reason: outcome.nativeFinish,
      tokens_completion: usage.completion_tokens,
      native_tokens_completion: usage.completion_tokens,
      native_tokens_reasoning: usage.completion_tokens_details.reasoning_tokens,
    },
    now,
  );
  ctx.ledger.charge(auth.key, usage.cost);
}

async function stream(ctx: RequestContext, auth: Authenticated, request: ChatRequest, gen: Generation): Promise<void> {
  startEventStream(ctx.res, gen.id);
  ctx.record.status = 200;
  ctx.notify();

  const plan: StreamPlan = {
    head: gen.head,
    behaviour: gen.behaviour,
    chunkDelayMs: gen.chunkDelayMs,
    reasoningPieces: gen.reasoningText ? chunkText(gen.reasoningText, 2) : [],
    contentPieces: gen.contentPieces,
    finish: gen.finish,
    nativeFinish: gen.nativeFinish,
    includeUsage: !gen.behaviour.usageOptIn || request.usageRequested,
    usageFor: (progress, charged) => usageFor(gen, progress, charged),
  };
  if (gen.toolCall) plan.toolCall = gen.toolCall;
  if (gen.annotations) plan.annotations = gen.annotations;
  if (gen.images) plan.images = gen.images;
  let writes: Iterable<PlannedWrite> = planStream(plan);
  const chaos = gen.behaviour.chaos;
  if (chaos) {
    const random = seededRandom(0x5eed);
    if (chaos.crlf) writes = crlf(writes);
    if (chaos.coalesce) writes = coalesce(writes, random);
    if (chaos.split) writes = splitBytes(writes, random);
  }

  const result = await deliver(ctx.res, writes, ctx.signal);
  const failed = progressBeforeFailure(gen);
  if (result.completed && failed) {
    const native = gen.behaviour.finishReasonError ? 'MALFORMED_FUNCTION_CALL' : 'error';
    settle(ctx, auth, gen, {
      usage: usageFor(gen, failed, false),
      cancelled: false,
      finish: 'error',
      nativeFinish: native,
      firstTokenAt: result.firstDataAt,
    });
  } else if (result.completed) {
    settle(ctx, auth, gen, {
      usage: usageFor(gen, fullProgress(gen), true),
      cancelled: false,
      finish: gen.finish,
      nativeFinish: gen.nativeFinish,
      firstTokenAt: result.firstDataAt,
    });
  } else {
    const billedInFull = PROVIDERS_WITHOUT_CANCELLATION.has(gen.entry.provider) && !gen.behaviour.hang;
    const progress = billedInFull
      ? fullProgress(gen)
      : (result.progress ?? { reasoning: '', content: '', toolArguments: '' });
    const produced = progress.reasoning || progress.content || progress.toolArguments || gen.hiddenReasoningTokens > 0;
    // Zero-completion insurance: nothing produced, nothing charged.
    settle(ctx, auth, gen, {
      usage: usageFor(gen, progress, Boolean(produced)),
      cancelled: true,
      finish: null,
      nativeFinish: null,
      firstTokenAt: result.firstDataAt,
    });
  }
}

function streamDurationMs(gen: Generation): number {
  const b = gen.behaviour;
  const pieces =
    gen.contentPieces.length +
    (gen.toolCall?.argumentPieces.length ?? 0) +
    (gen.reasoningText ? chunkText(gen.reasoningText, 2).length : 0);
  return (pieces + b.keepAlivesBeforeFirst + 2) * gen.chunkDelayMs + (b.stall?.durationMs ?? 0);
}

async function respond(ctx: RequestContext, auth: Authenticated, request: ChatRequest, gen: Generation): Promise<void> {
  const b = gen.behaviour;
  if (b.hang) {
    await new Promise<void>((resolve) =>
      ctx.signal.aborted ? resolve() : ctx.signal.addEventListener('abort', () => resolve(), { once: true }),
    );
    settle(ctx, auth, gen, {
      usage: usageFor(gen, { reasoning: '', content: '', toolArguments: '' }, false),
      cancelled: true,
      finish: null,
      nativeFinish: null,
      firstTokenAt: null,
    });
    return;
  }
  // The answer takes as long as the stream would have. Leaving early does not stop a non-streamed
  // generation: it is still billed in full.
  await sleep(streamDurationMs(gen), ctx.signal);
  const headers = { 'x-generation-id': gen.id };
  const failed = progressBeforeFailure(gen);

  if (b.errorFirst) {
    const usage = usageFor(gen, { reasoning: '', content: '', toolArguments: '' }, false);
    sendJson(ctx, 200, { error: midStreamErrorBody(planLike(gen)), user_id: FAKE_USER_ID }, headers);
    settle(ctx, auth, gen, {
      usage,
      cancelled: ctx.signal.aborted,
      finish: 'error',
      nativeFinish: 'error',
      firstTokenAt: null,
    });
    return;
  }
  if (failed) {
    const usage = usageFor(gen, failed, false);
    const native = b.finishReasonError ? 'MALFORMED_FUNCTION_CALL' : 'error';
    const body = completionBody({
      head: gen.head,
      content: failed.content,
      reasoning: gen.reasoningText,
      finish: 'error',
      nativeFinish: native,
      usage,
      ...(b.midStreamError ? { choiceError: midStreamErrorBody(planLike(gen)) } : {}),
    });
    sendJson(ctx, 200, body, headers);
    settle(ctx, auth, gen, {
      usage,
      cancelled: ctx.signal.aborted,
      finish: 'error',
      nativeFinish: native,
      firstTokenAt: null,
    });
    return;
  }
  const progress = fullProgress(gen);
  const usage = usageFor(gen, progress, true);
  const body = completionBody({
    head: gen.head,
    content: progress.content,
    reasoning: gen.reasoningText,
    finish: gen.finish,
    nativeFinish: gen.nativeFinish,
    usage,
    ...(gen.images ? { images: gen.images } : {}),
    ...(gen.toolCall
      ? { toolCalls: [{ id: gen.toolCall.id, name: gen.toolCall.name, arguments: progress.toolArguments }] }
      : {}),
  });
  sendJson(ctx, 200, body, headers);
  settle(ctx, auth, gen, {
    usage,
    cancelled: ctx.signal.aborted,
    finish: gen.finish,
    nativeFinish: gen.nativeFinish,
    firstTokenAt: null,
  });
}

function planLike(gen: Generation): Pick<StreamPlan, 'behaviour' | 'head'> {
  return { behaviour: gen.behaviour, head: gen.head };
}
