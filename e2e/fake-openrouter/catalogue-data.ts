// Runs in the fake OpenRouter process: the model list's data, one real or plausible model per block.
//
// Ids and prices are OpenRouter's real ones where the reference records them (gpt-4o-mini, gpt-4o, the
// Claude Sonnets, deepseek-v4-pro); the rest are plausible so a client sees a realistic spread: paid and
// `:free` ids, image input, reasoning models with the 2026 `reasoning` block, `openrouter/auto` priced "-1",
// one old-format entry without `supported_parameters`/`input_modalities`, null `max_completion_tokens`, one model
// with an `expiration_date` (gpt-3.5-turbo), a per-request price (sonar), and
// an image-only model that is listed only when asked for (the real default filter is text output).
// Providers are the display names sent on each chunk; those in PROVIDERS_WITHOUT_CANCELLATION keep billing
// after an abort.

import { type CatalogueEntry, type Modality, type ModelReasoning } from './catalogue';

// prettier-ignore
export const OPENAI_PARAMS = [
  'max_tokens', 'temperature', 'top_p', 'stop', 'frequency_penalty', 'presence_penalty', 'web_search_options',
  'seed', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'structured_outputs', 'tools', 'tool_choice',
];
const O_SERIES_PARAMS = ['max_tokens', 'seed', 'response_format', 'structured_outputs', 'tools', 'tool_choice'];
const ANTHROPIC_PARAMS = ['max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'tools', 'tool_choice'];
// prettier-ignore
const GOOGLE_PARAMS = [
  'max_tokens', 'temperature', 'top_p', 'stop', 'frequency_penalty', 'presence_penalty', 'seed',
  'response_format', 'structured_outputs', 'tools', 'tool_choice',
];
// prettier-ignore
const OPEN_WEIGHTS_PARAMS = [
  'frequency_penalty', 'logit_bias', 'max_tokens', 'min_p', 'presence_penalty', 'repetition_penalty',
  'response_format', 'seed', 'stop', 'temperature', 'tool_choice', 'tools', 'top_k', 'top_p',
];
// prettier-ignore
const XAI_PARAMS = [
  'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'logprobs', 'top_logprobs', 'response_format',
  'structured_outputs', 'tools', 'tool_choice',
];
const FREE_PARAMS = ['max_tokens', 'temperature', 'top_p', 'stop', 'frequency_penalty', 'presence_penalty', 'top_k'];

const EFFORTS = ['xhigh', 'high', 'medium', 'low', 'minimal', 'none'];
const optionalReasoning: ModelReasoning = {
  supported_efforts: EFFORTS,
  default_effort: 'medium',
  default_enabled: false,
  mandatory: false,
  supports_max_tokens: true,
};
export const alwaysReasoning: ModelReasoning = {
  supported_efforts: EFFORTS.filter((e) => e !== 'none'),
  default_effort: 'medium',
  default_enabled: true,
  mandatory: true,
  supports_max_tokens: false,
};
const GPT5_REASONING: ModelReasoning = { ...alwaysReasoning, supported_efforts: ['high', 'medium', 'low', 'minimal'] };
const O_SERIES_REASONING: ModelReasoning = { ...alwaysReasoning, supported_efforts: ['high', 'medium', 'low'] };
const GROK_MINI_REASONING: ModelReasoning = {
  ...optionalReasoning,
  supported_efforts: ['high', 'low'],
  default_effort: 'low',
  default_enabled: true,
};

export interface ModelSpec {
  id: string;
  name: string;
  /** Release date, YYYY-MM-DD. */
  created: string;
  description: string;
  provider: string;
  tokenizer: string;
  context: number;
  maxOutput: number | null;
  /** USD per token, as OpenRouter's strings. */
  price: [prompt: string, completion: string];
  cacheRead?: string;
  cacheWrite?: string;
  imagePrice?: string;
  requestPrice?: string;
  webSearchPrice?: string;
  imageOutputPrice?: string;
  inputs?: Modality[];
  outputs?: string[];
  params: string[];
  reasoning?: ModelReasoning;
  /** The permaslug, when it differs from the id (it then appears as `model` in responses). */
  canonical?: string;
  huggingFace?: string | null;
  moderated?: boolean;
  knowledgeCutoff?: string | null;
  /** The day OpenRouter retires the model, as `expiration_date` (YYYY-MM-DD). */
  expirationDate?: string;
}

export function unix(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000);
}

// prettier-ignore
export const modelSpecs: ModelSpec[] = [
  {
    id: 'openai/gpt-4o-mini', name: 'OpenAI: GPT-4o-mini', created: '2024-07-18', provider: 'OpenAI', tokenizer: 'GPT',
    description: "GPT-4o mini is OpenAI's newest model after [GPT-4 Omni](/models/openai/gpt-4o), supporting both text and image inputs with text outputs.",
    context: 128000, maxOutput: 16384, price: ['0.00000015', '0.0000006'], cacheRead: '0.000000075', imagePrice: '0.000217',
    inputs: ['text', 'image', 'file'], params: OPENAI_PARAMS, moderated: true, knowledgeCutoff: '2023-10-01',
  },
  {
    id: 'openai/gpt-4o', name: 'OpenAI: GPT-4o', created: '2024-05-13', provider: 'OpenAI', tokenizer: 'GPT',
    description: "GPT-4o (\"o\" for \"omni\") is OpenAI's flagship multimodal model: text and image in, text out, at GPT-4 Turbo quality.",
    context: 128000, maxOutput: 16384, price: ['0.0000025', '0.00001'], cacheRead: '0.00000125', imagePrice: '0.003613',
    inputs: ['text', 'image', 'file'], params: OPENAI_PARAMS, moderated: true, knowledgeCutoff: '2023-10-01',
  },
  {
    id: 'openai/gpt-4.1', name: 'OpenAI: GPT-4.1', created: '2025-04-14', provider: 'OpenAI', tokenizer: 'GPT',
    description: 'GPT-4.1 is a flagship model for advanced instruction following, software engineering and long-context reasoning.',
    context: 1047576, maxOutput: 32768, price: ['0.000002', '0.000008'], cacheRead: '0.0000005',
    inputs: ['text', 'image', 'file'], params: OPENAI_PARAMS, moderated: true,
  },
  {
    id: 'openai/gpt-4.1-mini', name: 'OpenAI: GPT-4.1 Mini', created: '2025-04-14', provider: 'OpenAI', tokenizer: 'GPT',
    description: 'GPT-4.1 Mini is a mid-sized model with performance competitive with GPT-4o at a fraction of the latency and cost.',
    context: 1047576, maxOutput: 32768, price: ['0.0000004', '0.0000016'], cacheRead: '0.0000001',
    inputs: ['text', 'image', 'file'], params: OPENAI_PARAMS, moderated: true,
  },
  {
    id: 'openai/gpt-4.1-nano', name: 'OpenAI: GPT-4.1 Nano', created: '2025-04-14', provider: 'OpenAI', tokenizer: 'GPT',
    description: 'GPT-4.1 Nano is the fastest and cheapest model in the GPT-4.1 series.',
    context: 1047576, maxOutput: 32768, price: ['0.0000001', '0.0000004'], cacheRead: '0.000000025',
    inputs: ['text', 'image', 'file'], params: OPENAI_PARAMS, moderated: true,
  },
  {
    id: 'openai/gpt-5', name: 'OpenAI: GPT-5', created: '2025-08-07', provider: 'OpenAI', tokenizer: 'GPT',
    description: "GPT-5 is OpenAI's most advanced model, with major improvements in reasoning, code quality and user experience.",
    context: 400000, maxOutput: 128000, price: ['0.00000125', '0.00001'], cacheRead: '0.000000125', webSearchPrice: '0.01',
    inputs: ['text', 'image', 'file'], params: OPENAI_PARAMS, reasoning: GPT5_REASONING, moderated: true,
  },
  {
    id: 'openai/gpt-5-mini', name: 'OpenAI: GPT-5 Mini', created: '2025-08-07', provider: 'OpenAI', tokenizer: 'GPT',
    description: 'GPT-5 Mini is a compact version of GPT-5 for lighter-weight reasoning tasks.',
    context: 400000, maxOutput: 128000, price: ['0.00000025', '0.000002'], cacheRead: '0.000000025',
    inputs: ['text', 'image', 'file'], params: OPENAI_PARAMS, reasoning: GPT5_REASONING, moderated: true,
  },
  {
    id: 'openai/gpt-5-nano', name: 'OpenAI: GPT-5 Nano', created: '2025-08-07', provider: 'OpenAI', tokenizer: 'GPT',
    description: 'GPT-5 Nano is the smallest and fastest variant in the GPT-5 family, for developer tools and ultra-low-latency use.',
    context: 400000, maxOutput: 128000, price: ['0.00000005', '0.0000004'], cacheRead: '0.000000005',
    inputs: ['text', 'image', 'file'], params: OPENAI_PARAMS, reasoning: GPT5_REASONING, moderated: true,
  },
  {
    id: 'openai/o4-mini', name: 'OpenAI: o4 Mini', created: '2025-04-16', provider: 'OpenAI', tokenizer: 'GPT',
    description: 'o4-mini is a compact reasoning model in the o-series, optimised for fast, cost-efficient performance.',
    context: 200000, maxOutput: 100000, price: ['0.0000011', '0.0000044'], cacheRead: '0.000000275',
    inputs: ['text', 'image', 'file'], params: O_SERIES_PARAMS, reasoning: O_SERIES_REASONING, moderated: true,
  },
  {
    id: 'openai/o3', name: 'OpenAI: o3', created: '2025-04-16', provider: 'OpenAI', tokenizer: 'GPT',
    description: 'o3 is a well-rounded and powerful reasoning model across domains: maths, science, coding and visual reasoning.',
    context: 200000, maxOutput: 100000, price: ['0.000002', '0.000008'], cacheRead: '0.0000005',
    inputs: ['text', 'image', 'file'], params: O_SERIES_PARAMS, reasoning: O_SERIES_REASONING, moderated: true,
  },
  {
    id: 'openai/gpt-oss-120b', name: 'OpenAI: gpt-oss-120b', created: '2025-08-05', provider: 'DeepInfra', tokenizer: 'GPT',
    description: 'gpt-oss-120b is an open-weight mixture-of-experts model from OpenAI for high-reasoning, agentic and general-purpose use.',
    context: 131072, maxOutput: 32768, price: ['0.00000005', '0.00000025'],
    params: OPEN_WEIGHTS_PARAMS, reasoning: optionalReasoning, huggingFace: 'openai/gpt-oss-120b',
  },
  {
    id: 'openai/gpt-oss-20b:free', name: 'OpenAI: gpt-oss-20b (free)', created: '2025-08-05', provider: 'Chutes', tokenizer: 'GPT',
    description: 'gpt-oss-20b is an open-weight 21B parameter model released by OpenAI, for lower-latency inference.',
    context: 131072, maxOutput: null, price: ['0', '0'],
    params: FREE_PARAMS, reasoning: optionalReasoning, huggingFace: 'openai/gpt-oss-20b',
  },
  {
    id: 'openai/gpt-3.5-turbo', name: 'OpenAI: GPT-3.5 Turbo', created: '2023-05-28', provider: 'OpenAI', tokenizer: 'GPT',
    description: "GPT-3.5 Turbo is OpenAI's fastest model of its generation, trained on data up to September 2021.",
    context: 16385, maxOutput: 4096, price: ['0.0000005', '0.0000015'],
    params: OPENAI_PARAMS, moderated: true, knowledgeCutoff: '2021-09-01',
    expirationDate: '2027-01-15',
  },
  {
    id: 'anthropic/claude-sonnet-4.5', name: 'Anthropic: Claude Sonnet 4.5', created: '2025-09-29', provider: 'Anthropic', tokenizer: 'Claude',
    description: "Claude Sonnet 4.5 is Anthropic's most capable Sonnet model, built for real-world agents and coding.",
    context: 1000000, maxOutput: 64000, price: ['0.000003', '0.000015'], cacheRead: '0.0000003', cacheWrite: '0.00000375', imagePrice: '0.0048',
    inputs: ['text', 'image', 'file'], params: ANTHROPIC_PARAMS, reasoning: optionalReasoning, moderated: true,
  },
  {
    id: 'anthropic/claude-sonnet-4', name: 'Anthropic: Claude Sonnet 4', created: '2025-05-22', provider: 'Anthropic', tokenizer: 'Claude',
    description: 'Claude Sonnet 4 improves on Claude 3.7 Sonnet in coding and reasoning, with more precise instruction following.',
    context: 200000, maxOutput: 64000, price: ['0.000003', '0.000015'], cacheRead: '0.0000003', cacheWrite: '0.00000375', imagePrice: '0.0048',
    inputs: ['text', 'image', 'file'], params: ANTHROPIC_PARAMS, reasoning: optionalReasoning, moderated: true,
  },
  {
    id: 'anthropic/claude-3.5-sonnet', name: 'Anthropic: Claude 3.5 Sonnet', created: '2024-10-22', provider: 'Anthropic', tokenizer: 'Claude',
    description: 'Claude 3.5 Sonnet delivers better-than-Opus capabilities at Sonnet speed and price.',
    context: 200000, maxOutput: 8192, price: ['0.000003', '0.000015'], cacheRead: '0.0000003', cacheWrite: '0.00000375', imagePrice: '0.0048',
    inputs: ['text', 'image', 'file'], params: ANTHROPIC_PARAMS, moderated: true,
  },
  {
    id: 'anthropic/claude-opus-4.6', name: 'Anthropic: Claude Opus 4.6', created: '2026-02-05', provider: 'Amazon Bedrock', tokenizer: 'Claude',
    description: "Claude Opus 4.6 is Anthropic's strongest model for long-horizon coding, agents and research.",
    context: 1000000, maxOutput: 128000, price: ['0.000005', '0.000025'], cacheRead: '0.0000005', cacheWrite: '0.00000625',
    inputs: ['text', 'image', 'file'], params: ANTHROPIC_PARAMS, reasoning: optionalReasoning, moderated: true,
  },
  {
    id: 'anthropic/claude-haiku-4.5', name: 'Anthropic: Claude Haiku 4.5', created: '2025-10-15', provider: 'Anthropic', tokenizer: 'Claude',
    description: "Claude Haiku 4.5 is Anthropic's fastest and most efficient model, with near-frontier intelligence.",
    context: 200000, maxOutput: 64000, price: ['0.000001', '0.000005'], cacheRead: '0.0000001', cacheWrite: '0.00000125',
    inputs: ['text', 'image', 'file'], params: ANTHROPIC_PARAMS, reasoning: optionalReasoning, moderated: true,
  },
  {
    id: 'anthropic/claude-3.5-haiku', name: 'Anthropic: Claude 3.5 Haiku', created: '2024-11-04', provider: 'Anthropic', tokenizer: 'Claude',
    description: 'Claude 3.5 Haiku features fast responses with improved accuracy in coding and tool use.',
    context: 200000, maxOutput: 8192, price: ['0.0000008', '0.000004'], cacheRead: '0.00000008', cacheWrite: '0.000001',
    inputs: ['text', 'image'], params: ANTHROPIC_PARAMS, moderated: true,
  },
  {
    id: 'anthropic/claude-3-haiku', name: 'Anthropic: Claude 3 Haiku', created: '2024-03-13', provider: 'Anthropic', tokenizer: 'Claude',
    description: "Claude 3 Haiku is Anthropic's fastest and most compact model of the Claude 3 generation.",
    context: 200000, maxOutput: 4096, price: ['0.00000025', '0.00000125'], cacheRead: '0.00000003', cacheWrite: '0.0000003',
    inputs: ['text', 'image'], params: ANTHROPIC_PARAMS, moderated: true,
  },
  {
    id: 'google/gemini-2.5-pro', name: 'Google: Gemini 2.5 Pro', created: '2025-06-17', provider: 'Google AI Studio', tokenizer: 'Gemini',
    description: "Gemini 2.5 Pro is Google's state-of-the-art model for advanced reasoning, coding, mathematics and science.",
    context: 1048576, maxOutput: 65536, price: ['0.00000125', '0.00001'], cacheRead: '0.00000031', cacheWrite: '0.000001625', imagePrice: '0.00516',
    inputs: ['text', 'image', 'file', 'audio'], params: GOOGLE_PARAMS, reasoning: alwaysReasoning,
  },
  {
    id: 'google/gemini-2.5-flash', name: 'Google: Gemini 2.5 Flash', created: '2025-06-17', provider: 'Google AI Studio', tokenizer: 'Gemini',
    description: "Gemini 2.5 Flash is Google's workhorse model for reasoning, coding, maths and science at low latency.",
    context: 1048576, maxOutput: 65535, price: ['0.0000003', '0.0000025'], cacheRead: '0.000000075', cacheWrite: '0.0000003833', imagePrice: '0.001238',
    inputs: ['text', 'image', 'file', 'audio', 'video'], params: GOOGLE_PARAMS, reasoning: optionalReasoning,
  },
  {
    id: 'google/gemini-2.5-flash-lite', name: 'Google: Gemini 2.5 Flash Lite', created: '2025-07-22', provider: 'Google AI Studio', tokenizer: 'Gemini',
    description: 'Gemini 2.5 Flash-Lite is a lightweight reasoning model for ultra-low latency and cost efficiency.',
    context: 1048576, maxOutput: 65535, price: ['0.0000001', '0.0000004'], cacheRead: '0.000000025', cacheWrite: '0.0000001833',
    inputs: ['text', 'image', 'file', 'audio', 'video'], params: GOOGLE_PARAMS, reasoning: optionalReasoning,
  },
  {
    id: 'google/gemini-2.0-flash-001', name: 'Google: Gemini 2.0 Flash', created: '2025-02-05', provider: 'Google AI Studio', tokenizer: 'Gemini',
    description: 'Gemini Flash 2.0 offers a significantly faster time to first token than Gemini Flash 1.5.',
    context: 1048576, maxOutput: 8192, price: ['0.0000001', '0.0000004'], cacheRead: '0.000000025', cacheWrite: '0.0000001833', imagePrice: '0.0000258',
    inputs: ['text', 'image', 'file', 'audio'], params: GOOGLE_PARAMS,
  },
  {
    id: 'google/gemini-2.5-flash-image', name: 'Google: Gemini 2.5 Flash Image', created: '2025-10-07', provider: 'Google AI Studio', tokenizer: 'Gemini',
    description: 'Gemini 2.5 Flash Image generates and edits images from text and image prompts.',
    context: 32768, maxOutput: 32768, price: ['0.0000003', '0.0000025'], imagePrice: '0.001238',
    inputs: ['image', 'text'], outputs: ['image', 'text'], params: ['max_tokens', 'temperature', 'top_p', 'seed', 'response_format', 'structured_outputs'],
  },
  {
    id: 'black-forest-labs/flux.2-pro', name: 'Black Forest Labs: FLUX.2 [pro]', created: '2025-11-25', provider: 'Black Forest Labs', tokenizer: 'Other',
    description: 'FLUX.2 [pro] generates and edits images from text and reference images; it outputs images only.',
    context: 46864, maxOutput: null, price: ['0', '0'], imageOutputPrice: '0.03',
    inputs: ['text', 'image'], outputs: ['image'], params: ['seed'],
  },
  {
    id: 'google/gemma-3-27b-it:free', name: 'Google: Gemma 3 27B (free)', created: '2025-03-12', provider: 'Google AI Studio', tokenizer: 'Gemini',
    description: "Gemma 3 is Google's open model family; 27B supports image input, 140 languages and a 128k context.",
    context: 96000, maxOutput: 8192, price: ['0', '0'],
    inputs: ['text', 'image'], params: FREE_PARAMS, huggingFace: 'google/gemma-3-27b-it',
  },
  {
    id: 'google/gemma-4-26b-a4b-it:free', name: 'Google: Gemma 4 26B A4B (free)', created: '2026-04-03', provider: 'Google AI Studio', tokenizer: 'Gemini', canonical: 'google/gemma-4-26b-a4b-it-20260403',
    description: 'Gemma 4 26B A4B is a sparse open model from Google with 4B active parameters.',
    context: 131072, maxOutput: null, price: ['0', '0'],
    inputs: ['text', 'image'], params: FREE_PARAMS, huggingFace: 'google/gemma-4-26b-a4b-it',
  },
  {
    id: 'meta-llama/llama-3.3-70b-instruct', name: 'Meta: Llama 3.3 70B Instruct', created: '2024-12-06', provider: 'DeepInfra', tokenizer: 'Llama3',
    description: 'Llama 3.3 is a multilingual 70B instruction-tuned model, optimised for dialogue.',
    context: 131072, maxOutput: 16384, price: ['0.00000013', '0.00000039'],
    params: OPEN_WEIGHTS_PARAMS, huggingFace: 'meta-llama/Llama-3.3-70B-Instruct',
  },
  {
    id: 'meta-llama/llama-3.3-70b-instruct:free', name: 'Meta: Llama 3.3 70B Instruct (free)', created: '2024-12-06', provider: 'Venice', tokenizer: 'Llama3',
    description: 'Llama 3.3 is a multilingual 70B instruction-tuned model, optimised for dialogue.',
    context: 65536, maxOutput: null, price: ['0', '0'],
    params: FREE_PARAMS, huggingFace: 'meta-llama/Llama-3.3-70B-Instruct',
  },
  {
    id: 'meta-llama/llama-3.1-8b-instruct', name: 'Meta: Llama 3.1 8B Instruct', created: '2024-07-23', provider: 'Novita', tokenizer: 'Llama3',
    description: "Meta's fast and efficient 8B instruct model from the Llama 3.1 release.",
    context: 131072, maxOutput: 16384, price: ['0.00000002', '0.00000003'],
    params: OPEN_WEIGHTS_PARAMS, huggingFace: 'meta-llama/Meta-Llama-3.1-8B-Instruct',
  },
  {
    id: 'meta-llama/llama-3.2-3b-instruct:free', name: 'Meta: Llama 3.2 3B Instruct (free)', created: '2024-09-25', provider: 'Venice', tokenizer: 'Llama3',
    description: 'Llama 3.2 3B is a multilingual model for dialogue, reasoning and summarisation.',
    context: 131072, maxOutput: null, price: ['0', '0'],
    params: FREE_PARAMS, huggingFace: 'meta-llama/Llama-3.2-3B-Instruct',
  },
  {
    id: 'meta-llama/llama-4-maverick', name: 'Meta: Llama 4 Maverick', created: '2025-04-05', provider: 'Together', tokenizer: 'Llama4',
    description: 'Llama 4 Maverick 17B Instruct (128E) is a high-capacity multimodal mixture-of-experts model.',
    context: 1048576, maxOutput: 16384, price: ['0.00000015', '0.0000006'], imagePrice: '0.0006684',
    inputs: ['text', 'image'], params: OPEN_WEIGHTS_PARAMS, huggingFace: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct',
  },
  {
    id: 'meta-llama/llama-4-scout', name: 'Meta: Llama 4 Scout', created: '2025-04-05', provider: 'Together', tokenizer: 'Llama4',
    description: 'Llama 4 Scout 17B Instruct (16E) is a mixture-of-experts model with a very long context.',
    context: 327680, maxOutput: 16384, price: ['0.00000008', '0.0000003'],
    inputs: ['text', 'image'], params: OPEN_WEIGHTS_PARAMS, huggingFace: 'meta-llama/Llama-4-Scout-17B-16E-Instruct',
  },
  {
    id: 'deepseek/deepseek-v4-pro', name: 'DeepSeek: DeepSeek V4 Pro', created: '2026-04-23', provider: 'DeepSeek', tokenizer: 'DeepSeek', canonical: 'deepseek/deepseek-v4-pro-20260423',
    description: 'DeepSeek V4 Pro is a large mixture-of-experts model with hybrid thinking and a one-million-token context.',
    context: 1048576, maxOutput: 384000, price: ['0.000000435', '0.00000087'], cacheRead: '0.000000003625',
    params: [...OPEN_WEIGHTS_PARAMS, 'logprobs', 'structured_outputs', 'top_logprobs'], reasoning: optionalReasoning,
  },
  {
    id: 'deepseek/deepseek-r1', name: 'DeepSeek: R1', created: '2025-01-20', provider: 'DeepInfra', tokenizer: 'DeepSeek',
    description: 'DeepSeek R1 is an open reasoning model with performance on par with OpenAI o1; its reasoning tokens are fully open.',
    context: 163840, maxOutput: 32768, price: ['0.0000004', '0.000002'],
    params: OPEN_WEIGHTS_PARAMS, reasoning: alwaysReasoning, huggingFace: 'deepseek-ai/DeepSeek-R1',
  },
  {
    id: 'deepseek/deepseek-chat-v3.1', name: 'DeepSeek: DeepSeek V3.1', created: '2025-08-21', provider: 'DeepInfra', tokenizer: 'DeepSeek',
    description: 'DeepSeek V3.1 is a hybrid reasoning model supporting both thinking and non-thinking modes.',
    context: 163840, maxOutput: null, price: ['0.0000002', '0.0000008'],
    params: OPEN_WEIGHTS_PARAMS, reasoning: optionalReasoning, huggingFace: 'deepseek-ai/DeepSeek-V3.1',
  },
  {
    id: 'deepseek/deepseek-chat-v3-0324:free', name: 'DeepSeek: DeepSeek V3 0324 (free)', created: '2025-03-24', provider: 'Chutes', tokenizer: 'DeepSeek',
    description: 'DeepSeek V3 0324 is the March 2025 release of the flagship chat model of the DeepSeek team.',
    context: 163840, maxOutput: null, price: ['0', '0'],
    params: FREE_PARAMS, huggingFace: 'deepseek-ai/DeepSeek-V3-0324',
  },
  {
    id: 'mistralai/mistral-large-2411', name: 'Mistral Large 2411', created: '2024-11-18', provider: 'Mistral', tokenizer: 'Mistral',
    description: 'Mistral Large 2.1 with improved long-context understanding, a new system prompt and more accurate function calling.',
    context: 131072, maxOutput: null, price: ['0.000002', '0.000006'],
    params: OPEN_WEIGHTS_PARAMS,
  },
  {
    id: 'mistralai/mistral-small-3.2-24b-instruct', name: 'Mistral: Mistral Small 3.2 24B', created: '2025-06-20', provider: 'Mistral', tokenizer: 'Mistral',
    description: 'Mistral Small 3.2 improves instruction following, repetition and function calling over 3.1.',
    context: 131072, maxOutput: 131072, price: ['0.00000005', '0.0000001'],
    inputs: ['text', 'image'], params: OPEN_WEIGHTS_PARAMS,
  },
  {
    id: 'mistralai/mistral-nemo', name: 'Mistral: Mistral Nemo', created: '2024-07-19', provider: 'Mistral', tokenizer: 'Mistral',
    description: 'A 12B model with a 128k context built by Mistral in collaboration with NVIDIA.',
    context: 131072, maxOutput: 16384, price: ['0.00000002', '0.00000004'],
    params: OPEN_WEIGHTS_PARAMS,
  },
  {
    id: 'mistralai/codestral-2508', name: 'Mistral: Codestral 2508', created: '2025-08-01', provider: 'Mistral', tokenizer: 'Mistral',
    description: "Mistral's cutting-edge language model for coding: fill-in-the-middle, code correction and test generation.",
    context: 256000, maxOutput: null, price: ['0.0000003', '0.0000009'],
    params: OPEN_WEIGHTS_PARAMS,
  },
  {
    id: 'mistralai/mistral-7b-instruct:free', name: 'Mistral: Mistral 7B Instruct (free)', created: '2024-05-27', provider: 'Chutes', tokenizer: 'Mistral',
    description: 'A high-performing, industry-standard 7.3B parameter model, optimised for speed and context length.',
    context: 32768, maxOutput: 16384, price: ['0', '0'],
    params: FREE_PARAMS,
  },
  {
    id: 'qwen/qwen3-235b-a22b-2507', name: 'Qwen: Qwen3 235B A22B Instruct 2507', created: '2025-07-21', provider: 'DeepInfra', tokenizer: 'Qwen3',
    description: 'Qwen3-235B-A22B-Instruct-2507 is a multilingual mixture-of-experts model tuned for instruction following (non-thinking).',
    context: 262144, maxOutput: null, price: ['0.00000008', '0.00000055'],
    params: OPEN_WEIGHTS_PARAMS,
  },
  {
    id: 'qwen/qwen3-235b-a22b-thinking-2507', name: 'Qwen: Qwen3 235B A22B Thinking 2507', created: '2025-07-25', provider: 'Novita', tokenizer: 'Qwen3',
    description: 'Qwen3-235B-A22B-Thinking-2507 is the thinking variant, which always produces a reasoning trace.',
    context: 262144, maxOutput: 262144, price: ['0.00000011', '0.0000006'],
    params: OPEN_WEIGHTS_PARAMS, reasoning: alwaysReasoning,
  },
  {
    id: 'qwen/qwen3-coder', name: 'Qwen: Qwen3 Coder 480B A35B', created: '2025-07-23', provider: 'Alibaba', tokenizer: 'Qwen3',
    description: 'Qwen3-Coder-480B-A35B-Instruct is a mixture-of-experts code model for agentic coding tasks.',
    context: 262144, maxOutput: null, price: ['0.00000022', '0.00000095'],
    params: OPEN_WEIGHTS_PARAMS,
  },
  {
    id: 'qwen/qwen3-coder:free', name: 'Qwen: Qwen3 Coder 480B A35B (free)', created: '2025-07-23', provider: 'Chutes', tokenizer: 'Qwen3',
    description: 'Qwen3-Coder-480B-A35B-Instruct is a mixture-of-experts code model for agentic coding tasks.',
    context: 262000, maxOutput: 262000, price: ['0', '0'],
    params: FREE_PARAMS,
  },
  {
    id: 'qwen/qwen-2.5-72b-instruct', name: 'Qwen2.5 72B Instruct', created: '2024-09-19', provider: 'DeepInfra', tokenizer: 'Qwen',
    description: 'Qwen2.5 72B brings more knowledge and much better coding and maths than Qwen2.',
    context: 32768, maxOutput: 16384, price: ['0.00000012', '0.00000039'],
    params: OPEN_WEIGHTS_PARAMS,
  },
  {
    id: 'x-ai/grok-4', name: 'xAI: Grok 4', created: '2025-07-09', provider: 'xAI', tokenizer: 'Grok',
    description: "Grok 4 is xAI's latest reasoning model with a 256k context window; reasoning is not exposed.",
    context: 256000, maxOutput: null, price: ['0.000003', '0.000015'], cacheRead: '0.00000075',
    inputs: ['image', 'text', 'file'], params: XAI_PARAMS.filter((p) => p !== 'stop'), reasoning: alwaysReasoning,
  },
  {
    id: 'x-ai/grok-3-mini', name: 'xAI: Grok 3 Mini', created: '2025-06-10', provider: 'xAI', tokenizer: 'Grok',
    description: 'A lightweight model that thinks before responding; its raw thinking traces are accessible.',
    context: 131072, maxOutput: null, price: ['0.0000003', '0.0000005'], cacheRead: '0.000000075',
    params: XAI_PARAMS, reasoning: GROK_MINI_REASONING,
  },
  {
    id: 'x-ai/grok-code-fast-1', name: 'xAI: Grok Code Fast 1', created: '2025-08-26', provider: 'xAI', tokenizer: 'Grok',
    description: 'Grok Code Fast 1 is a speedy and economical reasoning model that excels at agentic coding.',
    context: 256000, maxOutput: 10000, price: ['0.0000002', '0.0000015'], cacheRead: '0.00000002',
    params: XAI_PARAMS, reasoning: alwaysReasoning,
  },
  {
    id: 'moonshotai/kimi-k2', name: 'MoonshotAI: Kimi K2 0711', created: '2025-07-11', provider: 'Together', tokenizer: 'Other',
    description: 'Kimi K2 is a large mixture-of-experts model from Moonshot AI with 1 trillion parameters, 32B active.',
    context: 131072, maxOutput: null, price: ['0.00000055', '0.0000022'],
    params: OPEN_WEIGHTS_PARAMS, huggingFace: 'moonshotai/Kimi-K2-Instruct',
  },
  {
    id: 'z-ai/glm-4.5', name: 'Z.AI: GLM 4.5', created: '2025-07-25', provider: 'Z.AI', tokenizer: 'Other',
    description: 'GLM-4.5 is the flagship foundation model from Z.AI, purpose-built for agent applications.',
    context: 131072, maxOutput: 98304, price: ['0.00000035', '0.00000155'],
    params: OPEN_WEIGHTS_PARAMS, reasoning: optionalReasoning,
  },
  {
    id: 'z-ai/glm-4.5-air:free', name: 'Z.AI: GLM 4.5 Air (free)', created: '2025-07-25', provider: 'Z.AI', tokenizer: 'Other',
    description: 'GLM-4.5-Air is the lightweight variant of the flagship family, also built for agent applications.',
    context: 131072, maxOutput: 96000, price: ['0', '0'],
    params: FREE_PARAMS, reasoning: optionalReasoning,
  },
  {
    id: 'inclusionai/ling-3.0-flash:free', name: 'inclusionAI: Ling 3.0 Flash (free)', created: '2026-07-01', provider: 'Novita', tokenizer: 'Other',
    description: 'Ling 3.0 Flash is a fast mixture-of-experts model from inclusionAI that reasons before it answers.',
    context: 131072, maxOutput: 32768, price: ['0', '0'],
    params: FREE_PARAMS, reasoning: alwaysReasoning,
  },
  {
    id: 'cohere/command-r-plus-08-2024', name: 'Cohere: Command R+ (08-2024)', created: '2024-08-30', provider: 'Cohere', tokenizer: 'Cohere',
    description: 'Command R+ is an updated version of Command R+ with roughly 50% higher throughput and 25% lower latency.',
    context: 128000, maxOutput: 4000, price: ['0.0000025', '0.00001'],
    params: ['max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'tools'], moderated: true,
  },
  {
    id: 'perplexity/sonar', name: 'Perplexity: Sonar', created: '2025-01-27', provider: 'Perplexity', tokenizer: 'Other',
    description: 'Sonar is lightweight, affordable and fast, with citations and a customisable source list.',
    context: 127072, maxOutput: null, price: ['0.000001', '0.000001'], requestPrice: '0.005', webSearchPrice: '0.005',
    inputs: ['text', 'image'], params: ['max_tokens', 'temperature', 'top_p', 'top_k', 'frequency_penalty', 'presence_penalty', 'web_search_options'],
  },
  {
    id: 'microsoft/phi-4', name: 'Microsoft: Phi 4', created: '2025-01-10', provider: 'DeepInfra', tokenizer: 'Other',
    description: 'Phi-4 is a 14B model from Microsoft Research, strong at complex reasoning with limited memory.',
    context: 16384, maxOutput: null, price: ['0.00000006', '0.00000014'],
    params: OPEN_WEIGHTS_PARAMS, huggingFace: 'microsoft/phi-4',
  },
  {
    id: 'amazon/nova-lite-v1', name: 'Amazon: Nova Lite 1.0', created: '2024-12-05', provider: 'Amazon Bedrock', tokenizer: 'Nova',
    description: 'Amazon Nova Lite is a very low-cost multimodal model focused on fast processing of image, video and text.',
    context: 300000, maxOutput: 5120, price: ['0.00000006', '0.00000024'], imagePrice: '0.00009',
    inputs: ['text', 'image'], params: ['max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'tools'],
  },
  {
    id: 'minimax/minimax-m1', name: 'MiniMax: MiniMax M1', created: '2025-06-17', provider: 'Minimax', tokenizer: 'Other',
    description: 'MiniMax-M1 is a large open-weight reasoning model for long-context understanding and software engineering.',
    context: 1000000, maxOutput: 40000, price: ['0.0000004', '0.0000022'],
    params: OPEN_WEIGHTS_PARAMS, reasoning: alwaysReasoning,
  },
  {
    id: 'nousresearch/hermes-3-llama-3.1-405b', name: 'Nous: Hermes 3 405B Instruct', created: '2024-08-16', provider: 'Lambda', tokenizer: 'Llama3',
    description: 'Hermes 3 is a generalist language model with improved roleplaying, reasoning and multi-turn conversation.',
    context: 131072, maxOutput: 16384, price: ['0.000001', '0.000001'],
    params: OPEN_WEIGHTS_PARAMS,
  },
  {
    id: 'gryphe/mythomax-l2-13b', name: 'MythoMax 13B', created: '2023-07-02', provider: 'DeepInfra', tokenizer: 'Llama2',
    description: 'One of the highest performing and most popular fine-tunes of Llama 2 13B, with rich descriptions and roleplay.',
    context: 4096, maxOutput: 4096, price: ['0.00000005', '0.00000009'],
    params: OPEN_WEIGHTS_PARAMS,
  },
];

export const autoRouter: CatalogueEntry = {
  model: {
    id: 'openrouter/auto',
    canonical_slug: 'openrouter/auto',
    hugging_face_id: null,
    name: 'Auto Router',
    created: unix('2023-11-08'),
    description:
      'Your prompt is processed by a meta-model and routed to one of dozens of models, optimising for the best possible output.',
    context_length: 2000000,
    architecture: {
      modality: 'text+image->text',
      input_modalities: ['text', 'image', 'audio', 'file', 'video'],
      output_modalities: ['text', 'image'],
      tokenizer: 'Router',
      instruct_type: null,
    },
    pricing: { prompt: '-1', completion: '-1' },
    top_provider: { context_length: null, max_completion_tokens: null, is_moderated: false },
    per_request_limits: null,
    supported_parameters: [
      'max_tokens',
      'temperature',
      'top_p',
      'stop',
      'tools',
      'tool_choice',
      'response_format',
      'structured_outputs',
    ],
    default_parameters: null,
    supported_voices: null,
    knowledge_cutoff: null,
    expiration_date: null,
    links: { details: '/api/v1/models/openrouter/auto/endpoints' },
  },
  provider: 'OpenAI',
  responseModel: 'openai/gpt-4o-mini',
  routesTo: 'openai/gpt-4o-mini',
};

// Copied from a 2024 live snapshot: no canonical_slug, input/output_modalities, supported_parameters or links.
export const oldFormatEntry: CatalogueEntry = {
  model: {
    id: 'mattshumer/reflection-70b:free',
    name: 'Reflection 70B (free)',
    created: 1725580800,
    description:
      'Reflection Llama-3.1 70B is trained with a technique called Reflection-Tuning that teaches an LLM to detect mistakes in its reasoning and correct course.',
    context_length: 131072,
    architecture: { modality: 'text->text', tokenizer: 'Llama3', instruct_type: null },
    pricing: { prompt: '0', completion: '0', image: '0', request: '0' },
    top_provider: { context_length: 8192, max_completion_tokens: 4096, is_moderated: false },
    per_request_limits: null,
  },
  provider: 'Lepton',
  responseModel: 'mattshumer/reflection-70b:free',
};

export const modelAliases: Record<string, string> = {
  'anthropic/claude-3-5-sonnet': 'anthropic/claude-3.5-sonnet',
  'anthropic/claude-sonnet-4-5': 'anthropic/claude-sonnet-4.5',
};
