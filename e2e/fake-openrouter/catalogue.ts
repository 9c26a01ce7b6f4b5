// Runs in the fake OpenRouter process: the model list in the exact `Model` shape of GET /api/v1/models,
// and the lookups the other endpoints need. The entries themselves live in catalogue-data.ts.

import {
  alwaysReasoning,
  autoRouter,
  modelAliases,
  modelSpecs,
  type ModelSpec,
  oldFormatEntry,
  OPENAI_PARAMS,
  unix,
} from './catalogue-data';
import { testModelSpecs } from './scenarios';

export type Modality = 'text' | 'image' | 'file' | 'audio' | 'video';

export interface ModelPricing {
  prompt: string;
  completion: string;
  request?: string;
  image?: string;
  web_search?: string;
  internal_reasoning?: string;
  input_cache_read?: string;
  input_cache_write?: string;
  image_output?: string;
}

export interface ModelReasoning {
  supported_efforts: string[] | null;
  default_effort?: string;
  default_enabled?: boolean;
  mandatory: boolean;
  supports_max_tokens?: boolean;
}

/** The public JSON object. Optional fields are optional because the old-format entry really lacks them. */
export interface Model {
  id: string;
  canonical_slug?: string;
  hugging_face_id?: string | null;
  name: string;
  created: number;
  description: string;
  context_length: number | null;
  architecture: {
    modality: string | null;
    input_modalities?: Modality[];
    output_modalities?: string[];
    tokenizer: string;
    instruct_type: string | null;
  };
  pricing: ModelPricing;
  top_provider: { context_length: number | null; max_completion_tokens: number | null; is_moderated: boolean };
  per_request_limits: { prompt_tokens: number; completion_tokens: number } | null;
  supported_parameters?: string[];
  default_parameters?: Record<string, number | null> | null;
  supported_voices?: string[] | null;
  knowledge_cutoff?: string | null;
  expiration_date?: string | null;
  links?: { details: string };
  reasoning?: ModelReasoning;
}

export interface CatalogueEntry {
  model: Model;
  /** Display name sent as `provider` on every chunk, e.g. "OpenAI". */
  provider: string;
  /** The `model` field of responses: the permaslug, which may carry a date the request did not. */
  responseModel: string;
  /** Routers answer with (and bill as) another model. */
  routesTo?: string;
}

const REASONING_PARAMS = ['reasoning', 'include_reasoning'];

function build(spec: ModelSpec): CatalogueEntry {
  const inputs = spec.inputs ?? ['text'];
  const outputs = spec.outputs ?? ['text'];
  const canonical = spec.canonical ?? spec.id;
  const free = spec.id.endsWith(':free');
  const pricing: ModelPricing = {
    prompt: spec.price[0],
    completion: spec.price[1],
    request: spec.requestPrice ?? '0',
    image: spec.imagePrice ?? '0',
    web_search: spec.webSearchPrice ?? '0',
    internal_reasoning: '0',
  };
  if (spec.cacheRead) pricing.input_cache_read = spec.cacheRead;
  if (spec.cacheWrite) pricing.input_cache_write = spec.cacheWrite;
  if (spec.imageOutputPrice) pricing.image_output = spec.imageOutputPrice;
  const model: Model = {
    id: spec.id,
    canonical_slug: free ? canonical.replace(/:free$/, '') : canonical,
    hugging_face_id: spec.huggingFace ?? null,
    name: spec.name,
    created: unix(spec.created),
    description: spec.description,
    context_length: spec.context,
    architecture: {
      modality: `${inputs.filter((m) => m !== 'file').join('+')}->${outputs.join('+')}`,
      input_modalities: inputs,
      output_modalities: outputs,
      tokenizer: spec.tokenizer,
      instruct_type: null,
    },
    pricing,
    top_provider: {
      context_length: spec.context,
      max_completion_tokens: spec.maxOutput,
      is_moderated: spec.moderated ?? false,
    },
    per_request_limits: null,
    supported_parameters: spec.reasoning ? [...spec.params, ...REASONING_PARAMS] : spec.params,
    default_parameters: { temperature: null, top_p: null, frequency_penalty: null },
    supported_voices: null,
    knowledge_cutoff: spec.knowledgeCutoff ?? null,
    expiration_date: spec.expirationDate ?? null,
    links: { details: `/api/v1/models/${spec.id.replace(/:free$/, '')}/endpoints` },
  };
  if (spec.reasoning) model.reasoning = spec.reasoning;
  return {
    model,
    provider: spec.provider,
    responseModel: free && !canonical.endsWith(':free') ? `${canonical}:free` : canonical,
  };
}

// Scenario models are priced like gpt-4o-mini so cost arithmetic in tests is realistic.
const TEST_ENTRIES: CatalogueEntry[] = testModelSpecs.map((t) =>
  build({
    id: t.id,
    name: t.name,
    created: '2026-01-01',
    description: t.description,
    provider: t.provider ?? 'Switchboard Test',
    tokenizer: 'GPT',
    context: 128000,
    maxOutput: t.maxOutput ?? 16384,
    price: t.price ?? ['0.00000015', '0.0000006'],
    inputs: ['text', 'image'],
    params: OPENAI_PARAMS,
    reasoning: t.reasoning ? alwaysReasoning : undefined,
  }),
);

export const catalogue: readonly CatalogueEntry[] = [
  ...modelSpecs.map(build),
  autoRouter,
  oldFormatEntry,
  ...TEST_ENTRIES,
];

const byId = new Map(catalogue.map((e) => [e.model.id, e]));

export function findModel(id: string): CatalogueEntry | undefined {
  return byId.get(id) ?? byId.get(modelAliases[id] ?? '');
}

/** Single-model lookup as `/model/:author/:slug` does it: exact id, alias, then without a variant suffix. */
export function resolveModelPath(id: string): CatalogueEntry | undefined {
  return findModel(id) ?? findModel(id.replace(/:[\w-]+$/, ''));
}

export function outputsOf(model: Model): string[] {
  // Old snapshots have no output_modalities; they were all text models.
  return model.architecture.output_modalities ?? ['text'];
}

export interface ModelFilter {
  outputModalities?: string | null;
  supportedParameters?: string | null;
}

function csv(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The list as GET /models filters it; without `output_modalities` only text-output models are listed. */
export function listModels(filter: ModelFilter = {}): Model[] {
  const outputs = csv(filter.outputModalities);
  const wantedOutputs = outputs.length ? outputs : ['text'];
  const params = csv(filter.supportedParameters);
  return catalogue
    .map((e) => e.model)
    .filter((m) => wantedOutputs.includes('all') || outputsOf(m).some((o) => wantedOutputs.includes(o)))
    .filter((m) => params.every((p) => m.supported_parameters?.includes(p) ?? false));
}

export function priceOf(entry: CatalogueEntry): { prompt: number; completion: number } {
  // Routers list "-1"; the bill follows the model that actually answered.
  const billed = entry.routesTo ? (findModel(entry.routesTo) ?? entry) : entry;
  const prompt = Number(billed.model.pricing.prompt);
  const completion = Number(billed.model.pricing.completion);
  return { prompt: prompt > 0 ? prompt : 0, completion: completion > 0 ? completion : 0 };
}

export function isFreeModel(entry: CatalogueEntry): boolean {
  const { prompt, completion } = priceOf(entry);
  return prompt === 0 && completion === 0;
}

export function supportsReasoning(entry: CatalogueEntry): boolean {
  return entry.model.supported_parameters?.includes('reasoning') ?? false;
}

/** `GET /models/:author/:slug/endpoints`: one public endpoint per model, which is all a chat client needs. */
export function endpointsOf(entry: CatalogueEntry): unknown {
  const m = entry.model;
  return {
    data: {
      id: m.id,
      name: m.name,
      created: m.created,
      description: m.description,
      architecture: m.architecture,
      endpoints: [
        {
          name: `${entry.provider} | ${m.canonical_slug ?? m.id}`,
          model_id: m.id,
          model_name: m.name,
          context_length: m.context_length,
          pricing: m.pricing,
          provider_name: entry.provider,
          tag: entry.provider.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
          quantization: m.hugging_face_id ? 'fp8' : 'unknown',
          max_completion_tokens: m.top_provider.max_completion_tokens,
          max_prompt_tokens: null,
          supported_parameters: m.supported_parameters ?? [],
          status: 0,
          uptime_last_30m: 99.5,
          uptime_last_5m: 100,
          uptime_last_1d: 99.8,
          supports_implicit_caching: Boolean(m.pricing.input_cache_read),
          latency_last_30m: { p50: 420, p75: 610, p90: 980, p99: 2100 },
          throughput_last_30m: { p50: 88, p75: 71, p90: 52, p99: 21 },
        },
      ],
    },
  };
}
