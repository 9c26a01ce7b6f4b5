// Public surface of the OpenRouter layer; the rest of the core imports from here.

export {
  DEFAULT_ATTRIBUTION,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_TOKENS,
  OpenRouterClient,
  type Attribution,
  type OpenRouterClientOptions,
} from './client';
export type { ChatRequest, ChatRole, GenerationLookupOptions, GenerationStats, KeyInfo, UpstreamEvent } from './types';
