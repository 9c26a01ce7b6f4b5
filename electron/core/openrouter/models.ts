// Maps GET /models entries to ModelSummary, tolerating old snapshots, null pricing and router pseudo-models
// (docs/openrouter-protocol.md §6.1, §6.3).

import type { ModelExtraPrices, ModelSummary } from '../../../shared/domain';
import { isRecord, nonEmptyStringOrNull, numberOrNull, recordAt, stringArray, type JsonRecord } from './narrow';

/** The raw entries of a list answer; null when the answer has no `data` list (a malformed catalogue). */
export function modelEntries(body: unknown): JsonRecord[] | null {
  const data = isRecord(body) ? body['data'] : undefined;
  if (!Array.isArray(data)) return null;
  return data.filter(isRecord);
}

/** The list in OpenRouter's order; entries without an id are dropped, duplicates keep their first occurrence. */
export function mapModelEntries(entries: readonly unknown[]): ModelSummary[] {
  const seen = new Set<string>();
  const models: ModelSummary[] = [];
  for (const entry of entries) {
    const model = isRecord(entry) ? mapModel(entry) : null;
    if (model === null || seen.has(model.id)) continue;
    seen.add(model.id);
    models.push(model);
  }
  return models;
}

/** A whole list answer; null when it is not one. */
export function mapModelList(body: unknown): ModelSummary[] | null {
  const entries = modelEntries(body);
  return entries === null ? null : mapModelEntries(entries);
}

export function mapModel(entry: JsonRecord): ModelSummary | null {
  const id = nonEmptyStringOrNull(entry['id']);
  if (id === null) return null;
  const pricing = recordAt(entry, 'pricing');
  const architecture = recordAt(entry, 'architecture');
  const topProvider = recordAt(entry, 'top_provider');
  const promptPrice = price(pricing['prompt']);
  const completionPrice = price(pricing['completion']);
  const parameters = stringArray(entry['supported_parameters']);
  const has = (name: string) => parameters?.includes(name) ?? false;
  const isRouter = id.startsWith('openrouter/') || architecture['tokenizer'] === 'Router';
  return {
    id,
    name: nonEmptyStringOrNull(entry['name']) ?? id,
    author: id.slice(0, id.indexOf('/') === -1 ? id.length : id.indexOf('/')),
    description: nonEmptyStringOrNull(entry['description']) ?? '',
    created: positiveOrNull(numberOrNull(entry['created'])),
    contextLength: positiveOrNull(numberOrNull(entry['context_length']) ?? numberOrNull(topProvider['context_length'])),
    promptPrice,
    completionPrice,
    variablePricing: isVariable(pricing['prompt']) || isVariable(pricing['completion']),
    extraPrices: extraPrices(pricing),
    isFree: id.endsWith(':free') || (promptPrice === 0 && completionPrice === 0 && !isRouter),
    inputModalities: modalities(architecture, 'input_modalities', 0),
    outputModalities: modalities(architecture, 'output_modalities', 1),
    supportedParameters: parameters,
    supportsReasoning: has('reasoning') || has('include_reasoning'),
    reasoningEfforts: stringArray(recordAt(entry, 'reasoning')['supported_efforts']),
    supportsTools: has('tools'),
    supportsStructuredOutput: has('structured_outputs') || has('response_format'),
    maxCompletionTokens: positiveOrNull(numberOrNull(topProvider['max_completion_tokens'])),
    expirationDate: nonEmptyStringOrNull(entry['expiration_date']),
    isRouter,
  };
}

/** A count of 0 or less (or a fraction) means nothing usable: treat it as unknown. */
function positiveOrNull(value: number | null): number | null {
  return value !== null && value >= 1 ? Math.floor(value) : null;
}

const isVariable = (value: unknown) => numberOrNull(value) === -1;

/** USD per unit; "-1" (variable, used by routers) and anything unreadable mean "unknown", not free. */
function price(value: unknown): number | null {
  const parsed = numberOrNull(value);
  return parsed === null || parsed < 0 ? null : parsed;
}

/** Extra charges only where they cost something: "0" for a per-request price is the same as none. */
function extraPrices(pricing: JsonRecord): ModelExtraPrices {
  const charged = (key: string) => {
    const value = price(pricing[key]);
    return value !== null && value > 0 ? value : null;
  };
  return {
    request: charged('request'),
    image: charged('image'),
    webSearch: charged('web_search'),
    internalReasoning: charged('internal_reasoning'),
    cacheRead: charged('input_cache_read'),
    cacheWrite: charged('input_cache_write'),
  };
}

/**
 * Old entries lack input_/output_modalities but describe both in `modality` ("text+image->text"); without either,
 * a model is taken to be text in, text out.
 */
function modalities(architecture: JsonRecord, key: string, side: 0 | 1): string[] {
  const listed = stringArray(architecture[key]);
  if (listed && listed.length > 0) return listed;
  const modality = nonEmptyStringOrNull(architecture['modality']);
  const sideText = modality?.split('->')[side];
  const parts = sideText
    ?.split('+')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts && parts.length > 0 ? parts : ['text'];
}
