// The range beside Send: what the next reply should and could cost, from the thread so far and the catalogue's
// prices (shared/cost-estimate.ts does the arithmetic). Null for free models and unknown prices.

import type { Message } from '../../../../shared/domain';
import {
  type AttachmentFacts,
  type CostRange,
  defaultExpectedOutputTokens,
  estimateCostRange,
  fallbackOutputCap,
  tokensForAttachment,
  tokensForText,
} from '../../../../shared/cost-estimate';
import { sumUsd, toUsd } from '../../../../shared/money';
import type { ModelPricing } from './model-prices';

export interface NextReplyFacts {
  thread: readonly Message[];
  draft: string;
  /** The files waiting to go with the draft. Earlier messages' files go again with every turn. */
  attachments?: readonly AttachmentFacts[];
  /** USD charged apart from tokens for this turn: OCR of the draft's PDFs (attachments/pdf-engine.ts). */
  parserUsd?: number;
  pricing: ModelPricing | null;
  /** The conversation's own reply-length cap; null = automatic. */
  maxOutputTokens: number | null;
}

/** The middle completion count of this thread's replies: what a reply here usually takes. */
function typicalOutput(thread: readonly Message[]): number {
  const counts = thread
    .filter((m) => m.role === 'assistant' && m.usage && m.usage.completionTokens > 0)
    .map((m) => m.usage?.completionTokens ?? 0)
    .sort((a, b) => a - b);
  if (counts.length === 0) return defaultExpectedOutputTokens;
  return counts[Math.floor(counts.length / 2)] ?? defaultExpectedOutputTokens;
}

const attachmentTokens = (attachments: readonly AttachmentFacts[]) =>
  attachments.reduce((sum, attachment) => sum + tokensForAttachment(attachment), 0);

export function estimateNextReply(facts: NextReplyFacts): CostRange | null {
  const { pricing } = facts;
  if (!pricing || pricing.isFree) return null;
  if (pricing.promptPrice === 0 && pricing.completionPrice === 0) return null;
  const earlierChars = facts.thread.reduce((sum, m) => sum + m.content.length, 0);
  const earlier =
    tokensForText(earlierChars) + attachmentTokens(facts.thread.flatMap((message) => message.attachments));
  const draft = tokensForText(facts.draft.length) + attachmentTokens(facts.attachments ?? []);
  const range = estimateCostRange({
    promptPrice: pricing.promptPrice,
    completionPrice: pricing.completionPrice,
    cacheReadPrice: pricing.cacheReadPrice ?? null,
    promptTokens: earlier + draft,
    repeatedPromptTokens: earlier,
    expectedOutputTokens: typicalOutput(facts.thread),
    maxOutputTokens: facts.maxOutputTokens ?? pricing.maxCompletionTokens ?? fallbackOutputCap,
  });
  const parser = toUsd(facts.parserUsd ?? 0);
  if (!range || !parser || parser === '0') return range;
  return { low: sumUsd([range.low, parser]), high: sumUsd([range.high, parser]) };
}
