// Core: a new compare column that starts from a chosen column's history. The chosen column's current thread (the
// branch on screen, question and reply alike) is written again into the new column's conversation, so the new model
// answers the next round knowing everything that column was told and answered.

import type { MessageRepo } from '../db/message-repo';

/**
 * Copies the current thread of `from` into the empty conversation `to`, oldest first. A copied reply keeps its text,
 * model, provider and how it ended, but no usage, cost or generation id: it was paid for once, in the column it came
 * from, and copying it writes no ledger row and adds nothing to the new column's cost. Run inside a transaction.
 */
export function copyThread(messages: MessageRepo, from: string, to: string): number {
  const leaf = messages.currentLeaf(from);
  if (!leaf) return 0;
  const path = messages.threads.pathTo(from, leaf);
  for (const message of path) {
    if (message.role === 'user') {
      messages.insertUser({
        conversationId: to,
        content: message.content,
        model: message.model,
        attachments: message.attachments,
      });
      continue;
    }
    const copy = messages.createAssistant({ conversationId: to, model: message.requestedModel ?? message.model });
    messages.finalize(copy.id, {
      // A reply still streaming in the chosen column is copied as far as it got.
      status: message.status === 'streaming' ? 'stopped' : message.status,
      content: message.content,
      reasoning: message.reasoning,
      model: message.model,
      provider: message.provider,
      generationId: null,
      finishReason: message.finishReason,
      usage: null,
      error: message.error,
      spend: null,
    });
  }
  return path.length;
}
