// Stand-ins drawn the moment a turn starts; the core's `started` replaces them.

import type { Message, MessageRole } from '../../../../shared/domain';

export const pendingUserId = 'pending-user';
export const pendingAssistantId = 'pending-assistant';

export function placeholder(role: MessageRole, content: string, conversationId: string | null): Message {
  const id = role === 'user' ? pendingUserId : pendingAssistantId;
  return {
    id,
    conversationId: conversationId ?? '',
    role,
    content,
    reasoning: null,
    status: role === 'user' ? 'complete' : 'streaming',
    model: null,
    provider: null,
    generationId: null,
    finishReason: null,
    usage: null,
    error: null,
    createdAt: Date.now(),
    parentId: null,
    versionIds: [id],
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
  };
}
