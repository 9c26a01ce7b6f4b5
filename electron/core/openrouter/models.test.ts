import { describe, expect, it } from 'vitest';
import { mapModelEntries, mapModelList } from './models';

// Entries as OpenRouter really sent them (live captures of 2025 and 2026, and a 2024 snapshot in the old format).
const gpt4oMini = {
  id: 'openai/gpt-4o-mini',
  canonical_slug: 'openai/gpt-4o-mini',
  hugging_face_id: null,
  name: 'OpenAI: GPT-4o-mini',
  created: 1721260800,
  description: "GPT-4o mini is OpenAI's newest model after [GPT-4 Omni](/models/openai/gpt-4o). ...",
  context_length: 128000,
  architecture: {
    modality: 'text+image->text',
    input_modalities: ['text', 'image', 'file'],
    output_modalities: ['text'],
    tokenizer: 'GPT',
    instruct_type: null,
  },
  pricing: {
    prompt: '0.00000015',
    completion: '0.0000006',
    request: '0',
    image: '0.000217',
    web_search: '0',
    internal_reasoning: '0',
    input_cache_read: '0.000000075',
  },
  top_provider: { context_length: 128000, max_completion_tokens: 16384, is_moderated: true },
  per_request_limits: null,
  // prettier-ignore
  supported_parameters: ['max_tokens', 'temperature', 'top_p', 'stop', 'frequency_penalty', 'presence_penalty',
    'web_search_options', 'seed', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs',
    'tools', 'tool_choice'],
};

const deepseekV4Pro = {
  id: 'deepseek/deepseek-v4-pro',
  canonical_slug: 'deepseek/deepseek-v4-pro-20260423',
  name: 'DeepSeek: DeepSeek V4 Pro',
  context_length: 1048576,
  architecture: { tokenizer: 'DeepSeek', modality: 'text->text' },
  pricing: { prompt: '0.000000435', completion: '0.00000087', input_cache_read: '0.000000003625' },
  top_provider: { context_length: 1048576, max_completion_tokens: 384000, is_moderated: false },
  // prettier-ignore
  supported_parameters: ['frequency_penalty', 'include_reasoning', 'logit_bias', 'logprobs', 'max_tokens', 'min_p',
    'presence_penalty', 'reasoning', 'repetition_penalty', 'response_format', 'seed', 'stop', 'structured_outputs',
    'temperature', 'tool_choice', 'tools', 'top_k', 'top_logprobs', 'top_p'],
};

const reflectionOldFormat = {
  id: 'mattshumer/reflection-70b:free',
  name: 'Reflection 70B (free)',
  created: 1725580800,
  description: '...',
  context_length: 131072,
  architecture: { modality: 'text->text', tokenizer: 'Llama3', instruct_type: null },
  pricing: { prompt: '0', completion: '0', image: '0', request: '0' },
  top_provider: { context_length: 8192, max_completion_tokens: 4096, is_moderated: false },
  per_request_limits: null,
};

const autoRouter = {
  id: 'openrouter/auto',
  name: 'Auto Router',
  created: 1699401600,
  context_length: 2000000,
  architecture: { modality: 'text+image->text', tokenizer: 'Router', instruct_type: null },
  pricing: { prompt: '-1', completion: '-1' },
  top_provider: { context_length: null, max_completion_tokens: null, is_moderated: false },
};

describe('mapModelEntries', () => {
  it('reads a 2025 entry: prices per token, extra prices that cost something, modalities and capabilities', () => {
    const [model] = mapModelEntries([gpt4oMini]);
    expect(model).toEqual({
      id: 'openai/gpt-4o-mini',
      name: 'OpenAI: GPT-4o-mini',
      author: 'openai',
      description: gpt4oMini.description,
      created: 1721260800,
      contextLength: 128000,
      promptPrice: 0.00000015,
      completionPrice: 0.0000006,
      variablePricing: false,
      extraPrices: {
        request: null,
        image: 0.000217,
        webSearch: null,
        internalReasoning: null,
        cacheRead: 0.000000075,
        cacheWrite: null,
      },
      isFree: false,
      inputModalities: ['text', 'image', 'file'],
      outputModalities: ['text'],
      supportedParameters: gpt4oMini.supported_parameters,
      supportsReasoning: false,
      reasoningEfforts: null,
      supportsTools: true,
      supportsStructuredOutput: true,
      maxCompletionTokens: 16384,
      expirationDate: null,
      isRouter: false,
    });
  });

  it('reads a trimmed 2026 entry: modalities from `modality`, reasoning from supported_parameters', () => {
    const [model] = mapModelEntries([deepseekV4Pro]);
    expect(model).toMatchObject({
      id: 'deepseek/deepseek-v4-pro',
      author: 'deepseek',
      description: '',
      created: null,
      inputModalities: ['text'],
      outputModalities: ['text'],
      supportsReasoning: true,
      supportsTools: true,
      maxCompletionTokens: 384000,
      extraPrices: { cacheRead: 0.000000003625 },
    });
  });

  it('reads the reasoning efforts a 2026 entry lists, and none where it lists none', () => {
    const listed = { ...deepseekV4Pro, reasoning: { supported_efforts: ['low', 'high'], mandatory: false } };
    expect(mapModelEntries([listed])[0]?.reasoningEfforts).toEqual(['low', 'high']);
    expect(mapModelEntries([deepseekV4Pro])[0]?.reasoningEfforts).toBeNull();
  });

  it('reads the old format: no supported_parameters (unknown, not empty), free by its prices and its :free id', () => {
    const [model] = mapModelEntries([reflectionOldFormat]);
    expect(model).toMatchObject({
      isFree: true,
      promptPrice: 0,
      completionPrice: 0,
      contextLength: 131072,
      maxCompletionTokens: 4096,
      supportedParameters: null,
      supportsTools: false,
      inputModalities: ['text'],
      outputModalities: ['text'],
      extraPrices: { request: null, image: null },
    });
  });

  it('shows a "-1" price as variable, never as free, and knows a router', () => {
    const [model] = mapModelEntries([autoRouter]);
    expect(model).toMatchObject({
      promptPrice: null,
      completionPrice: null,
      variablePricing: true,
      isFree: false,
      isRouter: true,
      contextLength: 2000000,
      maxCompletionTokens: null,
      inputModalities: ['text', 'image'],
    });
  });

  it('keeps per-request prices, retirement dates and modalities it does not know', () => {
    const [model] = mapModelEntries([
      {
        id: 'acme/search-1',
        pricing: { prompt: '0.000001', completion: '0.000002', request: '0.005' },
        architecture: { input_modalities: ['text', 'hologram'], output_modalities: ['text', 'image'] },
        expiration_date: '2026-12-31',
      },
    ]);
    expect(model).toMatchObject({
      extraPrices: { request: 0.005 },
      inputModalities: ['text', 'hologram'],
      outputModalities: ['text', 'image'],
      expirationDate: '2026-12-31',
    });
  });

  it('never breaks on odd entries: null pricing, no name, a context of 0, a string max output; drops id-less ones', () => {
    const models = mapModelEntries([
      { id: 'odd/null-pricing', pricing: null, context_length: 0, top_provider: { max_completion_tokens: 'lots' } },
      { name: 'no id' },
      null,
      { id: 'odd/null-pricing', name: 'duplicate, dropped' },
      { id: 'odd/fraction', top_provider: { max_completion_tokens: 4096.7, context_length: -1 } },
    ]);
    expect(models.map((m) => m.id)).toEqual(['odd/null-pricing', 'odd/fraction']);
    expect(models[0]).toMatchObject({
      name: 'odd/null-pricing',
      promptPrice: null,
      completionPrice: null,
      isFree: false,
      variablePricing: false,
      contextLength: null,
      maxCompletionTokens: null,
    });
    expect(models[1]?.maxCompletionTokens).toBe(4096);
    expect(models[1]?.contextLength).toBeNull();
  });
});

describe('mapModelList', () => {
  it('answers null for a body without a data list, so the caller keeps what it had', () => {
    expect(mapModelList({ models: [] })).toBeNull();
    expect(mapModelList('<html>')).toBeNull();
    expect(mapModelList({ data: [gpt4oMini], total_count: 1, links: { next: null } })?.[0]?.id).toBe(
      'openai/gpt-4o-mini',
    );
  });
});
