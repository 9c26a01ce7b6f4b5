// Core: the one place an importer builds a message or a conversation in the export format from what another tool's
// file says. Foreign files know a message's text, role and place in the tree, sometimes its model or cost; every
// figure they cannot know (usage, timing, generation id, errors) is null here, so the importers only say what differs.

import type { ExportedConversation, ExportedMessage } from './export-format';

type Known = Pick<ExportedMessage, 'id' | 'parentId' | 'role' | 'content' | 'createdAt'>;

export function importedMessage(known: Known & Partial<ExportedMessage>): ExportedMessage {
  return {
    reasoning: null,
    status: 'complete',
    model: null,
    provider: null,
    generationId: null,
    finishReason: null,
    usage: null,
    costStatus: null,
    estimateUsd: null,
    error: null,
    firstTokenMs: null,
    durationMs: null,
    toolCalls: null,
    updatedAt: known.createdAt,
    ...known,
  };
}

/** A conversation as another tool had it: never pinned here, no output cap of its own. */
export function importedConversation(
  known: Pick<
    ExportedConversation,
    'id' | 'title' | 'model' | 'createdAt' | 'updatedAt' | 'currentLeafId' | 'messages'
  >,
): ExportedConversation {
  return { maxOutputTokens: null, pinnedAt: null, ...known };
}
