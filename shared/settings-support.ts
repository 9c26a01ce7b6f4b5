// Contract: which conversation settings a model takes, from its catalogue entry. The core leaves out what a model
// does not take (or asks OpenRouter to require it); the settings panel says the same thing before anything is sent.

import { type ConversationSettings, type ReasoningEffort, reasoningEfforts } from './conversation-settings';
import type { ModelSummary } from './domain';

export type SupportedSetting = 'temperature' | 'topP' | 'reasoning';

/** The request parameters (OpenRouter's `supported_parameters` words) each setting needs. */
const parametersFor: Record<SupportedSetting, readonly string[]> = {
  temperature: ['temperature'],
  topP: ['top_p'],
  reasoning: ['reasoning', 'include_reasoning', 'reasoning_effort'],
};

/** True when the model takes the setting, or when nothing is known (an unlisted model or an older catalogue entry). */
export function modelTakes(model: ModelSummary | null, setting: SupportedSetting): boolean {
  if (!model || model.supportedParameters === null || model.isRouter) return true;
  if (setting === 'reasoning' && model.supportsReasoning) return true;
  return parametersFor[setting].some((parameter) => model.supportedParameters?.includes(parameter));
}

/** Models whose providers cache only where the request marks it (per docs/openrouter-protocol.md §2.9). */
export function takesExplicitCaching(modelId: string): boolean {
  const author = modelId.replace(/^~/, '').split('/')[0] ?? '';
  return author === 'anthropic' || author === 'google';
}

/**
 * The settings that are set but that this model will not take: named for the panel, left out of the request. With
 * "require parameters" on, nothing is left out: OpenRouter then routes only to providers that take them all.
 */
export function ignoredSettings(settings: ConversationSettings, model: ModelSummary | null): SupportedSetting[] {
  if (settings.routing?.requireParameters === true) return [];
  const ignored: SupportedSetting[] = [];
  if (settings.temperature !== undefined && !modelTakes(model, 'temperature')) ignored.push('temperature');
  if (settings.topP !== undefined && !modelTakes(model, 'topP')) ignored.push('topP');
  const reasoningSet =
    settings.reasoningEffort !== undefined ||
    settings.reasoningMaxTokens !== undefined ||
    settings.showReasoning !== undefined;
  if (reasoningSet && !modelTakes(model, 'reasoning')) ignored.push('reasoning');
  return ignored;
}

/**
 * The efforts the model takes, weakest first: the catalogue's list (`reasoning.supported_efforts`), or the whole
 * documented set when it has none (docs/openrouter-protocol.md §2.6). What the effort picker offers.
 */
export function acceptedEfforts(model: ModelSummary | null): readonly ReasoningEffort[] {
  const listed = model?.reasoningEfforts;
  if (!listed || listed.length === 0) return reasoningEfforts;
  const known = reasoningEfforts.filter((effort) => listed.includes(effort));
  return known.length > 0 ? known : reasoningEfforts;
}

/** The accepted effort nearest the one asked for; between two equally near, the weaker (it costs less). */
export function clampEffort(effort: ReasoningEffort, model: ModelSummary | null): ReasoningEffort {
  const accepted = acceptedEfforts(model);
  if (accepted.includes(effort)) return effort;
  const rank = (e: ReasoningEffort) => reasoningEfforts.indexOf(e);
  return accepted.reduce((best, candidate) =>
    Math.abs(rank(candidate) - rank(effort)) < Math.abs(rank(best) - rank(effort)) ? candidate : best,
  );
}
