// Renderer: settings in words, one phrase per field, for a reply's "Sent with" detail.

import type { ConversationSettings, ProviderSort, RoutingSettings } from '../../../../shared/conversation-settings';
import { formatTokenCount } from '../models/model-format';

const sortWords: Record<ProviderSort, string> = {
  price: 'cheapest providers first',
  throughput: 'fastest providers first',
  latency: 'quickest providers first',
};

const quote = (text: string) => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `“${oneLine.slice(0, 79)}…”` : `“${oneLine}”`;
};

function routingPhrases(routing: RoutingSettings): string[] {
  const phrases: string[] = [];
  if (routing.sort) phrases.push(sortWords[routing.sort]);
  if (routing.order?.length) phrases.push(`prefer ${routing.order.join(', ')}`);
  if (routing.only?.length) phrases.push(`only ${routing.only.join(', ')}`);
  if (routing.ignore?.length) phrases.push(`never ${routing.ignore.join(', ')}`);
  if (routing.allowFallbacks === false) phrases.push('no other providers');
  if (routing.requireParameters) phrases.push('providers taking every setting');
  if (routing.denyDataCollection) phrases.push('no data collection');
  if (routing.zeroDataRetention) phrases.push('zero data retention');
  if (routing.maxPrice?.prompt) phrases.push(`prompt at most $${routing.maxPrice.prompt}/M`);
  if (routing.maxPrice?.completion) phrases.push(`completion at most $${routing.maxPrice.completion}/M`);
  return phrases;
}

/** Each setting that was set, in the order the panel shows them; empty when everything was OpenRouter's default. */
export function describeSettings(settings: ConversationSettings): string[] {
  const phrases: string[] = [];
  if (settings.systemPrompt) phrases.push(`system prompt ${quote(settings.systemPrompt)}`);
  if (settings.temperature !== undefined) phrases.push(`temperature ${settings.temperature}`);
  if (settings.topP !== undefined) phrases.push(`top-p ${settings.topP}`);
  if (settings.reasoningEffort) phrases.push(`reasoning effort ${settings.reasoningEffort}`);
  if (settings.reasoningMaxTokens !== undefined) {
    phrases.push(`reasoning budget ${formatTokenCount(settings.reasoningMaxTokens)} tokens`);
  }
  if (settings.showReasoning === false) phrases.push('reasoning hidden');
  if (settings.routing) phrases.push(...routingPhrases(settings.routing));
  if (settings.fallbackModels?.length) phrases.push(`fallbacks ${settings.fallbackModels.join(', ')}`);
  if (settings.webSearch?.enabled) {
    phrases.push(
      settings.webSearch.maxResults ? `web search (${settings.webSearch.maxResults} results)` : 'web search',
    );
  }
  if (settings.promptCaching !== undefined) phrases.push(`prompt caching ${settings.promptCaching ? 'on' : 'off'}`);
  return phrases;
}
