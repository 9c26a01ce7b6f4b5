// Test support (any layer's tests): complete domain records with sensible defaults, so each test states only what
// matters to it. The one owner of these defaults: tests build a Message or a Usage here, not by hand.

import type { Message, Usage } from '../domain';

export const messageFixture = (overrides: Partial<Message> = {}): Message => ({
  id: 'm',
  conversationId: 'c1',
  role: 'assistant',
  content: '',
  reasoning: null,
  status: 'streaming',
  model: 'openai/gpt-4o-mini',
  provider: null,
  generationId: null,
  finishReason: null,
  usage: null,
  error: null,
  createdAt: 3,
  parentId: null,
  versionIds: [overrides.id ?? 'm'],
  firstTokenMs: null,
  durationMs: null,
  toolCalls: null,
  costStatus: null,
  estimatedCostUsd: null,
  sentSettings: null,
  requestedModel: null,
  fallbackFrom: null,
  citations: null,
  attachments: [],
  ...overrides,
});

/**
 * A complete Usage that reports nothing: no tokens, every optional figure unsaid (null), no cost. A test names the
 * figures it relies on; `totalTokens` is not derived from the others, so a test that cares states it.
 */
export const usageFixture = (overrides: Partial<Usage> = {}): Usage => ({
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  reasoningTokens: null,
  cachedTokens: null,
  cacheWriteTokens: null,
  cacheDiscountUsd: null,
  costUsd: null,
  isByok: null,
  raw: {},
  ...overrides,
});
