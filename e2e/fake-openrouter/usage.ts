// Runs in the fake OpenRouter process: the `usage` object and its cost, computed the way OpenRouter bills.
//
// cost = prompt_tokens × pricing.prompt + completion_tokens × pricing.completion (USD), rounded to 10
// significant digits; e.g. gpt-4o-mini with 29 + 33 tokens costs exactly 0.00002415, as captured.

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost: number;
  is_byok: boolean;
  prompt_tokens_details: {
    cached_tokens: number;
    cache_write_tokens: number;
    audio_tokens: number;
    video_tokens: number;
  };
  cost_details: {
    upstream_inference_cost: number | null;
    upstream_inference_prompt_cost: number;
    upstream_inference_completions_cost: number;
  };
  completion_tokens_details: { reasoning_tokens: number; image_tokens: number; audio_tokens: number };
  /**
   * USD caching saved (reads at the cache price instead of the prompt price, less the premium on writes); only when
   * the request used the cache. OpenRouter reports it on the generation record; the fake sends it here too.
   */
  cache_discount?: number;
}

/** Usage as old streams (and intermediaries that drop fields) sent it: tokens only, no cost. */
export type LegacyUsage = Pick<Usage, 'prompt_tokens' | 'completion_tokens' | 'total_tokens'>;

export interface UsageInput {
  promptTokens: number;
  /** Includes reasoning tokens: reasoning is billed as output. */
  completionTokens: number;
  reasoningTokens: number;
  price: { prompt: number; completion: number };
  free: boolean;
  /** False under zero-completion insurance (an `error` finish): no model charge. */
  charged: boolean;
  /** Prompt tokens read from / written to the provider's cache, and their prices per token. */
  cache?: { readTokens: number; writeTokens: number; readPrice: number; writePrice: number };
}

export function roundCost(usd: number): number {
  return usd === 0 ? 0 : Number(usd.toPrecision(10));
}

export function computeUsage(input: UsageInput): Usage {
  const billed = input.charged && !input.free;
  const cache = input.cache;
  const plain = input.promptTokens - (cache ? cache.readTokens + cache.writeTokens : 0);
  const promptCost = billed
    ? roundCost(
        plain * input.price.prompt +
          (cache ? cache.readTokens * cache.readPrice + cache.writeTokens * cache.writePrice : 0),
      )
    : 0;
  const completionCost = billed ? roundCost(input.completionTokens * input.price.completion) : 0;
  return {
    prompt_tokens: input.promptTokens,
    completion_tokens: input.completionTokens,
    total_tokens: input.promptTokens + input.completionTokens,
    cost: roundCost(promptCost + completionCost),
    is_byok: false,
    prompt_tokens_details: {
      cached_tokens: cache?.readTokens ?? 0,
      cache_write_tokens: cache?.writeTokens ?? 0,
      audio_tokens: 0,
      video_tokens: 0,
    },
    cost_details: {
      // Free routes report 0 here and paid non-BYOK calls null, as in the captures.
      upstream_inference_cost: input.free ? 0 : null,
      upstream_inference_prompt_cost: promptCost,
      upstream_inference_completions_cost: completionCost,
    },
    completion_tokens_details: { reasoning_tokens: input.reasoningTokens, image_tokens: 0, audio_tokens: 0 },
    ...(cache && billed
      ? {
          cache_discount: roundCost(
            cache.readTokens * (input.price.prompt - cache.readPrice) -
              cache.writeTokens * (cache.writePrice - input.price.prompt),
          ),
        }
      : {}),
  };
}
