// Test support: a catalogue entry with every field, overridable one by one.

import type { ModelSummary } from '../../../shared/domain';

export const modelFixture = (overrides: Partial<ModelSummary> & { id: string }): ModelSummary => ({
  name: overrides.id,
  author: overrides.id.split('/')[0] ?? '',
  description: '',
  created: null,
  contextLength: 128_000,
  promptPrice: 0.000001,
  completionPrice: 0.000002,
  variablePricing: false,
  extraPrices: {
    request: null,
    image: null,
    webSearch: null,
    internalReasoning: null,
    cacheRead: null,
    cacheWrite: null,
  },
  isFree: false,
  inputModalities: ['text'],
  outputModalities: ['text'],
  supportedParameters: [],
  supportsReasoning: false,
  supportsTools: false,
  supportsStructuredOutput: false,
  maxCompletionTokens: 16_384,
  expirationDate: null,
  isRouter: false,
  ...overrides,
});
