// Core: how many tokens a reply may use (`max_tokens`). OpenRouter reserves credit for the whole cap before it
// answers (docs/openrouter-protocol.md §2.4), so the cap is the model's own maximum, lowered only as far as the key's
// remaining credit requires.

import type { Conversation, ModelSummary } from '../../../shared/domain';

/** When the catalogue does not say how long a model's answers may be. */
export const fallbackMaxOutputTokens = 16_384;
/** Below this a reply is barely useful; rather than cap harder, send it and let OpenRouter answer 402. */
export const minimumMaxOutputTokens = 1_024;

export interface BudgetFacts {
  /** The model's max completion tokens from the catalogue; null when unknown. */
  modelMax: number | null;
  /** USD per completion token; null when unknown or variable. */
  completionPrice: number | null;
  /** USD left on the key's spending cap; null when the key has no cap (or it is unknown). */
  limitRemaining: number | null;
}

export function automaticMaxTokens(facts: BudgetFacts): number {
  const ceiling = facts.modelMax ?? fallbackMaxOutputTokens;
  const price = facts.completionPrice;
  if (facts.limitRemaining === null || price === null || price <= 0) return ceiling;
  const affordable = Math.floor(Math.max(0, facts.limitRemaining) / price);
  return Math.min(ceiling, Math.max(minimumMaxOutputTokens, affordable));
}

export interface BudgetSources {
  /** From the cached catalogue; null when the model is not listed or the catalogue cannot be had. */
  model(id: string): Promise<ModelSummary | null>;
  /** From the key's last known details; null when the key has no cap. */
  limitRemaining(): Promise<number | null>;
}

/** The conversation's own setting wins; otherwise the automatic cap for the model about to answer. */
export function createOutputBudget(sources: BudgetSources) {
  return async (conversation: Conversation, modelId: string): Promise<number> => {
    if (conversation.maxOutputTokens !== null) return conversation.maxOutputTokens;
    const [model, limitRemaining] = await Promise.all([sources.model(modelId), sources.limitRemaining()]);
    return automaticMaxTokens({
      modelMax: model?.maxCompletionTokens ?? null,
      completionPrice: model?.completionPrice ?? null,
      limitRemaining,
    });
  };
}

export type OutputBudget = ReturnType<typeof createOutputBudget>;
