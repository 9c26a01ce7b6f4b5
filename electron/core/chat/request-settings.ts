// Core: the request fields a turn's effective settings become, for the model it goes to — what its catalogue entry
// says it takes (shared/settings-support.ts), OpenRouter's rules for each field (docs/openrouter-protocol.md §2.3,
// §2.5–2.9). Pure: the same settings and model always give the same request.

import { type ConversationSettings, maxFallbackModels } from '../../../shared/conversation-settings';
import type { ModelSummary } from '../../../shared/domain';
import {
  type SupportedSetting,
  clampEffort,
  ignoredSettings,
  takesExplicitCaching,
} from '../../../shared/settings-support';
import type { ChatMessage, RequestOptions } from '../openrouter/types';

export interface BuiltRequest {
  messages: ChatMessage[];
  options: RequestOptions;
  /** Settings left out because the model would not take them (the panel names the same ones). */
  ignored: SupportedSetting[];
}

/** Anthropic's limit on explicit breakpoints per request; we place at most two, well within it (§2.9). */
export const maxCacheBreakpoints = 4;

export function buildRequest(
  modelId: string,
  model: ModelSummary | null,
  settings: ConversationSettings,
  history: readonly ChatMessage[],
): BuiltRequest {
  const ignored = ignoredSettings(settings, model);
  const options: RequestOptions = {};

  if (settings.temperature !== undefined && !ignored.includes('temperature'))
    options.temperature = settings.temperature;
  if (settings.topP !== undefined && !ignored.includes('topP')) options.top_p = settings.topP;

  if (!ignored.includes('reasoning')) {
    const reasoning: NonNullable<RequestOptions['reasoning']> = {};
    // One or the other (§2.6): an effort, when set, wins over a token budget.
    if (settings.reasoningEffort) reasoning.effort = clampEffort(settings.reasoningEffort, model);
    else if (settings.reasoningMaxTokens !== undefined) reasoning.max_tokens = settings.reasoningMaxTokens;
    if (settings.showReasoning === false) reasoning.exclude = true;
    if (Object.keys(reasoning).length > 0) options.reasoning = reasoning;
  }

  const provider = providerOptions(settings);
  if (provider) options.provider = provider;

  // OpenRouter tries `model` first, then `models` in order (§2.3); the model itself is not repeated there.
  const fallbacks = [...new Set(settings.fallbackModels ?? [])].filter((id) => id !== modelId);
  if (fallbacks.length > 0) options.models = fallbacks.slice(0, maxFallbackModels);

  if (settings.webSearch?.enabled) {
    options.plugins = [
      settings.webSearch.maxResults === undefined
        ? { id: 'web' }
        : { id: 'web', max_results: settings.webSearch.maxResults },
    ];
  }

  const systemPrompt = settings.systemPrompt?.trim() ? settings.systemPrompt : null;
  let messages: ChatMessage[] = systemPrompt ? [{ role: 'system', content: systemPrompt }, ...history] : [...history];
  if (settings.promptCaching !== false && takesExplicitCaching(modelId)) messages = withBreakpoints(messages);
  return { messages, options, ignored };
}

/** Room left for the answer itself above a reasoning token budget. */
export const answerRoomAboveBudget = 1024;

/**
 * The output cap once a reasoning token budget is sent: the budget counts as output, and Anthropic refuses a cap that
 * does not exceed it (docs/openrouter-protocol.md §2.6), so the cap is raised above it when it is not already.
 */
export function outputCapWith(maxTokens: number, options: RequestOptions): number {
  const budget = options.reasoning?.max_tokens;
  return budget !== undefined && maxTokens <= budget ? budget + answerRoomAboveBudget : maxTokens;
}

function providerOptions(settings: ConversationSettings): RequestOptions['provider'] | null {
  const routing = settings.routing;
  if (!routing) return null;
  const provider: NonNullable<RequestOptions['provider']> = {};
  if (routing.sort) provider.sort = routing.sort;
  if (routing.order?.length) provider.order = routing.order;
  if (routing.only?.length) provider.only = routing.only;
  if (routing.ignore?.length) provider.ignore = routing.ignore;
  if (routing.allowFallbacks !== undefined) provider.allow_fallbacks = routing.allowFallbacks;
  if (routing.requireParameters) provider.require_parameters = true;
  if (routing.denyDataCollection) provider.data_collection = 'deny';
  if (routing.zeroDataRetention) provider.zdr = true;
  const price = routing.maxPrice;
  if (price && (price.prompt !== undefined || price.completion !== undefined)) {
    provider.max_price = {
      ...(price.prompt !== undefined ? { prompt: price.prompt } : {}),
      ...(price.completion !== undefined ? { completion: price.completion } : {}),
    };
  }
  return Object.keys(provider).length > 0 ? provider : null;
}

/**
 * Breakpoints on the system prompt and on the last message before the newest question: everything up to there is the
 * same next turn, so the next turn reads it from the cache. Marked messages carry their text as one text part.
 */
function withBreakpoints(messages: ChatMessage[]): ChatMessage[] {
  const marks = new Set<number>();
  if (messages[0]?.role === 'system') marks.add(0);
  const question = messages.map((m) => m.role).lastIndexOf('user');
  if (question > 0) marks.add(question - 1);
  const placed = [...marks].slice(0, maxCacheBreakpoints);
  return messages.map((message, index) => {
    if (!placed.includes(index)) return message;
    if (typeof message.content !== 'string' && message.content.some((part) => part.type !== 'text')) {
      // Files in the message: the breakpoint goes on its text part, the files stay as they are.
      const parts = message.content;
      const firstText = parts.find((part) => part.type === 'text');
      const content = parts.map((part) =>
        part === firstText && part.type === 'text' ? { ...part, cache_control: { type: 'ephemeral' as const } } : part,
      );
      return { role: message.role, content };
    }
    const text =
      typeof message.content === 'string'
        ? message.content
        : message.content.map((p) => (p.type === 'text' ? p.text : '')).join('');
    if (text === '') return message;
    return { role: message.role, content: [{ type: 'text', text, cache_control: { type: 'ephemeral' } }] };
  });
}
