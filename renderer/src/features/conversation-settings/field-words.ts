// Renderer: how each conversation setting is named when the panel lists what differs from the defaults.

import type { ConversationSettings } from '../../../../shared/conversation-settings';

export const fieldWords: Record<keyof ConversationSettings, string> = {
  systemPrompt: 'system prompt',
  temperature: 'temperature',
  topP: 'top-p',
  reasoningEffort: 'reasoning effort',
  reasoningMaxTokens: 'reasoning budget',
  showReasoning: 'showing reasoning',
  routing: 'routing and privacy',
  fallbackModels: 'fallback models',
  webSearch: 'web search',
  promptCaching: 'prompt caching',
};
