// Maps GET /models entries to ModelSummary, tolerating old snapshots, null pricing and router pseudo-models.

import type { ModelSummary } from '../../../shared/domain';
import { isRecord, nonEmptyStringOrNull, numberOrNull, recordAt, stringArray, type JsonRecord } from './narrow';

/** The list in OpenRouter's order; entries without an id are dropped, duplicates keep their first occurrence. */
export function mapModelList(body: unknown): ModelSummary[] | null {
  const data = isRecord(body) ? body['data'] : undefined;
  if (!Array.isArray(data)) return null;
  const seen = new Set<string>();
  const models: ModelSummary[] = [];
  for (const entry of data) {
    const model = isRecord(entry) ? mapModel(entry) : null;
    if (model === null || seen.has(model.id)) continue;
    seen.add(model.id);
    models.push(model);
  }
  return models;
}

export function mapModel(entry: JsonRecord): ModelSummary | null {
  const id = nonEmptyStringOrNull(entry['id']);
  if (id === null) return null;
  const pricing = recordAt(entry, 'pricing');
  const promptPrice = price(pricing['prompt']);
  const completionPrice = price(pricing['completion']);
  return {
    id,
    name: nonEmptyStringOrNull(entry['name']) ?? id,
    contextLength:
      numberOrNull(entry['context_length']) ?? numberOrNull(recordAt(entry, 'top_provider')['context_length']),
    promptPrice,
    completionPrice,
    isFree: id.endsWith(':free') || (promptPrice === 0 && completionPrice === 0),
    inputModalities: inputModalities(recordAt(entry, 'architecture')),
    supportsReasoning: (stringArray(entry['supported_parameters']) ?? []).includes('reasoning'),
    maxCompletionTokens: positiveOrNull(numberOrNull(recordAt(entry, 'top_provider')['max_completion_tokens'])),
  };
}

/** A cap of 0 or less (or a fraction of a token) means nothing usable: treat it as unknown. */
function positiveOrNull(value: number | null): number | null {
  return value !== null && value >= 1 ? Math.floor(value) : null;
}

/** USD per token; "-1" (variable, used by routers) and anything unreadable mean "unknown", not free. */
function price(value: unknown): number | null {
  const parsed = numberOrNull(value);
  return parsed === null || parsed < 0 ? null : parsed;
}

/** Old entries lack input_modalities but describe them in `modality` ("text+image->text"). */
function inputModalities(architecture: JsonRecord): string[] {
  const listed = stringArray(architecture['input_modalities']);
  if (listed && listed.length > 0) return listed;
  const modality = nonEmptyStringOrNull(architecture['modality']);
  const inputs = modality
    ?.split('->')[0]
    ?.split('+')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return inputs && inputs.length > 0 ? inputs : ['text'];
}
